use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the first element matching `selector`, after the
/// next render (the element may be about to appear).
pub fn focus_later(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}
