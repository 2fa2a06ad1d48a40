//! Why the catalog refused a location or an entity, in words a user can act on:
//! which field, on which line, and what to do. The backend's messages are read
//! as Backstage's catalog writes them (checked against the fixture backend).

use crate::api::error::{origin_of, ApiError, ApiErrorKind};
use crate::api::permission::denied;

/// The field a catalog validation message is about, as a dotted path:
/// `"metadata.name" is not valid` → `metadata.name`;
/// `/spec must have required property 'type'` → `spec.type`;
/// `/spec/owner must be string` → `spec.owner`.
pub fn field_of(message: &str) -> Option<String> {
    let is_path = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
    // A JSON pointer in front of "must …" (ajv's wording).
    if let Some(i) = message.find(" must ") {
        let before = &message[..i];
        let pointer = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let rest = &message[i..];
        let missing = rest.strip_prefix(" must have required property '").and_then(|r| r.split('\'').next());
        if pointer.starts_with('/') || pointer.is_empty() || missing.is_some() {
            let mut parts: Vec<&str> = pointer.split('/').filter(|p| !p.is_empty() && is_path(p)).collect();
            if let Some(m) = missing {
                parts.push(m);
            }
            if !parts.is_empty() && (pointer.starts_with('/') || missing.is_some()) {
                return Some(parts.join("."));
            }
        }
    }
    // A quoted dotted path ("metadata.name" is not valid).
    let mut quoted = message.split('"').skip(1).step_by(2);
    quoted.find(|q| q.contains('.') && is_path(q) && !q.contains('/')).map(str::to_string)
}

/// The innermost cause of a catalog message: Backstage chains them as
/// `…; caused by Error: <cause>`.
pub fn cause_of(message: &str) -> &str {
    let last = message.rsplit("; caused by ").next().unwrap_or(message);
    let last = last.split_once(": ").filter(|(name, _)| name.ends_with("Error")).map_or(last, |(_, m)| m);
    // The file-format link at the end helps nobody reading it here.
    last.split(" To learn more about catalog file format").next().unwrap_or(last).trim()
}

/// Whether the backend found no file at the URL it was to read.
pub fn is_missing_file(err: &ApiError) -> bool {
    err.detail.contains("no matching files found") || err.detail.contains("NotFoundError")
}

/// What went wrong when reading or registering `url`, and what to do about it.
pub fn advice(err: &ApiError, url: &str) -> String {
    let d = err.detail.as_str();
    match err.kind {
        ApiErrorKind::Status(403) => return denied("register entities in this catalog"),
        ApiErrorKind::Status(409) => return "This location is registered already. Refresh it instead to read its entities again.".into(),
        ApiErrorKind::Status(400) | ApiErrorKind::Status(404) | ApiErrorKind::Status(422) => {}
        _ => return err.user_message(),
    }
    if d.contains("is not allowed") && d.contains("backend.reading.allow") {
        return format!(
            "The backend is not allowed to read from {}. An administrator can allow that host under backend.reading.allow, or set up an integration for it, in the backend's app-config.yaml.",
            origin_of(url)
        );
    }
    if is_missing_file(err) {
        return format!("There is no file at {url}. Check the address; for a repository, give the URL of its catalog-info.yaml.");
    }
    if let Some(i) = d.find("YAMLParseError: ") {
        let what = d[i + "YAMLParseError: ".len()..].split(":\n").next().unwrap_or("").trim();
        return format!("The file is not valid YAML: {what}. Fix the file and try again.");
    }
    if d.contains("No processor recognized") {
        return format!("The catalog does not accept an entity in this file: {}. Check its apiVersion and kind.", cause_of(d));
    }
    let cause = cause_of(d);
    match field_of(cause) {
        Some(field) => format!("An entity in the file is not valid: {field}: {cause}"),
        None if d.is_empty() => err.user_message(),
        None => format!("The catalog refused the file: {cause}"),
    }
}

/// Whether a URL names an entity file itself (Backstage's import page dry-runs
/// those directly) rather than a repository or folder to look in.
pub fn is_entity_file(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.ends_with(".yaml") || path.ends_with(".yml")
}

/// The URL checked as the user typed it: trimmed, http(s) only.
pub fn read_url(input: &str) -> Result<String, String> {
    let url = input.trim();
    if url.is_empty() {
        return Err("Enter the URL of a catalog-info.yaml file or of a repository.".into());
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace) => Ok(url.to_string()),
        _ => Err("This is not a web address: it must start with https:// (or http://) and hold no spaces.".into()),
    }
}

