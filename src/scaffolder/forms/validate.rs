//! Validation of form values against their field's schema, with messages in plain
//! words ("Name must be at least 3 characters long."). `is_valid` answers the
//! yes/no question conditions ask (`if`, dependency branches).
//!
//! JSON Schema patterns are ECMAScript regexes: in the browser the portal asks the
//! browser's own `RegExp`, so no regex engine ships in the wasm. The matcher is
//! passed in (`Patterns`), which keeps this module pure and natively tested.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::scaffolder::forms::path::get;
use crate::scaffolder::forms::repo_url::RepoUrl;
use crate::scaffolder::forms::schema::{enum_options, plain, type_of, Field, Kind};

/// `(pattern, text) -> matches`; an invalid pattern counts as a match (the backend
/// has the last word on it).
pub type Patterns<'a> = &'a dyn Fn(&str, &str) -> bool;

/// Field path id → message, for every field of `fields` (recursively) that is wrong.
/// `secrets` holds the values of `Secret` fields, which are not in `data`.
pub fn validate_fields(fields: &[Field], data: &Value, secrets: &BTreeMap<String, String>, patterns: Patterns) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in fields {
        validate_field(f, data, secrets, patterns, &mut out);
    }
    out
}

fn validate_field(f: &Field, data: &Value, secrets: &BTreeMap<String, String>, patterns: Patterns, out: &mut BTreeMap<String, String>) {
    let secret;
    let value = if f.is_secret() {
        secret = secrets.get(&f.id()).map(|s| Value::String(s.clone()));
        secret.as_ref()
    } else {
        get(data, &f.path)
    };
    let title = f.title();
    if is_empty(value) {
        if f.required {
            out.insert(f.id(), format!("{title} is required."));
        }
        return;
    }
    let value = value.expect("not empty");
    if let Some(msg) = first_error(value, &f.schema, patterns).or_else(|| extension_error(f, value)) {
        out.insert(f.id(), format!("{title} {msg}"));
        return;
    }
    match &f.kind {
        Kind::Object(children) | Kind::Array(children) => {
            for c in children {
                validate_field(c, data, secrets, patterns, out);
            }
        }
        _ => {}
    }
}

/// The rules Backstage's field extensions add to the schema's own.
fn extension_error(f: &Field, value: &Value) -> Option<String> {
    match (f.extension()?, value) {
        ("EntityNamePicker", Value::String(s)) if !is_entity_name(s) => {
            Some("must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.".into())
        }
        ("EntityTagsPicker", Value::Array(tags)) => tags.iter().filter_map(Value::as_str).find(|t| !is_tag(t)).map(|t| {
            format!("has \"{t}\", which is not a valid tag: use lower-case letters, digits, ':', '+' or '#', in parts joined by '-'.")
        }),
        ("RepoUrlPicker", Value::String(s)) => {
            RepoUrl::parse(s).problem(&f.ui_strings("allowedOwners"), &f.ui_strings("allowedRepos")).map(|p| format!("is not complete: {p}"))
        }
        _ => None,
    }
}

/// Backstage's entity name rule.
pub fn is_entity_name(s: &str) -> bool {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
    (1..=63).contains(&s.len()) && s.chars().all(ok_char) && s.starts_with(|c: char| c.is_ascii_alphanumeric()) && s.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Backstage's tag rule: `^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$`, at most 63 characters.
pub fn is_tag(s: &str) -> bool {
    s.len() <= 63 && s.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ":+#".contains(c)))
}

/// Missing, null, an empty string or an empty list count as "not filled in".
pub fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    }
}

/// The first rule of `schema` (this level only) that `value` breaks, as the end of
/// a sentence starting with the field's title.
pub fn first_error(value: &Value, schema: &Map<String, Value>, patterns: Patterns) -> Option<String> {
    // Only an explicit `type` is checked: rjsf accepts anything when it is absent.
    let ty = if schema.contains_key("type") { type_of(schema) } else { String::new() };
    let type_ok = match ty.as_str() {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => true,
    };
    let nullable = matches!(schema.get("type"), Some(Value::Array(ts)) if ts.iter().any(|t| t == "null"));
    if !type_ok && !(nullable && value.is_null()) {
        return Some(match ty.as_str() {
            "number" => "must be a number.".into(),
            "integer" => "must be a whole number.".into(),
            "boolean" => "must be yes or no.".into(),
            "array" => "must be a list.".into(),
            "object" => "must be a group of values.".into(),
            _ => "must be text.".into(),
        });
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            return Some(format!("must be {}.", plain(c)));
        }
    }
    if let Some(opts) = enum_options(schema) {
        if !opts.iter().any(|(v, _)| v == value) {
            let labels: Vec<String> = opts.into_iter().map(|(_, l)| l).collect();
            return Some(format!("must be one of: {}.", labels.join(", ")));
        }
    }
    match value {
        Value::String(s) => string_error(s, schema, patterns),
        Value::Number(_) => number_error(value.as_f64().unwrap_or(0.0), schema),
        Value::Array(items) => array_error(items, schema),
        _ => None,
    }
}

