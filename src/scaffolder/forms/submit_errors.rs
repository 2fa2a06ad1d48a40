//! The scaffolder's answer to values that fail the template's schema (a 400 with
//! `{errors: [...]}`, read by `api::scaffolder`): each error is mapped back to the
//! field (and so the step) it is about.

use crate::api::types::ValidationError;
use crate::scaffolder::forms::path::{path_id, Seg};
use crate::scaffolder::forms::schema::Field;

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// Path id of the field (`name`, `repo.owner`); empty when it names none.
    pub field: String,
    pub message: String,
}

/// The fields the backend's validation errors are about, with its messages.
pub fn field_errors(errors: &[ValidationError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| {
            let mut path: Vec<Seg> = e
                .path
                .as_array()
                .map(|p| {
                    p.iter()
                        .filter_map(|s| s.as_str().map(|k| Seg::Key(k.into())).or_else(|| s.as_u64().map(|i| Seg::Index(i as usize))))
                        .collect()
                })
                .unwrap_or_default();
            // `required` errors sit on the parent; the missing key is the argument.
            if e.name.as_deref() == Some("required") {
                if let Some(k) = e.argument.as_str() {
                    path.push(Seg::Key(k.into()));
                }
            }
            let message = e.message.clone().unwrap_or_else(|| "is not valid".into());
            FieldError { field: path_id(&path), message }
        })
        .collect()
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
    use crate::scaffolder::forms::schema::tests::fields;
    use serde_json::json;

    #[test]
    fn errors_lead_to_the_step_of_their_field() {
        let steps = vec![
            fields(&json!({"properties": {"name": {}}}), &json!({})),
            fields(&json!({"properties": {"repo": {"type": "object", "properties": {"owner": {}}}}}), &json!({})),
        ];
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
        let parse = |body: &str| serde_json::from_str::<crate::api::types::ValidationErrors>(body).ok().map(|v| field_errors(&v.errors));
        let e = parse(body).unwrap();
        assert_eq!(e[0], FieldError { field: "name".into(), message: "does not match pattern \"^[a-z][a-z0-9-]{2,40}$\"".into() });
        assert_eq!(e[1].field, "owner");
        assert_eq!(e[2].field, "people.1.email");
        assert_eq!(parse(r#"{"error":{"message":"x"}}"#), None);
        assert_eq!(parse("<html>"), None);
    }
}
