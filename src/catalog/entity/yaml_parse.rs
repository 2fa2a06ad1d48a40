//! Reads an API definition (OpenAPI, AsyncAPI) written in YAML into JSON, the
//! shape the viewer reads. The YAML 1.2 parsing is yaml-rust2's (it passes the
//! whole yaml-test-suite: `tests/conformance.rs`); this module only builds the
//! JSON value straight from its events, resolving scalars by the core schema
//! (as Backstage's frontend does), and says where a document is broken.

use serde_json::{Map, Number, Value};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::Yaml;

#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// How many values aliases may copy in all: a real definition reuses a few
/// anchors; a "billion laughs" document would fill the tab's memory.
const ALIAS_BUDGET: usize = 1_000_000;

/// The single document in `text` as JSON (an empty text is `null`).
pub fn parse(text: &str) -> Result<Value, YamlError> {
    let mut reader = Reader::new(text);
    loop {
        if let Some(done) = reader.read(usize::MAX) {
            return done;
        }
    }
}

/// One document of a multi-document text, with where each key was written.
#[derive(Debug, PartialEq)]
pub struct Document {
    pub value: Value,
    /// The line its content starts on.
    pub line: usize,
    /// Every mapping key by its dotted path (`spec.owner`, `spec.tags.0`) and line.
    pub keys: Vec<(String, usize)>,
}

impl Document {
    /// The line a dotted path was written on, or its nearest written parent's.
    pub fn line_of(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some((_, line)) = self.keys.iter().find(|(k, _)| k == p) {
                return *line;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return self.line,
            }
        }
    }
}

/// Every document in `text` (as `kubectl` and the catalog read a file with
/// `---` between entities), and the error that stopped the reading, if any:
/// the documents before it are still returned.
pub fn documents(text: &str) -> (Vec<Document>, Option<YamlError>) {
    let mut parser = Parser::new_from_str(text);
    let mut b = Builder { track_keys: true, ..Builder::default() };
    let error = loop {
        match parser.next_token() {
            Err(e) => break Some(at(e.marker(), e.info())),
            Ok((Event::StreamEnd, _)) => break None,
            Ok((ev, mark)) => {
                b.event(ev, mark);
                if let Some(e) = b.error.take() {
                    break Some(e);
                }
            }
        }
    };
    let docs = b.docs.into_iter().zip(b.doc_keys).map(|(value, (line, keys))| Document { value, line, keys }).collect();
    (docs, error)
}

/// A document read a slice at a time, so a page can read a 10 MB definition
/// without freezing: it reads some events, then lets the browser paint.
pub struct Reader<'a> {
    parser: Parser<std::str::Chars<'a>>,
    builder: Builder,
    len: usize,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { parser: Parser::new_from_str(text), builder: Builder::default(), len: text.len().max(1), at: 0 }
    }

    /// Reads up to `events` more parser events; the document once it is read.
    pub fn read(&mut self, events: usize) -> Option<Result<Value, YamlError>> {
        for _ in 0..events {
            let (ev, mark) = match self.parser.next_token() {
                Ok(e) => e,
                Err(e) => return Some(Err(at(e.marker(), e.info()))),
            };
            self.at = mark.index();
            if ev == Event::StreamEnd {
                return Some(self.finish());
            }
            self.builder.event(ev, mark);
            if let Some(e) = self.builder.error.take() {
                return Some(Err(e));
            }
        }
        None
    }

    /// How far through the text it is, from 0 to 1.
    pub fn progress(&self) -> f64 {
        (self.at as f64 / self.len as f64).min(1.0)
    }

    fn finish(&mut self) -> Result<Value, YamlError> {
        let b = std::mem::take(&mut self.builder);
        let mut docs = b.docs.into_iter();
        let first = docs.next().unwrap_or(Value::Null);
        match docs.next() {
            None => Ok(first),
            Some(_) => Err(YamlError { line: b.second_doc_line, column: 1, message: "the text holds more than one YAML document".into() }),
        }
    }
}

fn at(m: &Marker, message: &str) -> YamlError {
    YamlError { line: m.line(), column: m.col() + 1, message: message.to_string() }
}

