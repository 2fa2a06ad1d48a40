//! What happens to the form data besides validation: defaults for fields as they
//! appear, dropping the values of fields a condition hid (as rjsf does before
//! submit), and the review step's rows.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::path::{get, set};
use crate::scaffolder::forms::schema::{Field, Kind};

/// Sets the `default` of every field not in `seen` that has no value yet, then
/// adds every field to `seen`. Only fields that just appeared get their default,
/// so a user who clears a field does not see it refilled. Returns whether `data`
/// changed.
pub fn fill_defaults(fields: &[Field], data: &mut Value, seen: &mut BTreeSet<String>) -> bool {
    let mut changed = false;
    for f in fields {
        let id = f.id();
        if seen.insert(id) && !f.is_secret() && get(data, &f.path).is_none() {
            if let Some(d) = f.schema.get("default") {
                set(data, &f.path, Some(d.clone()));
                changed = true;
            }
        }
        changed |= fill_defaults(f.children(), data, seen);
    }
    changed
}

/// Only the values of `fields` (which are the visible ones), recursively; secrets
/// never (they travel separately).
pub fn visible_values(fields: &[Field], data: &Value) -> Map<String, Value> {
    let mut out = Value::Object(Map::new());
    for f in fields {
        copy_visible(f, data, &mut out);
    }
    match out {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn copy_visible(f: &Field, data: &Value, out: &mut Value) {
    if f.is_secret() {
        return;
    }
    let Some(v) = get(data, &f.path) else { return };
    match &f.kind {
        Kind::Object(children) if v.is_object() => {
            set(out, &f.path, Some(Value::Object(Map::new())));
            for c in children {
                copy_visible(c, data, out);
            }
        }
        Kind::Array(items) if v.is_array() && items.iter().any(|i| matches!(i.kind, Kind::Object(_))) => {
            set(out, &f.path, Some(Value::Array(vec![])));
            for item in items {
                match get(data, &item.path) {
                    Some(iv) if iv.is_object() => {
                        set(out, &item.path, Some(Value::Object(Map::new())));
                        for c in item.children() {
                            copy_visible(c, data, out);
                        }
                    }
                    other => set(out, &item.path, other.cloned()),
                }
            }
        }
        _ => set(out, &f.path, Some(v.clone())),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub label: String,
    pub value: String,
}

/// The review step's rows for one step's fields, following
/// `ui:backstage.review`: `show: false` hides a row, `mask` replaces the value,
/// `explode: true` shows an object's keys as rows of their own. Secrets are
/// always masked.
pub fn review_rows(fields: &[Field], data: &Value, secrets: &BTreeMap<String, String>) -> Vec<ReviewRow> {
    let mut rows = vec![];
    for f in fields {
        let review = f.schema.get("ui:backstage").and_then(|b| b.get("review"));
        if review.and_then(|r| r.get("show")) == Some(&Value::Bool(false)) || f.is_hidden() {
            continue;
        }
        let label = f.title();
        if f.is_secret() {
            if secrets.get(&f.id()).is_some_and(|s| !s.is_empty()) {
                rows.push(ReviewRow { label, value: "******".into() });
            }
            continue;
        }
        let Some(v) = get(data, &f.path) else { continue };
        if let Some(mask) = review.and_then(|r| r.get("mask")).and_then(Value::as_str) {
            rows.push(ReviewRow { label, value: mask.to_string() });
            continue;
        }
        if review.and_then(|r| r.get("explode")) == Some(&Value::Bool(true)) {
            if let Value::Object(m) = v {
                for (k, x) in m {
                    rows.push(ReviewRow { label: format!("{label} › {k}"), value: display_value(x) });
                }
                continue;
            }
        }
        let value = match (f.options(), v) {
            // Show the label the user chose, not the stored value.
            (Some(opts), _) => opts.into_iter().find(|(o, _)| o == v).map(|(_, l)| l).unwrap_or_else(|| display_value(v)),
            _ => display_value(v),
        };
        rows.push(ReviewRow { label, value });
    }
    rows
}

/// A value as one line of text: booleans as Yes/No, lists comma-separated.
pub fn display_value(v: &Value) -> String {
    match v {
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::Array(a) => a.iter().map(display_value).collect::<Vec<_>>().join(", "),
        Value::Object(_) => v.to_string(),
        other => plain(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffolder::forms::schema::tests::fields;
    use serde_json::json;

    fn service_step2() -> Value {
        json!({
            "properties": {
                "language": {"type": "string", "enum": ["go", "rust"], "enumNames": ["Go", "Rust"], "default": "go"},
                "hasDatabase": {"type": "boolean", "default": false}
            },
            "dependencies": {"hasDatabase": {"oneOf": [
                {"properties": {"hasDatabase": {"const": false}}},
                {"properties": {"hasDatabase": {"const": true}, "databaseName": {"type": "string", "default": "main"}}}
            ]}}
        })
    }

    #[test]
    fn defaults_fill_fields_as_they_appear_and_never_refill() {
        let s = service_step2();
        let mut data = json!({});
        let mut seen = BTreeSet::new();
        assert!(fill_defaults(&fields(&s, &data), &mut data, &mut seen));
        assert_eq!(data, json!({"language": "go", "hasDatabase": false}));
        data["hasDatabase"] = json!(true);
        assert!(fill_defaults(&fields(&s, &data), &mut data, &mut seen));
        assert_eq!(data["databaseName"], json!("main"));
        // The user clears the language: it stays cleared.
        data.as_object_mut().unwrap().remove("language");
        assert!(!fill_defaults(&fields(&s, &data), &mut data, &mut seen));
        assert!(data.get("language").is_none());
    }

    #[test]
    fn values_of_hidden_fields_are_dropped() {
        let s = service_step2();
        let data = json!({"language": "go", "hasDatabase": false, "databaseName": "typed before unticking", "stray": 1});
        let v = visible_values(&fields(&s, &data), &data);
        assert_eq!(Value::Object(v), json!({"language": "go", "hasDatabase": false}));
        let on = json!({"hasDatabase": true, "databaseName": "orders"});
        assert_eq!(Value::Object(visible_values(&fields(&s, &on), &on)), json!({"hasDatabase": true, "databaseName": "orders"}));
    }

    #[test]
    fn nested_and_array_values_are_pruned_by_their_schema() {
        let s = json!({"properties": {
            "people": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
            "tags": {"type": "array", "items": {"type": "string"}},
            "deploy": {"type": "object", "properties": {"region": {"type": "string"}}},
            "token": {"type": "string", "ui:field": "Secret"}
        }});
        let data = json!({"people": [{"name": "a", "old": 1}], "tags": ["x", "y"], "deploy": {"region": "eu", "old": 2}, "token": "leak"});
        assert_eq!(
            Value::Object(visible_values(&fields(&s, &data), &data)),
            json!({"people": [{"name": "a"}], "tags": ["x", "y"], "deploy": {"region": "eu"}})
        );
    }

    #[test]
    fn review_rows_follow_backstage_review_options() {
        let s = json!({"properties": {
            "language": {"title": "Language", "type": "string", "enum": ["go"], "enumNames": ["Go"]},
            "internal": {"type": "string", "ui:backstage": {"review": {"show": false}}},
            "pin": {"title": "PIN", "type": "string", "ui:backstage": {"review": {"mask": "<hidden>"}}},
            "deploy": {"title": "Deploy", "type": "object", "properties": {"region": {"type": "string"}, "size": {"type": "integer"}}, "ui:backstage": {"review": {"explode": true}}},
            "ok": {"title": "Public", "type": "boolean"},
            "tags": {"title": "Tags", "type": "array", "items": {"type": "string"}},
            "token": {"title": "Token", "type": "string", "ui:field": "Secret"}
        }});
        let data = json!({"language": "go", "internal": "x", "pin": "1234", "deploy": {"region": "eu", "size": 3}, "ok": true, "tags": ["a", "b"]});
        let rows = review_rows(&fields(&s, &data), &data, &BTreeMap::from([("token".to_string(), "s3cret".to_string())]));
        let shown: Vec<(String, String)> = rows.into_iter().map(|r| (r.label, r.value)).collect();
        assert_eq!(
            shown,
            [
                ("Language", "Go"),
                ("PIN", "<hidden>"),
                ("Deploy › region", "eu"),
                ("Deploy › size", "3"),
                ("Public", "Yes"),
                ("Tags", "a, b"),
                ("Token", "******"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }
}
