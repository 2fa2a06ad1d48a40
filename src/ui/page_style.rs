//! A page's own stylesheets, fetched with its code instead of travelling in the
//! first load's `main.css`. The build puts `style/pages/*.css` beside the wasm
//! (scripts/build/wasm.sh), whose folder the boot script records
//! (`window.__stagedoorPkg`); a `<link>` from the portal's own origin passes a
//! strict `style-src 'self'`. `lazy_page` starts them with the page's chunk and
//! shows the page once both are there, so it never shows unstyled.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// How long a page waits for a stylesheet that neither loads nor fails (a stalled
/// connection) before it shows anyway.
const PATIENCE_MS: i32 = 3_000;

/// Where a link keeps the promise that settles once it has loaded.
const SETTLED: &str = "stagedoorSettled";

/// Adds `<link rel=stylesheet>` for each of `files` now (once per document). The
/// promise settles when each has loaded or failed to: a page without its styles
/// is better than no page.
pub fn start(files: &[&str]) -> Promise {
    Promise::all(&files.iter().filter_map(|f| link(f)).collect::<Array>())
}

fn link(file: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if let Some(el) = document.query_selector(&format!("link[data-page-style=\"{file}\"]")).ok().flatten() {
        return Reflect::get(&el, &SETTLED.into()).ok();
    }
    let pkg = Reflect::get(&window, &"__stagedoorPkg".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "pkg/".into());
    let el = document.create_element("link").ok()?;
    let _ = el.set_attribute("rel", "stylesheet");
    let _ = el.set_attribute("href", &format!("{pkg}{file}"));
    let _ = el.set_attribute("data-page-style", file);
    let settled = Promise::new(&mut |resolve, _| {
        let _ = el.add_event_listener_with_callback("load", &resolve);
        let _ = el.add_event_listener_with_callback("error", &resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), PATIENCE_MS);
    });
    let _ = Reflect::set(&el, &SETTLED.into(), &settled);
    document.head()?.append_child(&el).ok()?;
    Some(settled.into())
}