/// The default entity file of a repository or folder URL on a plain file host.
pub fn default_file(url: &str) -> String {
    format!("{}/catalog-info.yaml", url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages as the fixture backend wrote them.
    const NAME: &str = "InputError: Policy check failed for component:default/bad name!; caused by Error: \"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found \"Bad Name!\". To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";
    const TYPE: &str = "Processor BuiltinKindsEntityProcessor threw an error while validating the entity component:default/ok; caused by TypeError: /spec must have required property 'type' - missingProperty: type";
    const YAML: &str = "Error: YAML error at url:http://127.0.0.1:7102/broken-yaml/catalog-info.yaml, YAMLParseError: Flow sequence in block collection must be sufficiently indented and end with a ] at line 7, column 1:\n\n  tags: [a, b\nspec:\n^\n";
    const DENIED: &str = "Error: Unable to read url, Reading from 'http://example.com/x/catalog-info.yaml' is not allowed. You may need to configure an integration for the target host, or add it to the configured list of allowed hosts at 'backend.reading.allow'";
    const MISSING: &str =
        "NotFoundError: Unable to read url, no matching files found for http://127.0.0.1:7102/notes-app/catalog-info.yaml";

    fn refused(detail: &str) -> ApiError {
        ApiError { kind: ApiErrorKind::Status(400), name: Some("InputError".into()), detail: detail.into(), url: String::new() }
    }

    #[test]
    fn fields_are_found_in_backstage_messages() {
        assert_eq!(field_of(cause_of(NAME)).as_deref(), Some("metadata.name"));
        assert_eq!(field_of(cause_of(TYPE)).as_deref(), Some("spec.type"));
        assert_eq!(field_of("/spec/owner must be string").as_deref(), Some("spec.owner"));
        assert_eq!(field_of("/metadata/tags/0 must match pattern \"^[a-z]+$\"").as_deref(), Some("metadata.tags.0"));
        assert_eq!(field_of(" must have required property 'metadata'").as_deref(), Some("metadata"));
        assert_eq!(field_of("No processor recognized the entity widget:default/ok as valid"), None);
        assert_eq!(cause_of(TYPE), "/spec must have required property 'type' - missingProperty: type");
        let foreign = "No processor recognized the entity widget:default/ok as valid, possibly caused by a foreign kind or apiVersion";
        assert_eq!(cause_of(foreign), foreign);
        assert!(cause_of(NAME).starts_with("\"metadata.name\" is not valid;") && cause_of(NAME).ends_with("found \"Bad Name!\"."));
    }

    #[test]
    fn every_refusal_says_what_to_do() {
        let a = |d: &str, url: &str| advice(&refused(d), url);
        assert!(
            a(DENIED, "http://example.com/x/catalog-info.yaml").starts_with("The backend is not allowed to read from http://example.com.")
        );
        assert!(a(MISSING, "http://h/notes-app/catalog-info.yaml").starts_with("There is no file at http://h/notes-app/catalog-info.yaml."));
        assert_eq!(
            a(YAML, "u"),
            "The file is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 7, column 1. Fix the file and try again."
        );
        assert!(a(NAME, "u").starts_with("An entity in the file is not valid: metadata.name: \"metadata.name\" is not valid;"));
        let conflict = ApiError { kind: ApiErrorKind::Status(409), ..refused("Location url:x already exists") };
        assert!(advice(&conflict, "u").contains("registered already"));
        let down = ApiError::unreachable("http://127.0.0.1:1/api/catalog/locations", "Failed to fetch");
        assert_eq!(advice(&down, "u"), down.user_message());
    }

    #[test]
    fn urls_are_read_as_typed() {
        assert_eq!(read_url("  https://git.example/a/catalog-info.yaml ").unwrap(), "https://git.example/a/catalog-info.yaml");
        assert!(read_url("").is_err());
        assert!(read_url("git.example/a").is_err());
        assert!(read_url("https://").is_err());
        assert!(read_url("javascript:alert(1)").is_err());
        assert!(is_entity_file("http://h/r/catalog-info.yaml?ref=main"));
        assert!(is_entity_file("http://h/r/all.yml"));
        assert!(!is_entity_file("http://h/r/tree/main"));
        assert_eq!(default_file("http://h/r/"), "http://h/r/catalog-info.yaml");
    }
}
