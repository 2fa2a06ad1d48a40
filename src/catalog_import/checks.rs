//! Entity YAML checked without registering it: each document of the text, what
//! the catalog says of it (`validate-entity`), each complaint at its field and
//! the line that field is written on.

use serde_json::Value;

use crate::api::types::EntityValidation;
use crate::catalog::entity::yaml_parse::Document;
use crate::catalog_import::reasons::{cause_of, field_of};

/// One complaint about a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub field: Option<String>,
    pub line: usize,
    pub message: String,
}

/// A document's title: its ref when it has one.
pub fn title(doc: &Document, index: usize) -> String {
    let s = |p: &str| doc.value.pointer(p).and_then(Value::as_str);
    match (s("/kind"), s("/metadata/name")) {
        (Some(k), Some(n)) => format!("{}:{}/{}", k.to_ascii_lowercase(), s("/metadata/namespace").unwrap_or("default"), n),
        _ => format!("Document {}", index + 1),
    }
}

/// What can be said before asking the backend: a document that is not a
/// mapping is no entity at all.
pub fn shape_problem(doc: &Document) -> Option<Problem> {
    match &doc.value {
        Value::Object(_) => None,
        Value::Null => Some(Problem { field: None, line: doc.line, message: "This document is empty.".into() }),
        _ => Some(Problem {
            field: None,
            line: doc.line,
            message: "This document is not an entity: an entity is a mapping with apiVersion, kind, metadata and spec.".into(),
        }),
    }
}

/// The catalog's refusal, one problem per reason, each at its line.
pub fn problems(doc: &Document, answer: &EntityValidation) -> Vec<Problem> {
    answer
        .errors
        .iter()
        .map(|e| {
            let cause = cause_of(&e.message);
            let field = field_of(cause);
            let line = field.as_deref().map_or(doc.line, |f| doc.line_of(f));
            Problem { field, line, message: cause.to_string() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::entity::yaml_parse::documents;

    #[test]
    fn refusals_point_at_their_lines() {
        let (docs, _) =
            documents("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Bad Name!\nspec:\n  lifecycle: production\n");
        let answer: EntityValidation = serde_json::from_str(
            r#"{"errors":[
                {"name":"InputError","message":"Policy check failed for component:default/bad name!; caused by Error: \"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found \"Bad Name!\". To learn more about catalog file format, visit: https://x"},
                {"name":"InputError","message":"Processor BuiltinKindsEntityProcessor threw an error while validating the entity component:default/ok; caused by TypeError: /spec must have required property 'type' - missingProperty: type"}]}"#,
        )
        .unwrap();
        let p = problems(&docs[0], &answer);
        assert_eq!(p[0].field.as_deref(), Some("metadata.name"));
        assert_eq!(p[0].line, 4);
        assert_eq!(p[1].field.as_deref(), Some("spec.type"));
        assert_eq!(p[1].line, 5, "a missing field points at its parent");
        assert_eq!(p[1].message, "/spec must have required property 'type' - missingProperty: type");
        assert_eq!(title(&docs[0], 0), "component:default/Bad Name!");
    }

    #[test]
    fn documents_that_are_not_entities_say_so() {
        let (docs, _) = documents("- a list\n---\n---\nkind: Component\n");
        assert!(shape_problem(&docs[0]).unwrap().message.contains("not an entity"));
        assert_eq!(shape_problem(&docs[1]).unwrap().message, "This document is empty.");
        assert_eq!(shape_problem(&docs[2]), None);
        assert_eq!(title(&docs[2], 2), "Document 3");
    }
}
