//! JSON Schema draft-07 validation, as ajv (rjsf's validator in Backstage's
//! wizard) does it, with every failure in plain words. `error` checks a value
//! deeply (conditions: `if`, dependency branches, choices); `level_error` checks
//! only what a form field can show about itself, because the form renders
//! `properties`, `items`, `required` and the conditions as fields of their own.
//!
//! Where ajv 8 departs from the draft-07 text, ajv wins (the templates were
//! written against it): keywords beside a `$ref` apply too (see the conformance
//! test's named exceptions). Every `$ref` resolution counts against a depth
//! bound, so a schema that refers to itself without end gives an error instead
//! of a hang.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::model::percent;
use crate::scaffolder::forms::formats;
use crate::scaffolder::forms::keywords::{enum_options, plain, Patterns};

/// How many `$ref`s one check may follow in a row without consuming data: far
/// more than any real schema nests, few enough to answer at once.
const MAX_REF_DEPTH: usize = 64;

/// Draft-07's own meta-schema, which ajv knows without being told: a schema may
/// `$ref` it to say "a schema goes here".
const META_SCHEMA_ID: &str = "http://json-schema.org/draft-07/schema";

fn meta_schema() -> &'static Value {
    static META: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    META.get_or_init(|| serde_json::from_str(include_str!("draft7_meta_schema.json")).expect("the bundled meta-schema is JSON"))
}

/// What is wrong with `schema` as a draft-07 schema (a template author's
/// mistake, such as `required: name` instead of a list), as the end of a sentence.
pub fn schema_problem(schema: &Value, patterns: Patterns) -> Option<String> {
    Check::new(meta_schema(), patterns).error(schema, meta_schema())
}

pub struct Check<'a> {
    patterns: Patterns<'a>,
    /// Every schema that has an identifier, by absolute URI (`""` for a root
    /// without `$id`).
    ids: HashMap<String, &'a Value>,
    /// The base URI in effect inside each schema (by address), for its `$ref`.
    bases: HashMap<*const Value, String>,
    /// Whether some `$ref` names the meta-schema.
    wants_meta: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// Everything, recursively.
    Deep,
    /// This level's own rules: the form checks the rest field by field.
    Level,
}

impl<'a> Check<'a> {
    pub fn new(root: &'a Value, patterns: Patterns<'a>) -> Self {
        let mut c = Check { patterns, ids: HashMap::new(), bases: HashMap::new(), wants_meta: false };
        c.ids.insert(String::new(), root);
        c.index(root, "");
        if c.wants_meta && !c.ids.contains_key(META_SCHEMA_ID) {
            c.index(meta_schema(), "");
        }
        c
    }

    fn index(&mut self, s: &'a Value, parent_base: &str) {
        let Some(o) = s.as_object() else { return };
        let mut base = parent_base.to_string();
        // Beside a `$ref`, draft-07 ignores `$id` (ajv too).
        if let Some(r) = o.get("$ref").and_then(Value::as_str) {
            self.wants_meta |= resolve(parent_base, r).starts_with(META_SCHEMA_ID);
        } else {
            if let Some(id) = o.get("$id").and_then(Value::as_str) {
                base = resolve(parent_base, id);
                self.ids.insert(base.strip_suffix('#').unwrap_or(&base).to_string(), s);
            }
        }
        self.bases.insert(s as *const Value, base.clone());
        for (k, v) in o {
            match k.as_str() {
                "properties" | "patternProperties" | "definitions" | "dependencies" => {
                    for sub in v.as_object().into_iter().flat_map(|m| m.values()) {
                        self.index(sub, &base);
                    }
                }
                "items" | "allOf" | "anyOf" | "oneOf" => match v {
                    Value::Array(a) => a.iter().for_each(|sub| self.index(sub, &base)),
                    _ => self.index(v, &base),
                },
                "additionalItems" | "additionalProperties" | "contains" | "propertyNames" | "not" | "if" | "then" | "else" => {
                    self.index(v, &base)
                }
                _ => {}
            }
        }
    }

    /// Whether `value` satisfies `schema`.
    pub fn is_valid(&self, value: &Value, schema: &Value) -> bool {
        self.error(value, schema).is_none()
    }

