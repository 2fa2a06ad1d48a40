//! JSON Schema `pattern`s, checked by the browser's own ECMAScript `RegExp` (the
//! dialect templates are written in) instead of shipping a regex engine.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `RegExp(pattern, flags)`; throws on an invalid pattern, which `catch` turns
    /// into an `Err` instead of a crash.
    #[wasm_bindgen(catch, js_name = RegExp)]
    fn make_regexp(pattern: &str, flags: &str) -> Result<js_sys::RegExp, JsValue>;
}

thread_local! {
    static COMPILED: RefCell<HashMap<String, Option<js_sys::RegExp>>> = RefCell::new(HashMap::new());
}

/// Whether `text` matches `pattern`; an invalid pattern counts as a match (the
/// backend has the last word on it).
pub fn browser_patterns(pattern: &str, text: &str) -> bool {
    COMPILED.with(|c| {
        let mut c = c.borrow_mut();
        let re = c.entry(pattern.to_string()).or_insert_with(|| make_regexp(pattern, "u").ok());
        re.as_ref().map(|r| r.test(text)).unwrap_or(true)
    })
}
