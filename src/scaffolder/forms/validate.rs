//! Validation of form values against their field's schema, with messages in plain
//! words ("Name must be at least 3 characters long."). `is_valid` answers the
//! yes/no question conditions ask (`if`, dependency branches).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::scaffolder::forms::check::Check;
use crate::scaffolder::forms::extensions;
use crate::scaffolder::forms::keywords::is_empty;
use crate::scaffolder::forms::path::get;
use crate::scaffolder::forms::schema::{Field, Kind};

/// Field path id → message, for every field of `fields` (recursively) that is wrong.
/// `secrets` holds the values of `Secret` fields, which are not in `data`; `check`
/// knows the step's schema (for `$ref`s inside a field's rules).
pub fn validate_fields(fields: &[Field], data: &Value, secrets: &BTreeMap<String, String>, check: &Check) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in fields {
        validate_field(f, data, secrets, check, &mut out);
    }
    out
}

fn validate_field(f: &Field, data: &Value, secrets: &BTreeMap<String, String>, check: &Check, out: &mut BTreeMap<String, String>) {
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
    if let Some(msg) = check.level_error(value, &f.schema).or_else(|| extension_error(f, value)) {
        out.insert(f.id(), format!("{title} {msg}"));
        return;
    }
    match &f.kind {
        Kind::Object(children) | Kind::Array(children) => {
            for c in children {
                validate_field(c, data, secrets, check, out);
            }
        }
        _ => {}
    }
}

/// The rule the field's extension adds to the schema's own (see `extensions`).
fn extension_error(f: &Field, value: &Value) -> Option<String> {
    (extensions::find(f.extension()?)?.validate?)(f, value)
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
        validate_fields(&fields(&schema, &data), &data, &BTreeMap::new(), &Check::new(&schema, &regex_patterns))
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
        assert!(
            f("date-time", "2026-01-31T09:30:00Z")
                && f("date-time", "2026-01-31T09:30:00.123+01:00")
                && !f("date-time", "2026-01-31T25:00:00Z")
                && !f("date-time", "2026-01-31")
        );
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
        assert_eq!(
            n(json!({"type": "number", "title": "N", "minimum": 2, "exclusiveMinimum": true}), json!(2)).unwrap(),
            "N must be more than 2."
        );
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
        let check = Check::new(&s, &regex_patterns);
        let none = validate_fields(&f, &json!({}), &BTreeMap::new(), &check);
        assert_eq!(none["t"], "Token is required.");
        let short = validate_fields(&f, &json!({}), &BTreeMap::from([("t".to_string(), "abc".to_string())]), &check);
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
        use crate::scaffolder::forms::extensions::{entity_name_picker::is_entity_name, entity_tags_picker::is_tag};
        assert!(is_tag("a-b") && !is_tag("a--b") && !is_tag("-a") && !is_tag(""));
        assert!(is_entity_name("a") && !is_entity_name("a_") && !is_entity_name(&"a".repeat(64)));
    }

    #[test]
    fn conditions() {
        let is_valid = |v: Value, s: Value| Check::new(&s, &regex_patterns).is_valid(&v, &s);
        let c = json!({"properties": {"kind": {"const": "web"}}, "required": ["kind"]});
        assert!(is_valid(json!({"kind": "web"}), c.clone()));
        assert!(!is_valid(json!({"kind": "batch"}), c.clone()));
        assert!(!is_valid(json!({}), c));
        assert!(is_valid(json!(true), json!({"const": true})));
        assert!(!is_valid(json!("x"), json!({"pattern": "^a"})));
        assert!(is_valid(json!({"n": 5}), json!({"properties": {"n": {"minimum": 3}}})));
    }

    #[test]
    fn a_field_checks_its_own_applicators() {
        assert_eq!(
            one(json!({"title": "Role", "not": {"const": "admin"}}), json!("admin")).unwrap(),
            "Role is not allowed to have this value."
        );
        assert_eq!(
            one(json!({"title": "Port", "type": ["integer", "string"]}), json!(true)).unwrap(),
            "Port must be a whole number or text."
        );
        assert_eq!(
            one(json!({"title": "Tags", "type": "array", "contains": {"const": "prod"}}), json!(["dev"])).unwrap(),
            "Tags needs at least one item of the expected form."
        );
    }
}
