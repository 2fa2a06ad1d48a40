//! The first page's wire types, read from a parsed answer (`serde_json::Value`)
//! by hand. serde's derived deserializers are compiled once per type and per
//! input, 1.5–4 KB of wasm each, and the catalog and sign-in need seven types;
//! the text is parsed once per answer into a `Value` (`model::json_text`, by the
//! browser), which the portal compiles anyway: entities are kept as one. The
//! other pages' types keep `#[derive(Deserialize)]` (read from that `Value`)
//! and live in their chunks.
//!
//! As with serde: unknown fields are ignored, a missing or `null` optional
//! field is `None`, and a field of the wrong type fails the whole answer with
//! the field's name.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::api::error::ApiError;

/// A type read from a parsed JSON value.
pub trait FromJson: Sized {
    fn from_json(v: Value) -> Result<Self, String>;
}

/// Reads `v` as `T`; what does not fit becomes an `ApiError` about `url`'s answer.
pub fn read<T: FromJson>(v: Value, url: &str) -> Result<T, ApiError> {
    T::from_json(v).map_err(|e| ApiError::bad_body(url, &format!("the JSON did not have the expected shape ({e})")))
}

/// A request body. Not `Value::to_string`: its `Display` also carries the
/// pretty printer into the wasm, for `{:#}`.
pub fn to_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// An object's fields, taken out one by one.
pub struct Fields(Map<String, Value>);

impl Fields {
    pub fn of(v: Value) -> Result<Self, String> {
        match v {
            Value::Object(map) => Ok(Fields(map)),
            other => Err(format!("expected an object, found {}", kind(&other))),
        }
    }

    /// The field, or `None` when it is missing or `null`.
    pub fn opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, String> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => T::from_json(v).map(Some).map_err(|e| at(key, e)),
        }
    }

    pub fn req<T: FromJson>(&mut self, key: &str) -> Result<T, String> {
        self.opt(key)?.ok_or_else(|| missing(key))
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key).filter(|v| !v.is_null())
    }
}

// The messages are built once here, not in every field reader (less wasm).
fn at(key: &str, e: String) -> String {
    format!("{key}: {e}")
}

fn missing(key: &str) -> String {
    format!("missing field {key}")
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl FromJson for Value {
    fn from_json(v: Value) -> Result<Self, String> {
        Ok(v)
    }
}

impl FromJson for String {
    fn from_json(v: Value) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(format!("expected a string, found {}", kind(&other))),
        }
    }
}

impl FromJson for u64 {
    fn from_json(v: Value) -> Result<Self, String> {
        v.as_u64().ok_or_else(|| format!("expected a whole number, found {}", kind(&v)))
    }
}

impl FromJson for f64 {
    fn from_json(v: Value) -> Result<Self, String> {
        v.as_f64().ok_or_else(|| format!("expected a number, found {}", kind(&v)))
    }
}

/// A list item may be `null` (`by-refs` answers so for a ref it has no entity).
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: Value) -> Result<Self, String> {
        match v {
            Value::Array(items) => {
                items.into_iter().enumerate().map(|(i, item)| T::from_json(item).map_err(|e| at(&format!("item {i}"), e))).collect()
            }
            other => Err(format!("expected a list, found {}", kind(&other))),
        }
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: Value) -> Result<Self, String> {
        // Inserted one by one: collecting sorts first, more code for a few keys.
        let mut map = BTreeMap::new();
        for (k, v) in Fields::of(v)?.0 {
            let t = T::from_json(v).map_err(|e| at(&k, e))?;
            map.insert(k, t);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_say_which_one_is_wrong() {
        let mut f = Fields::of(json!({"a": "x", "n": null, "k": 3, "l": [1, "two"]})).unwrap();
        assert_eq!(f.opt::<String>("a").unwrap().as_deref(), Some("x"));
        assert_eq!(f.opt::<String>("n").unwrap(), None);
        assert_eq!(f.opt::<String>("missing").unwrap(), None);
        assert_eq!(f.req::<String>("gone").unwrap_err(), "missing field gone");
        assert_eq!(f.req::<String>("k").unwrap_err(), "k: expected a string, found a number");
        assert_eq!(f.req::<Vec<u64>>("l").unwrap_err(), "l: item 1: expected a whole number, found a string");
        assert!(Fields::of(json!([])).is_err());
        assert_eq!(u64::from_json(json!(-1)).unwrap_err(), "expected a whole number, found a number");
        assert_eq!(Vec::<Option<u64>>::from_json(json!([1, null])).unwrap(), vec![Some(1), None]);
    }

    #[test]
    fn an_answer_that_does_not_fit_is_an_error_about_its_url() {
        let e = read::<Vec<String>>(json!({"items": []}), "http://b/api/x").unwrap_err();
        assert!(e.user_message().contains("expected shape (expected a list, found an object)"), "{}", e.user_message());
    }
}
