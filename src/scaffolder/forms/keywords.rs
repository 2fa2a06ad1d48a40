//! Reading a schema's own keywords (`type_of`, `enum_options`, `plain`). Knows
//! nothing of fields or forms, so `schema` (which resolves conditions) and
//! `check` (which validates) both stand on it.
//!
//! JSON Schema patterns are ECMAScript regexes: in the browser the portal asks the
//! browser's own `RegExp`, so no regex engine ships in the wasm. The matcher is
//! passed in (`Patterns`), which keeps the engine pure and natively tested.

use serde_json::{Map, Value};

pub fn enum_options(schema: &Map<String, Value>) -> Option<Vec<(Value, String)>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let names = schema.get("enumNames").and_then(Value::as_array);
        return Some(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let label = names.and_then(|n| n.get(i)).and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| plain(v));
                    (v.clone(), label)
                })
                .collect(),
        );
    }
    let alts = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array)?;
    alts.iter()
        .map(|a| {
            let c = a.get("const")?;
            let label = a.get("title").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| plain(c));
            Some((c.clone(), label))
        })
        .collect()
}

/// A scalar as the user reads it (strings without quotes).
pub fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The JSON Schema type, inferred when `type` is absent; the first non-null of a list.
pub fn type_of(s: &Map<String, Value>) -> String {
    match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string").to_string(),
        _ if s.contains_key("properties") => "object".into(),
        _ if s.contains_key("items") => "array".into(),
        _ => match s.get("const").or_else(|| s.get("default")).or_else(|| s.get("enum").and_then(|e| e.get(0))) {
            Some(Value::Bool(_)) => "boolean".into(),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => "integer".into(),
            Some(Value::Number(_)) => "number".into(),
            _ => "string".into(),
        },
    }
}

/// `(pattern, text) -> matches`; an invalid pattern counts as a match (the backend
/// has the last word on it).
pub type Patterns<'a> = &'a dyn Fn(&str, &str) -> bool;

/// Missing, null, an empty string or an empty list count as "not filled in".
pub fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    }
}
