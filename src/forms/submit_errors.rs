//! The scaffolder's answer to values that fail the template's schema: a 400 with
//! `{errors: [...]}` in the `jsonschema` library's shape. Each error is mapped back
//! to the field (and so the step) it is about.

use serde_json::Value;

use super::path::{path_id, Seg};
use super::schema::Field;

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// Path id of the field (`name`, `repo.owner`); empty when it names none.
    pub field: String,
    pub message: String,
}

/// Reads `{errors:[{path, property, message, name, argument}]}`; `None` when the
/// body is not that shape.
pub fn parse_submit_errors(body: &str) -> Option<Vec<FieldError>> {
    let v: Value = serde_json::from_str(body).ok()?;
    let errors = v.get("errors")?.as_array()?;
    Some(
        errors
            .iter()
            .map(|e| {
                let mut path: Vec<Seg> = e
                    .get("path")
                    .and_then(Value::as_array)
                    .map(|p| p.iter().filter_map(|s| s.as_str().map(|k| Seg::Key(k.into())).or_else(|| s.as_u64().map(|i| Seg::Index(i as usize)))).collect())
                    .unwrap_or_default();
                // `required` errors sit on the parent; the missing key is the argument.
                if e.get("name").and_then(Value::as_str) == Some("required") {
                    if let Some(k) = e.get("argument").and_then(Value::as_str) {
                        path.push(Seg::Key(k.into()));
                    }
                }
                let message = e.get("message").and_then(Value::as_str).unwrap_or("is not valid").to_string();
                FieldError { field: path_id(&path), message }
            })
            .collect(),
    )
}

/// The first step (by index) that shows the field `id` or one of its parents;
/// the last step when none does (the review then shows the message).
pub fn step_of(id: &str, steps: &[Vec<Field>]) -> usize {
    let top = id.split('.').next().unwrap_or(id);
    steps.iter().position(|fields| fields.iter().any(|f| f.id() == top)).unwrap_or(steps.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::schema::tests::fields;
    use serde_json::json;

    #[test]
    fn errors_lead_to_the_step_of_their_field() {
        let steps = vec![fields(&json!({"properties": {"name": {}}}), &json!({})), fields(&json!({"properties": {"repo": {"type": "object", "properties": {"owner": {}}}}}), &json!({}))];
        assert_eq!(step_of("name", &steps), 0);
        assert_eq!(step_of("repo.owner", &steps), 1);
        assert_eq!(step_of("unknown", &steps), 1);
    }

    #[test]
    fn errors_from_the_real_backend_map_to_fields() {
        // Recorded from plugin-scaffolder-backend 4.3.0 (POST /v2/tasks).
        let body = r#"{"errors":[{"path":["name"],"property":"instance.name","message":"does not match pattern \"^[a-z][a-z0-9-]{2,40}$\"","schema":{"title":"Name"},"instance":"X!","name":"pattern","argument":"^[a-z][a-z0-9-]{2,40}$","stack":"..."},
            {"path":[],"property":"instance","message":"requires property \"owner\"","name":"required","argument":"owner"},
            {"path":["people",1,"email"],"message":"does not conform to the \"email\" format","name":"format"}]}"#;
        let e = parse_submit_errors(body).unwrap();
        assert_eq!(e[0], FieldError { field: "name".into(), message: "does not match pattern \"^[a-z][a-z0-9-]{2,40}$\"".into() });
        assert_eq!(e[1].field, "owner");
        assert_eq!(e[2].field, "people.1.email");
        assert_eq!(parse_submit_errors(r#"{"error":{"message":"x"}}"#), None);
        assert_eq!(parse_submit_errors("<html>"), None);
    }
}