    /// The first rule `value` breaks, as the end of a sentence ("must be text.").
    pub fn error(&self, value: &Value, schema: &Value) -> Option<String> {
        self.check(value, schema, Scope::Deep, 0)
    }

    /// The first of this level's own rules that `value` breaks.
    pub fn level_error(&self, value: &Value, schema: &Map<String, Value>) -> Option<String> {
        self.object(value, schema, None, Scope::Level, 0)
    }

    fn check(&self, v: &Value, s: &Value, scope: Scope, depth: usize) -> Option<String> {
        match s {
            Value::Bool(false) => Some("is not allowed here.".into()),
            Value::Object(o) => self.object(v, o, Some(s), scope, depth),
            _ => None,
        }
    }

    /// `$ref`'s target, resolved against the base URI of the schema holding it.
    fn target(&self, holder: Option<&Value>, r: &str) -> Option<&'a Value> {
        let base = holder.and_then(|h| self.bases.get(&(h as *const Value))).map(String::as_str).unwrap_or("");
        let uri = resolve(base, r);
        let (doc, fragment) = uri.split_once('#').unwrap_or((&uri, ""));
        if fragment.is_empty() || fragment.starts_with('/') {
            let doc = self.ids.get(doc)?;
            doc.pointer(&percent::decode(fragment))
        } else {
            self.ids.get(&uri).copied()
        }
    }

    fn object(&self, v: &Value, s: &Map<String, Value>, holder: Option<&Value>, scope: Scope, depth: usize) -> Option<String> {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            if depth >= MAX_REF_DEPTH {
                return Some("cannot be checked: the form's schema refers to itself without end.".into());
            }
            let Some(target) = self.target(holder, r) else {
                return Some(format!("cannot be checked: the form's schema refers to {r}, which it does not define."));
            };
            if let Some(e) = self.check(v, target, scope, depth + 1) {
                return Some(e);
            }
        }
        let deep = scope == Scope::Deep;
        if let Some(e) = type_error(v, s) {
            return Some(e);
        }
        if let Some(c) = s.get("const") {
            if !same(c, v) {
                return Some(format!("must be {}.", plain(c)));
            }
        }
        // A list of choices (`enum`, or `oneOf`/`anyOf` of `const`s) says which.
        let choices = enum_options(s);
        if let Some(opts) = &choices {
            if !opts.iter().any(|(c, _)| same(c, v)) {
                let labels: Vec<String> = opts.iter().map(|(_, l)| l.clone()).collect();
                return Some(format!("must be one of: {}.", labels.join(", ")));
            }
        }
        let own = match v {
            Value::String(t) => self.string(t, s),
            Value::Number(_) => number(v.as_f64().unwrap_or(0.0), s),
            Value::Array(items) => self.array(items, s, scope, depth),
            Value::Object(m) => self.properties(m, s, scope, depth),
            _ => None,
        };
        if own.is_some() {
            return own;
        }
        if deep {
            if let Some(all) = s.get("allOf").and_then(Value::as_array) {
                if let Some(e) = all.iter().find_map(|sub| self.check(v, sub, scope, depth)) {
                    return Some(e);
                }
            }
        }
        let consts_only = choices.is_some() && !s.contains_key("enum");
        if !consts_only {
            if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
                if !any.iter().any(|sub| self.check(v, sub, Scope::Deep, depth).is_none()) {
                    return Some("does not fit any of the allowed forms.".into());
                }
            }
            if let Some(one) = s.get("oneOf").and_then(Value::as_array) {
                match one.iter().filter(|sub| self.check(v, sub, Scope::Deep, depth).is_none()).count() {
                    1 => {}
                    0 => return Some("does not fit any of the allowed forms.".into()),
                    _ => return Some("fits more than one of the forms it must choose between.".into()),
                }
            }
        }
        if let Some(not) = s.get("not") {
            if self.check(v, not, Scope::Deep, depth).is_none() {
                return Some("is not allowed to have this value.".into());
            }
        }
        if deep {
            if let Some(cond) = s.get("if") {
                let branch = if self.check(v, cond, Scope::Deep, depth).is_none() { s.get("then") } else { s.get("else") };
                if let Some(e) = branch.and_then(|b| self.check(v, b, scope, depth)) {
                    return Some(e);
                }
            }
        }
        None
    }

    fn string(&self, t: &str, s: &Map<String, Value>) -> Option<String> {
        let len = t.chars().count() as f64;
        if let Some(min) = num(s, "minLength") {
            if len < min {
                return Some(format!("must be at least {min} character{} long.", plural(min)));
            }
        }
        if let Some(max) = num(s, "maxLength") {
            if len > max {
                return Some(format!("must be at most {max} characters long (it has {len})."));
            }
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if !(self.patterns)(p, t) {
                return Some(format!("does not have the expected form (pattern {p})."));
            }
        }
        formats::error(t, s.get("format").and_then(Value::as_str)?)
    }

    fn array(&self, items: &[Value], s: &Map<String, Value>, scope: Scope, depth: usize) -> Option<String> {
        let n = items.len() as f64;
        if let Some(min) = num(s, "minItems") {
            if n < min {
                return Some(format!("needs at least {min} item{}.", plural(min)));
            }
        }
        if let Some(max) = num(s, "maxItems") {
            if n > max {
                return Some(format!("can have at most {max} items."));
            }
        }
        if s.get("uniqueItems") == Some(&Value::Bool(true)) {
            for (i, a) in items.iter().enumerate() {
                if items[..i].iter().any(|b| same(a, b)) {
                    return Some(format!("has {} twice; each item must be different.", shown(a)));
                }
            }
        }
        if let Some(c) = s.get("contains") {
            if !items.iter().any(|i| self.check(i, c, Scope::Deep, depth).is_none()) {
                return Some("needs at least one item of the expected form.".into());
            }
        }
        if scope == Scope::Level {
            return None;
        }
        let (each, tuple) = match s.get("items") {
            Some(Value::Array(t)) => (None, Some(t)),
            other => (other, None),
        };
        for (i, item) in items.iter().enumerate() {
            let sub = match tuple {
                Some(t) => t.get(i).or(s.get("additionalItems")),
                None => each,
            };
            if let Some(e) = sub.and_then(|sub| self.check(item, sub, scope, depth)) {
                return Some(format!("item {}: {e}", i + 1));
            }
        }
        None
    }

    fn properties(&self, m: &Map<String, Value>, s: &Map<String, Value>, scope: Scope, depth: usize) -> Option<String> {
        let n = m.len() as f64;
        if let Some(min) = num(s, "minProperties") {
            if n < min {
                return Some(format!("needs at least {min} entr{}.", if min == 1.0 { "y" } else { "ies" }));
            }
        }
        if let Some(max) = num(s, "maxProperties") {
            if n > max {
                return Some(format!("can have at most {max} entries."));
            }
        }
        if let Some(names) = s.get("propertyNames") {
            for k in m.keys() {
                if let Some(e) = self.check(&Value::String(k.clone()), names, Scope::Deep, depth) {
                    return Some(format!("has an entry named \"{k}\", and a name {e}"));
                }
            }
        }
        if scope == Scope::Level {
            return None;
        }
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            if let Some(k) = req.iter().filter_map(Value::as_str).find(|k| !m.contains_key(*k)) {
                return Some(format!("needs \"{k}\"."));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        let patterns: Vec<(&str, &Value)> = s
            .get("patternProperties")
            .and_then(Value::as_object)
            .map(|p| p.iter().map(|(k, v)| (k.as_str(), v)).collect())
            .unwrap_or_default();
        for (k, v) in m {
            let mut matched = false;
            if let Some(sub) = props.and_then(|p| p.get(k)) {
                matched = true;
                if let Some(e) = self.check(v, sub, scope, depth) {
                    return Some(format!("\"{k}\" {e}"));
                }
            }
            for (p, sub) in &patterns {
                if (self.patterns)(p, k) {
                    matched = true;
                    if let Some(e) = self.check(v, sub, scope, depth) {
                        return Some(format!("\"{k}\" {e}"));
                    }
                }
            }
            if !matched {
                if let Some(extra) = s.get("additionalProperties") {
                    if extra == &Value::Bool(false) {
                        return Some(format!("has \"{k}\", which is not allowed here."));
                    }
                    if let Some(e) = self.check(v, extra, scope, depth) {
                        return Some(format!("\"{k}\" {e}"));
                    }
                }
            }
        }
        for (k, dep) in s.get("dependencies").and_then(Value::as_object).into_iter().flatten() {
            if !m.contains_key(k) {
                continue;
            }
            let e = match dep {
                Value::Array(keys) => keys
                    .iter()
                    .filter_map(Value::as_str)
                    .find(|d| !m.contains_key(*d))
                    .map(|d| format!("needs \"{d}\" when it has \"{k}\".")),
                _ => self.check(&Value::Object(m.clone()), dep, scope, depth),
            };
            if e.is_some() {
                return e;
            }
        }
        None
    }
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))),
        _ => a == b,
    }
}

