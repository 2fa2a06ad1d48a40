//! A page's own stylesheets, fetched with its code instead of travelling in the
//! first load's `main.css`. The build puts `style/pages/*.css` beside the wasm
//! (scripts/build/wasm.sh); the boot script links them from there
//! (`window.__stagedoorStyles`), from the portal's own origin, which a strict
//! `style-src 'self'` allows. `lazy_page` starts them with the page's chunk and
//! shows the page once both are there, so it never shows unstyled.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};

/// Links each of `files` now (once per document); the promise settles when they
/// have loaded or failed to. Without the boot script (component tests) it
/// settles at once.
pub fn start(files: &[&str]) -> Promise {
    let link = crate::browser::boot_function("__stagedoorStyles");
    let files: Array = files.iter().map(|f| JsValue::from_str(f)).collect();
    link.and_then(|f| f.call1(&JsValue::NULL, &files).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .unwrap_or_else(|| Promise::resolve(&JsValue::NULL))
}
