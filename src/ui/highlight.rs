//! Syntax colouring for definitions shown as written (AsyncAPI, GraphQL, gRPC,
//! anything the OpenAPI viewer cannot read). Produces classed text runs; the page
//! renders them as text nodes, so nothing in a definition is ever markup.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Plain,
    Key,
    Keyword,
    String,
    Number,
    Comment,
}

impl Token {
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "tok-plain",
            Token::Key => "tok-key",
            Token::Keyword => "tok-keyword",
            Token::String => "tok-string",
            Token::Number => "tok-number",
            Token::Comment => "tok-comment",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// YAML and JSON: keys, strings, numbers, comments.
    Data,
    /// GraphQL SDL and protobuf: keywords, strings, comments.
    Schema,
}

/// The colouring to use for an API entity's `spec.type`.
pub fn language_for(api_type: &str) -> Language {
    match api_type.to_ascii_lowercase().as_str() {
        "graphql" | "grpc" => Language::Schema,
        _ => Language::Data,
    }
}

const KEYWORDS: [&str; 24] = [
    "type",
    "query",
    "mutation",
    "subscription",
    "schema",
    "input",
    "enum",
    "interface",
    "union",
    "scalar",
    "fragment",
    "on",
    "extend",
    "directive",
    "implements",
    "syntax",
    "package",
    "import",
    "message",
    "service",
    "rpc",
    "returns",
    "repeated",
    "option",
];

fn push(out: &mut Vec<(Token, String)>, t: Token, s: &str) {
    if s.is_empty() {
        return;
    }
    match out.last_mut() {
        Some((last, text)) if *last == t => text.push_str(s),
        _ => out.push((t, s.to_string())),
    }
}

/// Splits `text` into coloured runs; joined back they give `text` unchanged.
/// Each line is coloured on its own, so an editor can colour only the lines
/// that changed (`highlight_line`).
pub fn highlight(text: &str, lang: Language) -> Vec<(Token, String)> {
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        colour_line(line, lang, &mut out);
    }
    out
}

/// The runs of one line.
pub fn highlight_line(line: &str, lang: Language) -> Vec<(Token, String)> {
    let mut out = Vec::new();
    colour_line(line, lang, &mut out);
    out
}

fn colour_line(line: &str, lang: Language, out: &mut Vec<(Token, String)>) {
    match lang {
        Language::Data => data_line(line, out),
        Language::Schema => schema_line(line, out),
    }
}

fn data_line(line: &str, out: &mut Vec<(Token, String)>) {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    push(out, Token::Plain, indent);
    if trimmed.starts_with('#') {
        push(out, Token::Comment, trimmed);
        return;
    }
    let mut rest = trimmed;
    if let Some(d) = rest.strip_prefix("- ") {
        push(out, Token::Plain, "- ");
        rest = d;
    }
    // `key:` (YAML) or `"key":` (JSON) at the start of the line.
    let key_end = if let Some(quoted) = rest.strip_prefix('"') {
        quoted.find('"').map(|i| i + 2).filter(|&i| rest[i..].trim_start().starts_with(':'))
    } else {
        rest.find(": ")
            .or_else(|| rest.trim_end().strip_suffix(':').map(|k| k.len()))
            .filter(|&i| !rest[..i].contains([' ', '{', '[', ',']))
    };
    if let Some(end) = key_end {
        push(out, Token::Key, &rest[..end]);
        rest = &rest[end..];
    }
    values(rest, out);
}

/// Strings, numbers and the rest, for what follows a key.
fn values(s: &str, out: &mut Vec<(Token, String)>) {
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'\'' {
            let end = s[i + 1..].find(c as char).map(|j| i + j + 2).unwrap_or(s.len());
            push(out, Token::String, &s[i..end]);
            i = end;
        } else if c == b'#' && (i == 0 || b[i - 1] == b' ') {
            push(out, Token::Comment, &s[i..]);
            return;
        } else if c.is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let end = s[i..].find(|ch: char| !(ch.is_ascii_digit() || ch == '.')).map(|j| i + j).unwrap_or(s.len());
            push(out, Token::Number, &s[i..end]);
            i = end;
        } else {
            let ch_len = s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
            push(out, Token::Plain, &s[i..i + ch_len]);
            i += ch_len;
        }
    }
}

fn schema_line(line: &str, out: &mut Vec<(Token, String)>) {
    let mut i = 0;
    let b = line.as_bytes();
    while i < b.len() {
        let rest = &line[i..];
        if rest.starts_with('#') || rest.starts_with("//") {
            let end = rest.find('\n').map(|j| i + j).unwrap_or(line.len());
            push(out, Token::Comment, &line[i..end]);
            i = end;
        } else if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').map(|j| i + j + 2).unwrap_or(line.len());
            push(out, Token::String, &line[i..end]);
            i = end;
        } else if b[i].is_ascii_alphabetic() || b[i] == b'_' {
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map(|j| i + j).unwrap_or(line.len());
            let word = &line[i..end];
            push(out, if KEYWORDS.contains(&word) { Token::Keyword } else { Token::Plain }, word);
            i = end;
        } else {
            let ch_len = rest.chars().next().map(char::len_utf8).unwrap_or(1);
            push(out, Token::Plain, &line[i..i + ch_len]);
            i += ch_len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(runs: &[(Token, String)]) -> String {
        runs.iter().map(|(_, s)| s.as_str()).collect()
    }

    #[test]
    fn yaml_keys_strings_numbers_comments() {
        let text = "asyncapi: 2.6.0\n# events\nchannels:\n  order/created:\n    description: \"An order\" # note\n  - count: 3\n";
        let runs = highlight(text, Language::Data);
        assert_eq!(joined(&runs), text);
        assert!(runs.contains(&(Token::Key, "asyncapi".into())));
        assert!(runs.contains(&(Token::Key, "order/created".into())));
        assert!(runs.contains(&(Token::Comment, "# events\n".into())));
        assert!(runs.contains(&(Token::String, "\"An order\"".into())));
        assert!(runs.contains(&(Token::Comment, "# note\n".into())));
        assert!(runs.contains(&(Token::Number, "3".into())));
    }

    #[test]
    fn json_keys() {
        let runs = highlight("{\n  \"openapi\": \"3.0\",\n  \"n\": 1\n}", Language::Data);
        assert!(runs.contains(&(Token::Key, "\"openapi\"".into())));
        assert!(runs.contains(&(Token::String, "\"3.0\"".into())));
    }

    #[test]
    fn graphql_and_proto_keywords() {
        let text = "type Order {\n  id: ID! # the id\n}\nservice Orders { rpc Get(Req) returns (Order); }";
        let runs = highlight(text, Language::Schema);
        assert_eq!(joined(&runs), text);
        assert!(runs.contains(&(Token::Keyword, "type".into())));
        assert!(runs.contains(&(Token::Keyword, "rpc".into())));
        assert!(runs.contains(&(Token::Comment, "# the id".into())));
        assert!(!runs.contains(&(Token::Keyword, "Order".into())));
    }

    #[test]
    fn hostile_text_is_kept_verbatim() {
        let text = "<script>alert(1)</script>: \"<img onerror=x>\"";
        assert_eq!(joined(&highlight(text, Language::Data)), text);
        assert_eq!(language_for("GraphQL"), Language::Schema);
        assert_eq!(language_for("asyncapi"), Language::Data);
    }
}