fn is_type(v: &Value, ty: &str) -> bool {
    match ty {
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => true,
    }
}

fn type_name(ty: &str) -> &'static str {
    match ty {
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "yes or no",
        "array" => "a list",
        "object" => "a group of values",
        "null" => "empty",
        _ => "text",
    }
}

/// Only an explicit `type` is checked: rjsf accepts anything when it is absent.
fn type_error(v: &Value, s: &Map<String, Value>) -> Option<String> {
    let types: Vec<&str> = match s.get("type")? {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    if types.iter().any(|t| is_type(v, t)) {
        return None;
    }
    let names: Vec<&str> = types.iter().filter(|t| **t != "null").map(|t| type_name(t)).collect();
    let names = if names.is_empty() { vec!["empty"] } else { names };
    Some(format!("must be {}.", names.join(" or ")))
}

fn number(n: f64, s: &Map<String, Value>) -> Option<String> {
    if let Some(min) = num(s, "minimum") {
        let exclusive = s.get("exclusiveMinimum") == Some(&Value::Bool(true));
        if n < min || (exclusive && n == min) {
            return Some(if exclusive { format!("must be more than {min}.") } else { format!("must be {min} or more.") });
        }
    }
    if let Some(min) = num(s, "exclusiveMinimum") {
        if n <= min {
            return Some(format!("must be more than {min}."));
        }
    }
    if let Some(max) = num(s, "maximum") {
        let exclusive = s.get("exclusiveMaximum") == Some(&Value::Bool(true));
        if n > max || (exclusive && n == max) {
            return Some(if exclusive { format!("must be less than {max}.") } else { format!("must be {max} or less.") });
        }
    }
    if let Some(max) = num(s, "exclusiveMaximum") {
        if n >= max {
            return Some(format!("must be less than {max}."));
        }
    }
    if let Some(m) = num(s, "multipleOf").filter(|m| *m > 0.0) {
        let q = n / m;
        // A quotient too large to be a float cannot be a whole multiple either.
        if !q.is_finite() || (q - q.round()).abs() > 1e-9 + q.abs() * 1e-15 {
            return Some(format!("must be a multiple of {m}."));
        }
    }
    None
}

fn num(s: &Map<String, Value>, key: &str) -> Option<f64> {
    s.get(key).and_then(Value::as_f64)
}

fn plural(n: f64) -> &'static str {
    if n == 1.0 {
        ""
    } else {
        "s"
    }
}