fn num(schema: &Map<String, Value>, key: &str) -> Option<f64> {
    schema.get(key).and_then(Value::as_f64)
}

fn string_error(s: &str, schema: &Map<String, Value>, patterns: Patterns) -> Option<String> {
    let len = s.chars().count() as f64;
    if let Some(min) = num(schema, "minLength") {
        if len < min {
            return Some(format!("must be at least {min} character{} long.", if min == 1.0 { "" } else { "s" }));
        }
    }
    if let Some(max) = num(schema, "maxLength") {
        if len > max {
            return Some(format!("must be at most {max} characters long (it has {len})."));
        }
    }
    if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
        if !patterns(p, s) {
            return Some(format!("does not have the expected form (pattern {p})."));
        }
    }
    match schema.get("format").and_then(Value::as_str) {
        Some("email") if !is_email(s) => Some("must be an email address, like name@example.com.".into()),
        Some("uri" | "url") if !is_uri(s) => Some("must be a full address, like https://example.com/path.".into()),
        Some("date") if !is_date(s) => Some("must be a date, like 2026-01-31.".into()),
        Some("date-time") if !is_date_time(s) => Some("must be a date and time, like 2026-01-31T09:30:00Z.".into()),
        _ => None,
    }
}

fn number_error(n: f64, schema: &Map<String, Value>) -> Option<String> {
    if let Some(min) = num(schema, "minimum") {
        let exclusive = schema.get("exclusiveMinimum") == Some(&Value::Bool(true));
        if n < min || (exclusive && n == min) {
            return Some(if exclusive { format!("must be more than {min}.") } else { format!("must be {min} or more.") });
        }
    }
    if let Some(min) = num(schema, "exclusiveMinimum") {
        if n <= min {
            return Some(format!("must be more than {min}."));
        }
    }
    if let Some(max) = num(schema, "maximum") {
        let exclusive = schema.get("exclusiveMaximum") == Some(&Value::Bool(true));
        if n > max || (exclusive && n == max) {
            return Some(if exclusive { format!("must be less than {max}.") } else { format!("must be {max} or less.") });
        }
    }
    if let Some(max) = num(schema, "exclusiveMaximum") {
        if n >= max {
            return Some(format!("must be less than {max}."));
        }
    }
    if let Some(m) = num(schema, "multipleOf").filter(|m| *m > 0.0) {
        let q = n / m;
        if (q - q.round()).abs() > 1e-9 {
            return Some(format!("must be a multiple of {m}."));
        }
    }
    None
}

fn array_error(items: &[Value], schema: &Map<String, Value>) -> Option<String> {
    let n = items.len() as f64;
    if let Some(min) = num(schema, "minItems") {
        if n < min {
            return Some(format!("needs at least {min} item{}.", if min == 1.0 { "" } else { "s" }));
        }
    }
    if let Some(max) = num(schema, "maxItems") {
        if n > max {
            return Some(format!("can have at most {max} items."));
        }
    }
    if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
        for (i, a) in items.iter().enumerate() {
            if items[..i].contains(a) {
                return Some(format!("has \"{}\" twice; each item must be different.", plain(a)));
            }
        }
    }
    None
}

