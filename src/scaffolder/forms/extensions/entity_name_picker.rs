//! `EntityNamePicker`: a text box whose value must be a valid entity name.

use serde_json::Value;

use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension = Extension { name: "EntityNamePicker", render: None, validate: Some(validate), labels_itself: false };

fn validate(_: &Field, value: &Value) -> Option<String> {
    let name = value.as_str()?;
    (!is_entity_name(name)).then(|| "must be 1–63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.".into())
}

/// Backstage's entity name rule.
pub fn is_entity_name(s: &str) -> bool {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
    (1..=63).contains(&s.len())
        && s.chars().all(ok_char)
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.ends_with(|c: char| c.is_ascii_alphanumeric())
}