/// A value inside a message: text in quotes, anything else as JSON.
fn shown(v: &Value) -> String {
    match v {
        Value::String(_) => format!("\"{}\"", plain(v)),
        _ => plain(v),
    }
}

/// RFC 3986 reference resolution, enough for `$id`/`$ref`: absolute URIs,
/// fragments, network-path, absolute-path and relative-path references.
pub fn resolve(base: &str, reference: &str) -> String {
    let has_scheme = |s: &str| s.split_once(':').is_some_and(|(sch, _)| !sch.is_empty() && !sch.contains(['/', '?', '#']));
    if has_scheme(reference) {
        return remove_dots(reference);
    }
    let base = base.split_once('#').map_or(base, |(b, _)| b);
    if let Some(frag) = reference.strip_prefix('#') {
        return format!("{base}#{frag}");
    }
    let (scheme, rest) = base.split_once(':').filter(|_| has_scheme(base)).unwrap_or(("", base));
    let scheme = if scheme.is_empty() { String::new() } else { format!("{scheme}:") };
    if reference.starts_with("//") {
        return remove_dots(&format!("{scheme}{reference}"));
    }
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (format!("//{}", &r[..end]), &r[end..])
        }
        None => (String::new(), rest),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if reference.starts_with('/') {
        return remove_dots(&format!("{scheme}{authority}{reference}"));
    }
    let dir = path.rfind('/').map_or("", |i| &path[..=i]);
    let dir = if dir.is_empty() && !authority.is_empty() { "/" } else { dir };
    remove_dots(&format!("{scheme}{authority}{dir}{reference}"))
}

