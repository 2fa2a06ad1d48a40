//! When a repository has no entity file yet: the backend's guess (its
//! `generateEntities`) as a small form, and the `catalog-info.yaml` it makes,
//! ready to copy. Backstage opens a pull request here for GitHub only; copying
//! works for every host.

use serde_json::{json, Map, Value};

pub const TYPES: [&str; 5] = ["service", "website", "library", "documentation", "other"];
pub const LIFECYCLES: [&str; 4] = ["experimental", "production", "deprecated", "unknown"];

/// The form's schema: the wizard's engine renders it, `OwnerPicker` included.
pub fn schema() -> Value {
    json!({
        "type": "object",
        "required": ["name", "owner", "type", "lifecycle"],
        "properties": {
            "name": {
                "type": "string", "title": "Name", "maxLength": 63,
                "pattern": "^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$",
                "description": "Letters and digits, separated by `-`, `_` or `.`.",
                "ui:autofocus": true
            },
            "owner": {
                "type": "string", "title": "Owner",
                "description": "The group or user who owns it.",
                "ui:field": "OwnerPicker",
                "ui:options": { "catalogFilter": [{ "kind": ["Group", "User"] }] }
            },
            "type": { "type": "string", "title": "Type", "enum": TYPES, "default": "service" },
            "lifecycle": { "type": "string", "title": "Lifecycle", "enum": LIFECYCLES, "default": "experimental" },
            "description": { "type": "string", "title": "Description" }
        }
    })
}

/// The form's first values, from the backend's guess.
pub fn initial_values(generated: &Value) -> Value {
    let mut v = Map::new();
    if let Some(name) = generated.pointer("/metadata/name").and_then(Value::as_str) {
        v.insert("name".into(), name.into());
    }
    for key in ["type", "lifecycle"] {
        let known: &[&str] = if key == "type" { &TYPES } else { &LIFECYCLES };
        // "other"/"unknown" are the backend's shrug: let the defaults speak.
        if let Some(t) = generated
            .pointer(&format!("/spec/{key}"))
            .and_then(Value::as_str)
            .filter(|t| known.contains(t) && *t != "other" && *t != "unknown")
        {
            v.insert(key.into(), t.into());
        }
    }
    Value::Object(v)
}

/// The entity the form describes, in the order a catalog file is written.
pub fn entity(values: &Value) -> Value {
    let text = |k: &str| values.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let mut metadata = Map::new();
    metadata.insert("name".into(), text("name").unwrap_or("").into());
    if let Some(d) = text("description") {
        metadata.insert("description".into(), d.into());
    }
    json!({
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Component",
        "metadata": metadata,
        "spec": {
            "type": text("type").unwrap_or("service"),
            "lifecycle": text("lifecycle").unwrap_or("experimental"),
            "owner": text("owner").unwrap_or(""),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::entity::yaml::to_yaml;
    use crate::catalog::entity::yaml_parse;
    use crate::scaffolder::forms::check::Check;
    use crate::scaffolder::forms::validate::tests::regex_patterns;

    #[test]
    fn the_backends_guess_fills_the_form() {
        let guess = json!({"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"notes-app"},"spec":{"type":"other","lifecycle":"unknown"}});
        assert_eq!(initial_values(&guess), json!({"name": "notes-app"}));
        let guess = json!({"metadata":{"name":"x"},"spec":{"type":"website","lifecycle":"production"}});
        assert_eq!(initial_values(&guess), json!({"name": "x", "type": "website", "lifecycle": "production"}));
    }

    #[test]
    fn the_yaml_reads_back_as_the_entity() {
        let values = json!({"name": "notes-app", "owner": "group:default/team-web", "type": "website", "lifecycle": "production", "description": "Notes: \"quoted\" # not a comment"});
        let e = entity(&values);
        let yaml = to_yaml(&e);
        assert!(yaml.starts_with("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: notes-app\n"), "{yaml}");
        assert_eq!(yaml_parse::parse(&yaml).unwrap(), e);
    }

    #[test]
    fn names_follow_the_catalogs_rule() {
        let s = schema();
        let check = Check::new(&s, &regex_patterns);
        let ok = json!({"name": "notes-app.v2", "owner": "team-web", "type": "service", "lifecycle": "production"});
        assert!(check.is_valid(&ok, &s));
        for name in ["Notes App!", "-lead", "a..b", &"x".repeat(64)] {
            let bad = json!({"name": name, "owner": "team-web", "type": "service", "lifecycle": "production"});
            assert!(!check.is_valid(&bad, &s), "{name}");
        }
    }
}