enum Frame {
    Seq(Vec<Value>, usize),
    Map(Map<String, Value>, usize, Option<String>),
}

#[derive(Default)]
struct Builder {
    docs: Vec<Value>,
    stack: Vec<Frame>,
    /// Anchored values by id, with how many values each holds.
    anchors: Vec<(usize, Value, usize)>,
    alias_copies: usize,
    second_doc_line: usize,
    docs_before: usize,
    error: Option<YamlError>,
    /// For `documents`: each document's start line and key lines.
    track_keys: bool,
    doc_keys: Vec<(usize, Vec<(String, usize)>)>,
}

impl Builder {
    /// Takes one parser event; a broken document leaves its reason in `error`,
    /// which the reader takes at once.
    fn event(&mut self, ev: Event, mark: Marker) {
        let done = match ev {
            Event::DocumentStart => {
                if self.docs.len() == 1 && self.second_doc_line == 0 {
                    self.second_doc_line = mark.line();
                }
                self.docs_before = self.docs.len();
                if self.track_keys {
                    self.doc_keys.push((mark.line(), Vec::new()));
                }
                return;
            }
            Event::DocumentEnd => {
                // An empty document is null.
                if self.docs.len() == self.docs_before {
                    self.docs.push(Value::Null);
                }
                if self.track_keys && self.doc_keys.len() < self.docs.len() {
                    self.doc_keys.push((mark.line(), Vec::new()));
                }
                return;
            }
            Event::SequenceStart(anchor, _) => {
                self.stack.push(Frame::Seq(vec![], anchor));
                return;
            }
            Event::MappingStart(anchor, _) => {
                self.stack.push(Frame::Map(Map::new(), anchor, None));
                return;
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq(items, anchor)) => (Value::Array(items), anchor),
                Some(Frame::Map(m, anchor, _)) => (Value::Object(m), anchor),
                None => return,
            },
            Event::Scalar(text, style, anchor, tag) => (scalar(text, style, tag.as_ref()), anchor),
            Event::Alias(id) => match self.anchors.iter().rev().find(|(a, _, _)| *a == id) {
                Some((_, v, size)) => {
                    self.alias_copies += size;
                    if self.alias_copies > ALIAS_BUDGET {
                        self.error = Some(at(&mark, "aliases expand to more values than a definition can hold"));
                        return;
                    }
                    (v.clone(), 0)
                }
                None => {
                    self.error = Some(at(&mark, "an alias refers to an anchor that is not defined"));
                    return;
                }
            },
            Event::StreamStart | Event::StreamEnd | Event::Nothing => return,
        };
        self.insert(done.0, done.1, mark);
    }

    fn insert(&mut self, value: Value, anchor: usize, mark: Marker) {
        if anchor > 0 {
            self.anchors.push((anchor, value.clone(), size(&value)));
        }
        match self.stack.last_mut() {
            None => self.docs.push(value),
            Some(Frame::Seq(items, _)) => items.push(value),
            Some(Frame::Map(_, _, None)) if self.track_keys => {
                let key = key_text(value);
                let path = self.path_to(&key);
                if let Some((_, keys)) = self.doc_keys.last_mut() {
                    keys.push((path, mark.line()));
                }
                if let Some(Frame::Map(_, _, k)) = self.stack.last_mut() {
                    *k = Some(key);
                }
            }
            Some(Frame::Map(m, _, key)) => match key.take() {
                None => *key = Some(key_text(value)),
                Some(k) => {
                    if m.contains_key(&k) {
                        self.error = Some(at(&mark, &format!("the key \"{k}\" appears twice in one mapping")));
                    } else {
                        m.insert(k, value);
                    }
                }
            },
        }
    }
}

impl Builder {
    /// The dotted path of `key` in the innermost mapping being built.
    fn path_to(&self, key: &str) -> String {
        let mut path = String::new();
        for f in &self.stack[..self.stack.len().saturating_sub(1)] {
            match f {
                Frame::Map(_, _, Some(k)) => path.push_str(k),
                Frame::Map(_, _, None) => {}
                Frame::Seq(items, _) => path.push_str(&items.len().to_string()),
            }
            path.push('.');
        }
        path.push_str(key);
        path
    }
}

