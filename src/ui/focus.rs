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

/// Focuses the first match now if it is there (so a key pressed right after
/// lands on it), else after the next render.
pub fn focus_now_or_later(selector: String) {
    match document().query_selector(&selector).ok().flatten() {
        Some(el) => {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
        None => focus_later(selector),
    }
}