/// Whether `value` satisfies `schema` as a condition: this level's rules, then
/// `properties` and `required` recursively.
pub fn is_valid(value: &Value, schema: &Value, patterns: Patterns) -> bool {
    let Some(s) = schema.as_object() else { return schema.as_bool().unwrap_or(true) };
    if first_error(value, s, patterns).is_some() {
        return false;
    }
    if let Some(obj) = value.as_object() {
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            if req.iter().filter_map(Value::as_str).any(|k| is_empty(obj.get(k))) {
                return false;
            }
        }
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                if let Some(v) = obj.get(k) {
                    if !is_valid(v, sub, patterns) {
                        return false;
                    }
                }
            }
        }
    }
    true
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.chars().any(char::is_whitespace)
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut c = scheme.chars();
    c.next().is_some_and(|x| x.is_ascii_alphabetic()) && c.all(|x| x.is_ascii_alphanumeric() || "+-.".contains(x)) && !rest.is_empty() && !s.chars().any(char::is_whitespace)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (s[0..4].parse::<u32>(), s[5..7].parse::<u32>(), s[8..10].parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't', ' ']) else { return false };
    if !is_date(date) || time.len() < 8 {
        return false;
    }
    let t = time.as_bytes();
    let two = |i: usize| time.get(i..i + 2).and_then(|x| x.parse::<u32>().ok());
    let zone = &time[8..];
    let zone = zone.strip_prefix('.').map(|z| z.trim_start_matches(|c: char| c.is_ascii_digit())).unwrap_or(zone);
    let zone_ok = zone.eq_ignore_ascii_case("z") || (zone.len() == 6 && (zone.starts_with('+') || zone.starts_with('-')) && zone.as_bytes()[3] == b':');
    t[2] == b':' && t[5] == b':' && two(0).is_some_and(|h| h < 24) && two(3).is_some_and(|m| m < 60) && two(6).is_some_and(|s| s < 61) && zone_ok
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scaffolder::forms::schema::tests::fields;
    use serde_json::json;

    /// The browser uses its own `RegExp`; native tests use the `regex` crate.
    pub fn regex_patterns(p: &str, s: &str) -> bool {
        regex::Regex::new(p).map(|r| r.is_match(s)).unwrap_or(true)
    }

    fn errors(schema: Value, data: Value) -> BTreeMap<String, String> {
        validate_fields(&fields(&schema, &data), &data, &BTreeMap::new(), &regex_patterns)
    }

    fn one(prop: Value, value: Value) -> Option<String> {
        errors(json!({"properties": {"f": prop}}), json!({"f": value})).remove("f")
    }

    #[test]
    fn required_fields_say_so_by_title() {
        let e = errors(json!({"required": ["name"], "properties": {"name": {"type": "string", "title": "Name"}}}), json!({"name": ""}));
        assert_eq!(e["name"], "Name is required.");
        assert!(errors(json!({"required": ["n"], "properties": {"n": {"type": "string"}}}), json!({"n": "x"})).is_empty());
    }

    #[test]
    fn string_rules() {
        let p = json!({"type": "string", "title": "Name", "pattern": "^[a-z]+$", "minLength": 3, "maxLength": 5});
        assert_eq!(one(p.clone(), json!("ab")).unwrap(), "Name must be at least 3 characters long.");
        assert_eq!(one(p.clone(), json!("abcdef")).unwrap(), "Name must be at most 5 characters long (it has 6).");
        assert_eq!(one(p.clone(), json!("AbC")).unwrap(), "Name does not have the expected form (pattern ^[a-z]+$).");
        assert_eq!(one(p, json!("abcd")), None);
        assert!(one(json!({"type": "string"}), json!(3)).unwrap().ends_with("must be text."));
    }

    #[test]
    fn formats() {
        let f = |fmt: &str, v: &str| one(json!({"type": "string", "format": fmt}), json!(v)).is_none();
        assert!(f("email", "a@b.io") && !f("email", "a@b") && !f("email", "a b@c.io") && !f("email", "@c.io"));
        assert!(f("uri", "https://x.io/p") && f("uri", "mailto:a@b.io") && !f("uri", "x.io/p") && !f("uri", "1http://x"));
        assert!(f("date", "2024-02-29") && !f("date", "2023-02-29") && !f("date", "2024-13-01") && !f("date", "24-01-01"));
        assert!(f("date-time", "2026-01-31T09:30:00Z") && f("date-time", "2026-01-31T09:30:00.123+01:00") && !f("date-time", "2026-01-31T25:00:00Z") && !f("date-time", "2026-01-31"));
        assert!(f("hostname", "anything"), "unknown formats are not checked");
    }

    #[test]
    fn number_rules() {
        let n = |s: Value, v: Value| one(s, v);
        assert_eq!(n(json!({"type": "integer", "title": "N"}), json!(1.5)).unwrap(), "N must be a whole number.");
        assert_eq!(n(json!({"type": "number", "title": "N"}), json!("abc")).unwrap(), "N must be a number.");
        assert_eq!(n(json!({"type": "number", "title": "N", "minimum": 2}), json!(1)).unwrap(), "N must be 2 or more.");
        assert_eq!(n(json!({"type": "number", "title": "N", "maximum": 2}), json!(3)).unwrap(), "N must be 2 or less.");
        assert_eq!(n(json!({"type": "number", "title": "N", "exclusiveMinimum": 2}), json!(2)).unwrap(), "N must be more than 2.");
        assert_eq!(n(json!({"type": "number", "title": "N", "exclusiveMaximum": 2}), json!(2)).unwrap(), "N must be less than 2.");
        assert_eq!(n(json!({"type": "number", "title": "N", "minimum": 2, "exclusiveMinimum": true}), json!(2)).unwrap(), "N must be more than 2.");
        assert_eq!(n(json!({"type": "number", "title": "N", "multipleOf": 0.5}), json!(1.25)).unwrap(), "N must be a multiple of 0.5.");
        assert_eq!(n(json!({"type": "number", "multipleOf": 0.1}), json!(0.3)), None);
        assert_eq!(n(json!({"type": "integer", "minimum": 0}), json!(4)), None);
    }

    #[test]
    fn enums_consts_and_arrays() {
        assert_eq!(one(json!({"title": "L", "enum": ["a", "b"], "enumNames": ["A", "B"]}), json!("c")).unwrap(), "L must be one of: A, B.");
        assert_eq!(one(json!({"title": "L", "const": "yes"}), json!("no")).unwrap(), "L must be yes.");
        let a = json!({"type": "array", "title": "Tags", "items": {"type": "string"}, "minItems": 1, "maxItems": 2, "uniqueItems": true});
        assert_eq!(one(a.clone(), json!([])).unwrap(), "Tags needs at least 1 item.");
        assert_eq!(one(a.clone(), json!(["a", "b", "c"])).unwrap(), "Tags can have at most 2 items.");
        assert_eq!(one(a.clone(), json!(["a", "a"])).unwrap(), "Tags has \"a\" twice; each item must be different.");
        assert_eq!(one(a, json!(["a", "b"])), None);
    }

    #[test]
    fn nested_items_are_checked_at_their_own_path() {
        let e = errors(
            json!({"properties": {"people": {"type": "array", "items": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string", "format": "email", "title": "Email"}}}}}}),
            json!({"people": [{"email": "a@b.io"}, {"email": "nope"}, {}]}),
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e["people.1.email"], "Email must be an email address, like name@example.com.");
        assert_eq!(e["people.2.email"], "Email is required.");
    }

    #[test]
    fn hidden_conditional_fields_are_not_validated() {
        let s = json!({
            "properties": {"db": {"type": "boolean"}},
            "dependencies": {"db": {"oneOf": [
                {"properties": {"db": {"const": false}}},
                {"properties": {"db": {"const": true}, "dbName": {"type": "string", "title": "Database name"}}, "required": ["dbName"]}
            ]}}
        });
        assert!(errors(s.clone(), json!({"db": false})).is_empty());
        assert_eq!(errors(s, json!({"db": true}))["dbName"], "Database name is required.");
    }

    #[test]
    fn secrets_are_validated_from_their_own_store() {
        let s = json!({"required": ["t"], "properties": {"t": {"type": "string", "title": "Token", "minLength": 4, "ui:field": "Secret"}}});
        let f = fields(&s, &json!({}));
        let none = validate_fields(&f, &json!({}), &BTreeMap::new(), &regex_patterns);
        assert_eq!(none["t"], "Token is required.");
        let short = validate_fields(&f, &json!({}), &BTreeMap::from([("t".to_string(), "abc".to_string())]), &regex_patterns);
        assert_eq!(short["t"], "Token must be at least 4 characters long.");
    }

    #[test]
    fn field_extensions_add_backstage_rules() {
        let s = json!({"properties": {
            "n": {"type": "string", "title": "Name", "ui:field": "EntityNamePicker"},
            "t": {"type": "array", "title": "Tags", "items": {"type": "string"}, "ui:field": "EntityTagsPicker"},
            "r": {"type": "string", "title": "Repository", "ui:field": "RepoUrlPicker", "ui:options": {"allowedOwners": ["acme"]}}
        }});
        let bad = json!({"n": "-x", "t": ["ok", "Not OK"], "r": "github.com?owner=evil&repo=x"});
        let e = errors(s.clone(), bad);
        assert!(e["n"].starts_with("Name must be 1–63 letters"));
        assert!(e["t"].contains("\"Not OK\", which is not a valid tag"));
        assert_eq!(e["r"], "Repository is not complete: The owner must be one of: acme.");
        assert!(errors(s, json!({"n": "my-svc.v2", "t": ["java", "team:web", "c++"], "r": "github.com?owner=acme&repo=x"})).is_empty());
        assert!(is_tag("a-b") && !is_tag("a--b") && !is_tag("-a") && !is_tag(""));
        assert!(is_entity_name("a") && !is_entity_name("a_") && !is_entity_name(&"a".repeat(64)));
    }

    #[test]
    fn conditions() {
        let c = json!({"properties": {"kind": {"const": "web"}}, "required": ["kind"]});
        assert!(is_valid(&json!({"kind": "web"}), &c, &regex_patterns));
        assert!(!is_valid(&json!({"kind": "batch"}), &c, &regex_patterns));
        assert!(!is_valid(&json!({}), &c, &regex_patterns));
        assert!(is_valid(&json!(true), &json!({"const": true}), &regex_patterns));
        assert!(!is_valid(&json!("x"), &json!({"pattern": "^a"}), &regex_patterns));
        assert!(is_valid(&json!({"n": 5}), &json!({"properties": {"n": {"minimum": 3}}}), &regex_patterns));
    }
}