/// A scalar by the YAML 1.2 core schema: quoted and block scalars are text;
/// plain ones may be null, booleans or numbers; `!!str` and friends decide.
fn scalar(text: String, style: TScalarStyle, tag: Option<&Tag>) -> Value {
    if let Some(t) = tag.filter(|t| t.handle == "tag:yaml.org,2002:" || t.handle == "!!") {
        return match t.suffix.as_str() {
            "str" => Value::String(text),
            "int" | "float" | "bool" | "null" => from_yaml(Yaml::from_str(&text)).unwrap_or(Value::String(text)),
            _ => Value::String(text),
        };
    }
    if style != TScalarStyle::Plain || tag.is_some() {
        return Value::String(text);
    }
    from_yaml(Yaml::from_str(&text)).unwrap_or(Value::String(text))
}

fn from_yaml(y: Yaml) -> Option<Value> {
    Some(match y {
        Yaml::Null => Value::Null,
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Integer(i) => Value::from(i),
        // JSON has no infinity or NaN: keep their text.
        Yaml::Real(r) => Value::Number(Number::from_f64(r.parse::<f64>().ok()?)?),
        _ => return None,
    })
}

/// A mapping key as JSON object keys are: text (numbers and booleans as written
/// in JSON, a null key as `null`, a complex key as its JSON).
fn key_text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

fn size(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(size).sum::<usize>(),
        Value::Object(m) => 1 + m.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_the_old_reader_got_wrong() {
        // Plain scalars folded over lines (Ruby's Psych writes GitHub's description so).
        assert_eq!(parse("info:\n  description: one\n    two\n").unwrap(), json!({"info": {"description": "one two"}}));
        assert_eq!(parse("- \"$ref\": \"#/a\"\n").unwrap(), json!([{"$ref": "#/a"}]));
        assert_eq!(parse("a: >-\n  one\n\n  two\n").unwrap(), json!({"a": "one\ntwo"}));
        assert_eq!(parse("a: |\n  x\n  \n  y\n").unwrap(), json!({"a": "x\n\ny\n"}));
        assert_eq!(parse("a: 1\n...\n").unwrap(), json!({"a": 1}));
        assert_eq!(parse("? k\n: v\n").unwrap(), json!({"k": "v"}));
        assert!(parse("a: b: c\n").is_err());
        assert_eq!(parse("a: &x [1, 2]\nb: *x\n").unwrap(), json!({"a": [1, 2], "b": [1, 2]}));
        assert_eq!(parse("").unwrap(), Value::Null);
        assert_eq!(
            parse("n: ~\nt: true\nf: 1.5\nh: 0x10\ns: '1'\nq: !!str 2\n").unwrap(),
            json!({"n": null, "t": true, "f": 1.5, "h": 16, "s": "1", "q": "2"})
        );
    }

    #[test]
    fn documents_keep_their_key_lines() {
        let text = "# a comment\nkind: Component\nmetadata:\n  name: a\nspec:\n  tags: [x]\n  links:\n    - url: u\n---\nkind: API\nmetadata: {name: b}\n";
        let (docs, err) = documents(text);
        assert_eq!(err, None);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].value["metadata"]["name"], "a");
        assert_eq!(docs[0].line_of("metadata.name"), 4);
        assert_eq!(docs[0].line_of("spec.links.0.url"), 8);
        assert_eq!(docs[0].line_of("spec.owner"), 5, "a missing key points at its parent");
        assert_eq!(docs[1].line_of("metadata.name"), 11);
        assert_eq!(docs[1].line_of("nothing"), 9, "nothing written: the document's start");
        // A broken second document keeps the first.
        let (docs, err) = documents("kind: A\n---\nkind: [B\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(err.unwrap().line, 4);
    }

    #[test]
    fn errors_say_where() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(e.line >= 2, "{e}");
        let e = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "the key \"a\" appears twice in one mapping"));
        let e = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "the text holds more than one YAML document"));
        let e = parse("a: *nope\n").unwrap_err();
        assert!(e.message.contains("anchor"), "{e}");
    }

    #[test]
    fn billion_laughs_is_refused_not_expanded() {
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            doc.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        assert!(parse(&doc).unwrap_err().message.contains("more values"));
    }
}
