//! A small YAML reader for API definitions (OpenAPI, AsyncAPI) stored in entities:
//! block mappings and sequences by indentation, flow `{…}`/`[…]`, plain, single-
//! and double-quoted scalars, `|`/`>` block scalars and comments. Anchors, tags
//! and multi-document streams are not supported and give a clear error, so the
//! page can fall back to the raw text. Output is JSON, the shape the viewer reads.

use serde_json::{Map, Number, Value};

#[derive(Debug, PartialEq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

struct Line<'a> {
    no: usize,
    indent: usize,
    text: &'a str,
}

fn err<T>(line: usize, message: impl Into<String>) -> Result<T, YamlError> {
    Err(YamlError { line, message: message.into() })
}

/// Strips a trailing `# comment` that is outside quotes.
fn strip_comment(s: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\'' if !double => single = !single,
            b'"' if !single && (i == 0 || bytes[i - 1] != b'\\') => double = !double,
            b'#' if !single && !double && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') => return s[..i].trim_end(),
            _ => {}
        }
    }
    s.trim_end()
}

pub fn parse(text: &str) -> Result<Value, YamlError> {
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, raw)| Line { no: i + 1, indent: raw.len() - raw.trim_start_matches(' ').len(), text: raw })
        .collect();
    let mut p = Parser { lines, pos: 0 };
    p.skip_blank();
    if p.pos < p.lines.len() && p.lines[p.pos].text.trim() == "---" {
        p.pos += 1;
    }
    p.skip_blank();
    if p.pos >= p.lines.len() {
        return Ok(Value::Null);
    }
    let indent = p.lines[p.pos].indent;
    let v = p.block(indent)?;
    p.skip_blank();
    if p.pos < p.lines.len() {
        let l = &p.lines[p.pos];
        return err(l.no, if l.text.trim() == "---" { "more than one document" } else { "unexpected indentation" });
    }
    Ok(v)
}

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn skip_blank(&mut self) {
        while self.pos < self.lines.len() && strip_comment(self.lines[self.pos].text.trim_start()).is_empty() {
            self.pos += 1;
        }
    }

    /// A block node whose lines start at `indent`.
    fn block(&mut self, indent: usize) -> Result<Value, YamlError> {
        self.skip_blank();
        let first = strip_comment(self.lines[self.pos].text.trim_start());
        if first == "-" || first.starts_with("- ") {
            self.sequence(indent)
        } else if first.starts_with(['{', '[']) {
            let no = self.lines[self.pos].no;
            self.pos += 1;
            self.inline_value(first, no, indent)
        } else if find_key(first).is_some() {
            self.mapping(indent)
        } else {
            // A multi-line plain scalar.
            let mut parts = Vec::new();
            while self.pos < self.lines.len() && self.lines[self.pos].indent >= indent {
                parts.push(strip_comment(self.lines[self.pos].text.trim()).to_string());
                self.pos += 1;
                self.skip_blank();
            }
            scalar(&parts.join(" "), self.lines[self.pos.saturating_sub(1)].no)
        }
    }

    fn sequence(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(l) = self.lines.get(self.pos) else { break };
            let t = strip_comment(l.text.trim_start());
            if l.indent != indent || !(t == "-" || t.starts_with("- ")) {
                if l.indent > indent {
                    return err(l.no, "unexpected indentation in a list");
                }
                break;
            }
            let rest = t[1..].trim_start();
            let (no, line_text) = (l.no, l.text);
            // The column where the item's content starts (`- a: 1` → the `a`).
            let item_indent = rest.as_ptr() as usize - line_text.as_ptr() as usize;
            if rest.is_empty() {
                self.pos += 1;
                self.skip_blank();
                match self.lines.get(self.pos) {
                    Some(n) if n.indent > indent => items.push(self.block(n.indent)?),
                    _ => items.push(Value::Null),
                }
            } else if rest.starts_with("- ") || (find_key(rest).is_some() && !rest.starts_with(['{', '[', '"', '\''])) {
                // `- key: value` opens a mapping whose lines continue at the item's column.
                self.lines[self.pos] = Line { no, indent: item_indent, text: &line_text[item_indent..] };
                items.push(self.block(item_indent)?);
            } else {
                self.pos += 1;
                items.push(self.inline_value(rest, no, indent)?);
            }
        }
        Ok(Value::Array(items))
    }

    fn mapping(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut map = Map::new();
        loop {
            self.skip_blank();
            let Some(l) = self.lines.get(self.pos) else { break };
            if l.indent < indent {
                break;
            }
            if l.indent > indent {
                return err(l.no, "unexpected indentation");
            }
            let t = strip_comment(l.text.trim_start());
            if t == "-" || t.starts_with("- ") || t == "---" {
                break;
            }
            let no = l.no;
            let Some(colon) = find_key(t) else { return err(no, format!("expected \"key: value\", found \"{t}\"")) };
            let key = unquote_key(t[..colon].trim(), no)?;
            let rest = t[colon + 1..].trim();
            self.pos += 1;
            let value = if rest.is_empty() {
                self.skip_blank();
                match self.lines.get(self.pos) {
                    Some(n) if n.indent > indent => self.block(n.indent)?,
                    // A list may sit at the same indentation as its key.
                    Some(n)
                        if n.indent == indent && {
                            let s = strip_comment(n.text.trim_start());
                            s == "-" || s.starts_with("- ")
                        } =>
                    {
                        self.sequence(indent)?
                    }
                    _ => Value::Null,
                }
            } else {
                self.inline_value(rest, no, indent)?
            };
            if rest.starts_with(['&', '*', '!']) {
                return err(no, "anchors, aliases and tags are not supported");
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// The value after `key:` or `- ` on one line; block scalars read on.
    fn inline_value(&mut self, rest: &str, no: usize, parent_indent: usize) -> Result<Value, YamlError> {
        if rest.starts_with('|') || rest.starts_with('>') {
            return Ok(Value::String(self.block_scalar(rest, parent_indent)));
        }
        if rest.starts_with(['&', '*', '!']) {
            return err(no, "anchors, aliases and tags are not supported");
        }
        if rest.starts_with(['{', '[']) {
            // Flow collections may span lines: gather until brackets balance.
            let mut text = rest.to_string();
            while !balanced(&text) {
                let Some(l) = self.lines.get(self.pos) else { return err(no, "unclosed { or [") };
                text.push(' ');
                text.push_str(strip_comment(l.text.trim()));
                self.pos += 1;
            }
            let mut f = Flow { s: text.as_bytes(), i: 0, line: no };
            let v = f.value()?;
            f.ws();
            if f.i < f.s.len() {
                return err(no, "unexpected text after a { } or [ ] value");
            }
            return Ok(v);
        }
        scalar(rest, no)
    }

    fn block_scalar(&mut self, header: &str, parent_indent: usize) -> String {
        let folded = header.starts_with('>');
        let keep = header.contains('+');
        let strip = header.contains('-');
        let mut raw: Vec<&str> = Vec::new();
        let mut indent = None;
        while let Some(l) = self.lines.get(self.pos) {
            if l.text.trim().is_empty() {
                raw.push("");
                self.pos += 1;
                continue;
            }
            if l.indent <= parent_indent {
                break;
            }
            let ind = *indent.get_or_insert(l.indent);
            if l.indent < ind {
                break;
            }
            raw.push(&l.text[ind..]);
            self.pos += 1;
        }
        // Trailing blank lines belong to what follows unless kept.
        let mut trailing = 0;
        while raw.last() == Some(&"") {
            raw.pop();
            trailing += 1;
        }
        let mut out = String::new();
        for (i, line) in raw.iter().enumerate() {
            if i > 0 {
                let prev = raw[i - 1];
                let join_space = folded && !prev.is_empty() && !line.is_empty() && !line.starts_with(' ') && !prev.starts_with(' ');
                out.push(if join_space { ' ' } else { '\n' });
            }
            out.push_str(line);
        }
        if !strip && !raw.is_empty() {
            out.push('\n');
        }
        if keep {
            out.extend(std::iter::repeat_n('\n', trailing));
        }
        out
    }
}

fn balanced(s: &str) -> bool {
    let (mut depth, mut single, mut double) = (0i32, false, false);
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\'' if !double => single = !single,
            b'"' if !single && (i == 0 || b[i - 1] != b'\\') => double = !double,
            b'{' | b'[' if !single && !double => depth += 1,
            b'}' | b']' if !single && !double => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

/// Position of the `:` that ends a mapping key on this line, if any.
fn find_key(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    if b.first().is_some_and(|c| *c == b'"' || *c == b'\'') {
        let q = b[0];
        let mut i = 1;
        while i < b.len() {
            if b[i] == b'\\' && q == b'"' {
                i += 2;
                continue;
            }
            if b[i] == q {
                return (b.get(i + 1) == Some(&b':') && (i + 2 == b.len() || b[i + 2] == b' ')).then_some(i + 1);
            }
            i += 1;
        }
        return None;
    }
    if b.first().is_some_and(|c| *c == b'{' || *c == b'[') {
        return None;
    }
    (0..b.len()).find(|&i| b[i] == b':' && (i + 1 == b.len() || b[i + 1] == b' '))
}

fn unquote_key(k: &str, line: usize) -> Result<String, YamlError> {
    match scalar(k, line)? {
        Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// A plain or quoted scalar, typed as YAML 1.2's core schema does.
fn scalar(s: &str, line: usize) -> Result<Value, YamlError> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"') {
        let Some(inner) = inner.strip_suffix('"') else { return err(line, "unclosed double quote") };
        return serde_json::from_str::<String>(&format!("\"{inner}\""))
            .map(Value::String)
            .or_else(|_| err(line, "bad escape in a double-quoted string"));
    }
    if let Some(inner) = s.strip_prefix('\'') {
        let Some(inner) = inner.strip_suffix('\'') else { return err(line, "unclosed single quote") };
        return Ok(Value::String(inner.replace("''", "'")));
    }
    Ok(match s {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            if let Ok(i) = s.parse::<i64>() {
                Value::Number(i.into())
            } else if let Some(n) =
                s.parse::<f64>().ok().filter(|f| f.is_finite() && s.contains(|c: char| c.is_ascii_digit())).and_then(Number::from_f64)
            {
                Value::Number(n)
            } else {
                Value::String(s.to_string())
            }
        }
    })
}

struct Flow<'a> {
    s: &'a [u8],
    i: usize,
    line: usize,
}

impl Flow<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] == b' ' || self.s[self.i] == b'\t') {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Value, YamlError> {
        self.ws();
        match self.s.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut map = Map::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Ok(Value::Object(map));
                    }
                    let k = match self.atom(true)? {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    self.ws();
                    let v = if self.s.get(self.i) == Some(&b':') {
                        self.i += 1;
                        self.value()?
                    } else {
                        Value::Null
                    };
                    map.insert(k, v);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {}
                        _ => return err(self.line, "expected , or } in a { } mapping"),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Ok(Value::Array(items));
                    }
                    items.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {}
                        _ => return err(self.line, "expected , or ] in a [ ] list"),
                    }
                }
            }
            Some(_) => self.atom(false),
            None => err(self.line, "a value is missing"),
        }
    }

    /// A scalar inside a flow collection; in a key, `:` ends it.
    fn atom(&mut self, is_key: bool) -> Result<Value, YamlError> {
        self.ws();
        let start = self.i;
        if let Some(&q) = self.s.get(self.i).filter(|c| **c == b'"' || **c == b'\'') {
            self.i += 1;
            while self.i < self.s.len() && self.s[self.i] != q {
                if self.s[self.i] == b'\\' && q == b'"' {
                    self.i += 1;
                }
                self.i += 1;
            }
            self.i += 1;
        } else {
            while self.i < self.s.len() {
                let c = self.s[self.i];
                if c == b',' || c == b'}' || c == b']' || (c == b':' && (is_key || self.s.get(self.i + 1) == Some(&b' '))) {
                    break;
                }
                self.i += 1;
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i.min(self.s.len())]).unwrap_or("");
        scalar(text, self.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn openapi_document() {
        let y = r#"
openapi: 3.0.3   # the version
info:
  title: Checkout API
  version: 2.1.0
  description: |
    Create carts.
    Then check out.
servers:
  - url: https://api.acme.example/checkout/v2
paths:
  /carts/{cartId}/checkout:
    post:
      tags: [orders]
      parameters:
        - name: cartId
          in: path
          required: true
          schema: { type: string }
      responses:
        '200':
          description: The order
        "409":
          description: >
            Already checked
            out
components:
  schemas:
    Cart:
      type: object
      required: [items]
      properties:
        quantity: { type: integer, minimum: 1 }
        currency: { type: string, enum: [EUR, USD] }
"#;
        let v = parse(y).unwrap();
        assert_eq!(v["openapi"], json!("3.0.3"));
        assert_eq!(v["info"]["version"], json!("2.1.0"));
        assert_eq!(v["info"]["description"], json!("Create carts.\nThen check out.\n"));
        assert_eq!(v["servers"][0]["url"], json!("https://api.acme.example/checkout/v2"));
        let op = &v["paths"]["/carts/{cartId}/checkout"]["post"];
        assert_eq!(op["tags"], json!(["orders"]));
        assert_eq!(op["parameters"][0], json!({"name": "cartId", "in": "path", "required": true, "schema": {"type": "string"}}));
        assert_eq!(op["responses"]["200"]["description"], json!("The order"));
        assert_eq!(op["responses"]["409"]["description"], json!("Already checked out\n"));
        assert_eq!(v["components"]["schemas"]["Cart"]["properties"]["quantity"], json!({"type": "integer", "minimum": 1}));
        assert_eq!(v["components"]["schemas"]["Cart"]["properties"]["currency"]["enum"], json!(["EUR", "USD"]));
    }

    #[test]
    fn lists_at_key_indentation_and_nested_lists() {
        let v = parse("a:\n- x\n- y: 1\n  z: 2\n- - n\n  - m\nb: 'it''s'\n").unwrap();
        assert_eq!(v, json!({"a": ["x", {"y": 1, "z": 2}, ["n", "m"]], "b": "it's"}));
    }

    #[test]
    fn scalars() {
        assert_eq!(
            parse("a: 1.5\nb: ~\nc: true\nd: \"q\\n\"\ne: 1.0.0\nf: http://x:80/y").unwrap(),
            json!({"a": 1.5, "b": null, "c": true, "d": "q\n", "e": "1.0.0", "f": "http://x:80/y"})
        );
        assert_eq!(parse("").unwrap(), Value::Null);
        assert_eq!(parse("{\"a\": [1, 2]}").unwrap(), json!({"a": [1, 2]}));
    }

    #[test]
    fn unsupported_or_broken_input_is_an_error_with_a_line() {
        assert_eq!(parse("a: &x 1\nb: *x\n").unwrap_err().line, 1);
        assert!(parse("a: 1\n---\nb: 2\n").unwrap_err().message.contains("more than one document"));
        assert!(parse("not: [valid").is_err());
        let e = parse("a:\n  b: 1\n c: 2\n").unwrap_err();
        assert_eq!(e.line, 3);
    }
}
