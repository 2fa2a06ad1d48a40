//! A Rust panic stops the wasm for good, so the portal would freeze. The hook
//! replaces the page with a plain "something went wrong, reload" notice that
//! shows the panic text, built with the DOM directly: the app's runtime cannot
//! be trusted after a panic. (The e2e suite fails any test whose page panics.)

use wasm_bindgen::JsCast;

/// Installs the hook: the console gets the panic as before, the user the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Replaces the portal's content with the notice (in a host page, only the
/// portal's element).
pub fn show(panic_text: &str) {
    let root = crate::shell::mount::root().or_else(|| web_sys::window()?.document()?.body());
    if let Some(root) = root {
        show_in(&root, panic_text);
    }
}

/// Replaces `parent`'s content with the notice. The panic text is text only.
pub fn show_in(parent: &web_sys::Element, panic_text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let el = |tag: &str, class: Option<&str>, text: Option<&str>| {
        let e = doc.create_element(tag).ok()?;
        if let Some(c) = class {
            e.set_class_name(c);
        }
        e.set_text_content(text);
        Some(e)
    };
    let (Some(main), Some(title), Some(what), Some(details), Some(reload)) = (
        el("main", Some("panic-page"), None),
        el("h1", None, Some("Something went wrong")),
        el("p", None, Some("The portal hit an error it cannot recover from. Reload the page to go on; a template form you were filling in is kept as a draft.")),
        el("pre", Some("panic-text"), Some(panic_text)),
        el("a", Some("button primary"), Some("Reload")),
    ) else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    // A plain link to this address: following it reloads without calling into the wasm.
    let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let _ = reload.set_attribute("href", &here);
    let _ = reload.set_attribute("rel", "external");
    for child in [&title, &what, &details, &reload] {
        let _ = main.append_child(child);
    }
    parent.set_text_content(None);
    let _ = parent.append_child(&main);
    if let Some(h) = main.dyn_ref::<web_sys::HtmlElement>() {
        h.set_tab_index(-1);
        let _ = h.focus();
    }
}
