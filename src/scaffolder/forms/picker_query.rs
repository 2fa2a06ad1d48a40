//! What an entity picker asks the catalog: its `catalogFilter` option (an object,
//! or a list of objects meaning "any of") as `filter=` strings, and how a picked
//! entity is written into the form.

use serde_json::Value;

use crate::model::entity_ref::EntityRef;

/// `{kind: [Group, User], "spec.type": team}` → `["kind=Group,kind=User,spec.type=team"]`;
/// `{"metadata.annotations.x": {exists: true}}` → `["metadata.annotations.x"]`.
/// `extra` conditions are added to each (`relations.ownedBy=…` for "owned by me").
pub fn filter_strings(catalog_filter: Option<&Value>, default_kinds: &[&str], extra: &[(String, String)]) -> Vec<String> {
    let objects: Vec<&serde_json::Map<String, Value>> = match catalog_filter {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(o)) => vec![o],
        _ => vec![],
    };
    let mut out: Vec<Vec<String>> = objects
        .into_iter()
        .map(|o| {
            let mut parts = vec![];
            for (k, v) in o {
                match v {
                    Value::Array(vals) => parts.extend(vals.iter().map(|x| format!("{k}={}", scalar(x)))),
                    Value::Object(m) if m.get("exists") == Some(&Value::Bool(true)) => parts.push(k.clone()),
                    Value::Object(_) => {}
                    other => parts.push(format!("{k}={}", scalar(other))),
                }
            }
            parts
        })
        .collect();
    if out.is_empty() {
        out.push(default_kinds.iter().map(|k| format!("kind={k}")).collect());
    }
    out.into_iter()
        .map(|mut parts| {
            parts.extend(extra.iter().map(|(k, v)| format!("{k}={v}")));
            parts.join(",")
        })
        .filter(|s| !s.is_empty())
        .collect()
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A typed value as an entity ref, Backstage's way: `defaultKind` and
/// `defaultNamespace` fill what the text leaves out (`team-a` → `group:default/team-a`).
pub fn typed_ref(text: &str, default_kind: Option<&str>, default_namespace: Option<&str>) -> String {
    let text = text.trim();
    match EntityRef::parse(text, default_kind, default_namespace.unwrap_or("default")) {
        Some(r) => r.to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn catalog_filters_become_filter_params() {
        assert_eq!(filter_strings(Some(&json!({"kind": "Group"})), &[], &[]), ["kind=Group"]);
        assert_eq!(
            filter_strings(Some(&json!({"kind": ["Group", "User"], "spec.type": "team"})), &[], &[]),
            ["kind=Group,kind=User,spec.type=team"]
        );
        assert_eq!(filter_strings(Some(&json!([{"kind": "System"}, {"kind": "Domain"}])), &[], &[]), ["kind=System", "kind=Domain"]);
        assert_eq!(
            filter_strings(Some(&json!({"metadata.annotations.github.com/project-slug": {"exists": true}})), &[], &[]),
            ["metadata.annotations.github.com/project-slug"]
        );
        assert_eq!(filter_strings(None, &["Group", "User"], &[]), ["kind=Group,kind=User"]);
        let owned = [("relations.ownedBy".to_string(), "group:default/team-web".to_string())];
        assert_eq!(filter_strings(None, &[], &owned), ["relations.ownedBy=group:default/team-web"]);
        assert_eq!(
            filter_strings(Some(&json!({"kind": "Component"})), &[], &owned),
            ["kind=Component,relations.ownedBy=group:default/team-web"]
        );
        assert!(filter_strings(None, &[], &[]).is_empty());
    }

    #[test]
    fn typed_refs_take_defaults() {
        assert_eq!(typed_ref("team-a", Some("group"), None), "group:default/team-a");
        assert_eq!(typed_ref("user:ops/ann", Some("group"), None), "user:ops/ann");
        assert_eq!(typed_ref("ops/x", Some("system"), Some("default")), "system:ops/x");
        assert_eq!(typed_ref("free text", None, None), "free text");
    }
}