/// `a/./b/../c` → `a/c` in the path part.
fn remove_dots(uri: &str) -> String {
    if !uri.contains("./") && !uri.ends_with("/.") && !uri.ends_with("/..") {
        return uri.to_string();
    }
    let (head, frag) = uri.split_once('#').map_or((uri, None), |(h, f)| (h, Some(f)));
    let mut out: Vec<&str> = vec![];
    for seg in head.split('/') {
        match seg {
            "." => {}
            ".." => {
                if out.len() > 3 {
                    out.pop();
                }
            }
            s => out.push(s),
        }
    }
    let mut s = out.join("/");
    if head.ends_with("/.") || head.ends_with("/..") {
        s.push('/');
    }
    match frag {
        Some(f) => format!("{s}#{f}"),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffolder::forms::validate::tests::regex_patterns;
    use serde_json::json;

    fn err(schema: Value, v: Value) -> Option<String> {
        Check::new(&schema, &regex_patterns).error(&v, &schema)
    }

    #[test]
    fn messages_stay_in_plain_words() {
        assert_eq!(err(json!({"type": ["integer", "string"]}), json!(true)).unwrap(), "must be a whole number or text.");
        assert_eq!(err(json!({"type": ["integer", "string"]}), json!("foo")), None);
        assert_eq!(err(json!({"const": 0}), json!(0.0)), None);
        assert_eq!(err(json!({"not": {"const": "admin"}}), json!("admin")).unwrap(), "is not allowed to have this value.");
        assert_eq!(err(json!({"properties": {"a": {"type": "string"}}}), json!({"a": 1})).unwrap(), "\"a\" must be text.");
        assert_eq!(err(json!({"items": {"minimum": 2}}), json!([3, 1])).unwrap(), "item 2: must be 2 or more.");
        assert_eq!(err(json!({"required": ["x"]}), json!({})).unwrap(), "needs \"x\".");
        assert_eq!(err(json!({"additionalProperties": false}), json!({"z": 1})).unwrap(), "has \"z\", which is not allowed here.");
        assert_eq!(
            err(json!({"$ref": "#/nowhere"}), json!(1)).unwrap(),
            "cannot be checked: the form's schema refers to #/nowhere, which it does not define."
        );
    }

    #[test]
    fn a_schema_that_refers_to_itself_without_end_gives_an_error_not_a_hang() {
        let s = json!({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"});
        assert!(err(s, json!(1)).unwrap().contains("refers to itself without end"));
        // Recursion that follows the data ends with the data.
        let tree = json!({"definitions": {"node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}, "n": {"type": "integer"}}}}, "$ref": "#/definitions/node"});
        assert_eq!(err(tree.clone(), json!({"child": {"child": {"n": 1}}})), None);
        assert_eq!(err(tree, json!({"child": {"child": {"n": "x"}}})).unwrap(), "\"child\" \"child\" \"n\" must be a whole number.");
    }

    #[test]
    fn uri_resolution() {
        assert_eq!(resolve("http://x.io/a/b.json", "c.json"), "http://x.io/a/c.json");
        assert_eq!(resolve("http://x.io/a/b.json", "#/d"), "http://x.io/a/b.json#/d");
        assert_eq!(resolve("http://x.io/a/b.json", "/c"), "http://x.io/c");
        assert_eq!(resolve("http://x.io/a/b/", "../c"), "http://x.io/a/c");
        assert_eq!(resolve("", "#/definitions/a"), "#/definitions/a");
        assert_eq!(resolve("urn:uuid:1", "#foo"), "urn:uuid:1#foo");
    }
}
