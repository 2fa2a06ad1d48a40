//! The exported file: the catalog rows as CSV (a spreadsheet opens it as it is)
//! or JSON. Cells are quoted by RFC 4180, and a cell that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is made text with a
//! leading `'`: catalog data is written by anyone with a repository.

use serde_json::Value;

use crate::api::types::Entity;

/// The fields the export asks the catalog for.
pub const FIELDS: [&str; 10] = [
    "kind",
    "metadata.namespace",
    "metadata.name",
    "metadata.title",
    "metadata.description",
    "metadata.tags",
    "spec.type",
    "spec.lifecycle",
    "spec.owner",
    "spec.system",
];

/// Column title and where its value is.
const COLUMNS: [(&str, &str); 10] = [
    ("kind", "/kind"),
    ("namespace", "/metadata/namespace"),
    ("name", "/metadata/name"),
    ("title", "/metadata/title"),
    ("type", "/spec/type"),
    ("lifecycle", "/spec/lifecycle"),
    ("owner", "/spec/owner"),
    ("system", "/spec/system"),
    ("tags", "/metadata/tags"),
    ("description", "/metadata/description"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }
    /// What the file starts with, before any row.
    pub fn start(self) -> String {
        match self {
            Format::Csv => COLUMNS.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(",") + "\r\n",
            Format::Json => "[".into(),
        }
    }
    /// One page of rows; `first` says whether rows came before it.
    pub fn rows(self, items: &[Entity], first: bool) -> String {
        let mut out = String::new();
        for (i, e) in items.iter().enumerate() {
            match self {
                Format::Csv => {
                    let cells: Vec<String> = COLUMNS.iter().map(|(_, p)| cell(&text_at(e, p))).collect();
                    out.push_str(&cells.join(","));
                    out.push_str("\r\n");
                }
                Format::Json => {
                    if !(first && i == 0) {
                        out.push(',');
                    }
                    out.push_str("\n  ");
                    out.push_str(&e.0.to_string());
                }
            }
        }
        out
    }
    pub fn end(self) -> &'static str {
        match self {
            Format::Csv => "",
            Format::Json => "\n]\n",
        }
    }
}

/// A field as one line of text (tags joined by `;`).
fn text_at(e: &Entity, pointer: &str) -> String {
    match e.0.pointer(pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// One CSV cell.
fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// `catalog-components-2026-11-27.csv`; `catalog-2026-11-27.json` for every kind.
pub fn file_name(kind_plural: Option<&str>, date: &str, format: Format) -> String {
    let what = kind_plural.map(|k| format!("-{}", k.to_ascii_lowercase().replace(' ', "-"))).unwrap_or_default();
    format!("catalog{what}-{date}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(json: &str) -> Entity {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        let e = entity(
            r#"{"kind":"Component","metadata":{"name":"a","namespace":"default","description":"Says \"hi\", twice\nand more","tags":["java","=cmd"]},
                "spec":{"type":"service","owner":"=HYPERLINK(\"http://evil\")","lifecycle":7}}"#,
        );
        let csv = Format::Csv.start() + &Format::Csv.rows(&[e], true);
        assert_eq!(
            csv,
            "kind,namespace,name,title,type,lifecycle,owner,system,tags,description\r\n\
             Component,default,a,,service,7,\"'=HYPERLINK(\"\"http://evil\"\")\",,java;=cmd,\"Says \"\"hi\"\", twice\nand more\"\r\n"
        );
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn json_pages_join_into_one_array() {
        let a = entity(r#"{"kind":"API","metadata":{"name":"a"}}"#);
        let b = entity(r#"{"kind":"API","metadata":{"name":"b"}}"#);
        let text = Format::Json.start()
            + &Format::Json.rows(std::slice::from_ref(&a), true)
            + &Format::Json.rows(std::slice::from_ref(&b), false)
            + Format::Json.end();
        let back: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![a.0, b.0]);
        let empty = Format::Json.start() + Format::Json.end();
        assert_eq!(serde_json::from_str::<Vec<Value>>(&empty).unwrap(), Vec::<Value>::new());
    }

    #[test]
    fn file_names_say_what_is_in_them() {
        assert_eq!(file_name(Some("Components"), "2026-11-27", Format::Csv), "catalog-components-2026-11-27.csv");
        assert_eq!(file_name(None, "2026-11-27", Format::Json), "catalog-2026-11-27.json");
    }
}
