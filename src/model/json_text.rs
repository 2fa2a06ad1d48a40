//! JSON text into a `serde_json::Value`. In the browser the browser's own
//! `JSON.parse` reads the text and the result is copied into a `Value`:
//! serde_json's text parser (its number and string readers, its error
//! positions) stays out of the wasm the first page loads. Elsewhere (native
//! tests) serde_json reads it; tests/web.rs checks both give the same `Value`.
//!
//! What the browser's reading changes, as in Backstage's own frontend:
//! - numbers are doubles: a whole number beyond 2^53 loses its last digits, and
//!   `1.0` reads as `1`;
//! - an object's keys that are array indices ("2") come first, in numeric order;
//! - a lone surrogate escape (`"\ud800"`) becomes U+FFFD instead of an error.

use serde_json::Value;

/// serde_json's own limit: deeper input is refused, not walked (the walk is
/// recursive and the wasm stack is 1 MiB).
pub const MAX_DEPTH: usize = 128;

/// Parses `text`; the error says why it is not JSON, in the reader's words.
pub fn parse(text: &str) -> Result<Value, String> {
    #[cfg(target_arch = "wasm32")]
    {
        // A SyntaxError, whose message says where.
        let parsed = js_sys::JSON::parse(text).map_err(|e| String::from(js_sys::Error::from(e).message()))?;
        from_js(&parsed)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Copies a JavaScript value made of JSON's types (what `JSON.parse` returns, a
/// `postMessage` payload) into a `Value`; `undefined` and functions become null.
pub fn from_js(v: &wasm_bindgen::JsValue) -> Result<Value, String> {
    walk(v, 0)
}

fn walk(v: &wasm_bindgen::JsValue, depth: usize) -> Result<Value, String> {
    use js_sys::{Array, Object};
    use wasm_bindgen::JsCast;

    // Most common first: each test is a call into JavaScript.
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if v.is_object() {
        if depth >= MAX_DEPTH {
            return Err(format!("it is nested more than {MAX_DEPTH} levels deep"));
        }
        if Array::is_array(v) {
            let items: &Array = v.unchecked_ref();
            let mut out = Vec::with_capacity(items.length() as usize);
            for i in 0..items.length() {
                out.push(walk(&items.get(i), depth + 1)?);
            }
            return Ok(Value::Array(out));
        }
        // Keys and values, not `obj[key]`: a "__proto__" key is an own field here.
        let obj: &Object = v.unchecked_ref();
        let (keys, values) = (Object::keys(obj), Object::values(obj));
        let mut out = serde_json::Map::with_capacity(keys.length() as usize);
        for i in 0..keys.length() {
            out.insert(keys.get(i).as_string().unwrap_or_default(), walk(&values.get(i), depth + 1)?);
        }
        return Ok(Value::Object(out));
    }
    if let Some(n) = v.as_f64() {
        return Ok(number(n));
    }
    Ok(v.as_bool().map_or(Value::Null, Value::Bool))
}

/// A double as serde_json would have read its text: whole numbers as integers.
fn number(n: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if n.fract() == 0.0 && n.abs() <= EXACT {
        if n >= 0.0 {
            Value::from(n as u64)
        } else {
            Value::from(n as i64)
        }
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_doubles_read_as_integers_like_serde_reads_their_text() {
        assert_eq!(number(3.0), json!(3));
        assert_eq!(number(-0.0), json!(0));
        assert_eq!(number(-7.0), json!(-7));
        assert_eq!(number(0.5), json!(0.5));
        assert_eq!(number(1e300), json!(1e300));
        assert_eq!(number(9_007_199_254_740_992.0), json!(9_007_199_254_740_992u64));
        assert!(number(f64::NAN).is_null());
    }

    #[test]
    fn text_that_is_not_json_says_so() {
        assert!(parse("{\"a\": [1, 2]}").is_ok());
        assert!(parse("<!doctype html>").is_err());
        assert!(parse("").is_err());
    }
}
