//! Small browser helpers every feature shares: DOM look-ups, the clipboard,
//! storage and the timer.

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

pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Per-tab storage: what must survive a reload but not outlive the tab (drafts).
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Waits inside async code (retries, polling), on the browser's own timer.
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Lets the browser handle input and paint, then goes on: a message posted to
/// ourselves, which (unlike a 0 ms timer, held back 4 ms once repeated) comes
/// back as soon as the browser is free.
pub async fn yield_to_browser() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The text of a file the user chose or dropped (`None` if it cannot be read).
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The bytes of a file the user chose (`None` if it cannot be read).
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `parts` (strings or byte arrays) to the user as a downloaded file named `name`.
pub fn download(name: &str, mime: &str, parts: &js_sys::Array) -> bool {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &opts) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Ok(a) = document.create_element("a") else { return false };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download reads the URL after this returns: free the memory later.
    wasm_bindgen_futures::spawn_local(async move {
        sleep(60_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    true
}

/// Puts the caret at the start of `line` (1-based) in the text box `id` and
/// focuses it.
pub fn caret_to_line(id: &str, line: usize) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else { return };
    let text = area.value();
    // Offsets in UTF-16 units, as the DOM counts them.
    let start: usize = text.split('\n').take(line.saturating_sub(1)).map(|l| l.encode_utf16().count() + 1).sum();
    let _ = area.focus();
    let _ = area.set_selection_range(start as u32, start as u32);
}

/// A function the boot script (shell/boot.js) put on `window`; `None` without it
/// (a page that mounts the portal its own way, the component tests).
pub fn boot_function(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&web_sys::window()?.into(), &name.into()).ok()?.dyn_into().ok()
}
