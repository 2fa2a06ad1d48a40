//! Where the portal's DOM goes: its own page's `<body>`, or the element of a host
//! page named by `app.mountSelector` in `window.STAGEDOOR_CONFIG`. Either way the
//! root element carries the `stagedoor` class, and every portal style is scoped
//! under it, so a host page keeps its own look.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

/// The class every portal style hangs off.
pub const ROOT_CLASS: &str = "stagedoor";

thread_local! {
    /// The element mounted into, kept at start-up (looked up on every click,
    /// resize and theme change, so not searched for each time).
    static ROOT: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
    static IN_HOST_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// Where to mount, decided before anything loads.
pub enum Target {
    /// The portal's own `index.html`.
    OwnPage(web_sys::HtmlElement),
    /// An element of a host page.
    HostElement(web_sys::HtmlElement),
    /// `app.mountSelector` names nothing in the host page (said on the page).
    Missing(String),
}

/// `window.STAGEDOOR_CONFIG.app.mountSelector`, read before the config is parsed:
/// the mount point must be known before anything is shown. (`config.json` is
/// fetched later, so a selector there could only apply too late.)
fn configured_selector() -> Option<String> {
    let window = web_sys::window()?;
    let config = js_sys::Reflect::get(&window, &"STAGEDOOR_CONFIG".into()).ok()?;
    let app = js_sys::Reflect::get(&config, &"app".into()).ok().filter(|v| v.is_object())?;
    js_sys::Reflect::get(&app, &"mountSelector".into()).ok()?.as_string().filter(|s| !s.trim().is_empty())
}

fn target() -> Option<Target> {
    let document = web_sys::window()?.document()?;
    let Some(selector) = configured_selector() else {
        return document.body().map(Target::OwnPage);
    };
    match document.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => Some(Target::HostElement(el)),
        None => Some(Target::Missing(selector)),
    }
}

/// The portal's root element once mounted.
pub fn root() -> Option<web_sys::HtmlElement> {
    ROOT.with(|r| r.borrow().clone())
}

/// Whether the portal lives inside a host page rather than on its own page.
pub fn in_host_page() -> bool {
    IN_HOST_PAGE.with(Cell::get)
}

/// Brings the top of the portal into view after a navigation: the window's top
/// on its own page; in a host page only if the portal's top has scrolled away.
pub fn scroll_to_top() {
    let Some(window) = web_sys::window() else { return };
    if !in_host_page() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    } else if let Some(root) = root() {
        if root.get_bounding_client_rect().top() < 0.0 {
            root.scroll_into_view();
        }
    }
}

/// Sets the document's title, unless a host page owns it.
pub fn set_title(title: &str) {
    if !in_host_page() {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(title);
        }
    }
}

/// Claims the element the portal goes into (its own `<body>` or the host page's
/// element) and remembers it as the root; `None`, said on the page, when a host
/// page's selector matches nothing.
pub fn claim() -> Option<web_sys::HtmlElement> {
    let (el, in_host) = match target() {
        Some(Target::OwnPage(el)) => (el, false),
        Some(Target::HostElement(el)) => (el, true),
        Some(Target::Missing(selector)) => {
            say_missing(&selector);
            return None;
        }
        None => return None,
    };
    let _ = el.class_list().add_1(ROOT_CLASS);
    ROOT.with(|r| *r.borrow_mut() = Some(el.clone()));
    IN_HOST_PAGE.with(|h| h.set(in_host));
    Some(el)
}

/// A host page whose `app.mountSelector` matches nothing gets a line saying so
/// (as text) where the portal would have been: at the end of its body.
fn say_missing(selector: &str) {
    let text = format!("Stagedoor cannot start: window.STAGEDOOR_CONFIG field \"app.mountSelector\" is \"{selector}\", and no element on this page matches it.");
    web_sys::console::error_1(&text.clone().into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let (Some(body), Ok(p)) = (document.body(), document.create_element("p")) {
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(&text));
        let _ = body.append_child(&p);
    }
}
