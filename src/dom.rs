//! Small browser helpers shared by the router and the pages.

use wasm_bindgen::JsCast;

/// The element matching `selector` that an event happened in (the target itself
/// or its nearest ancestor), for delegated listeners.
pub fn event_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// Puts `text` on the clipboard; whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    wasm_bindgen_futures::JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Scrolls the element with id `fragment` (percent-decoded) into view; whether
/// there was one.
pub fn scroll_to_id(fragment: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    match document.get_element_by_id(&crate::model::percent::decode(fragment)) {
        Some(el) => {
            el.scroll_into_view();
            true
        }
        None => false,
    }
}
