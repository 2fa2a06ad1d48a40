//! Embed mode: one portal page inside an iframe of an intranet page, without the
//! portal's header and navigation. The portal tells the framing page its content
//! height (`postMessage`), but only a page whose origin `app.embedParentOrigins`
//! lists, so the iframe can size itself to the content.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The message the framing page receives: `{ type: "stagedoor:height", height }`.
pub const HEIGHT_MESSAGE: &str = "stagedoor:height";

/// Whether the address asks for embed mode (`?embed=1` or `?embed=true`).
pub fn requested(query: &str) -> bool {
    matches!(crate::model::query::query_value(query, "embed").as_deref(), Some("1") | Some("true"))
}

const STORAGE_KEY: &str = "stagedoor:embedded";

fn in_frame(window: &web_sys::Window) -> bool {
    matches!(window.parent(), Ok(Some(parent)) if !js_sys::Object::is(&parent, window))
}

/// Whether this start is in embed mode: configured, asked for in the address,
/// or asked for earlier in this frame (a reload after following a link inside
/// the frame loses `?embed=1` from the address; the frame's session storage
/// keeps it, and a page outside a frame never reads it).
pub fn active(configured: bool, query: &str) -> bool {
    let Some(window) = web_sys::window() else { return configured };
    let framed = in_frame(&window);
    let storage = crate::browser::session_storage();
    if requested(query) {
        if let (true, Some(s)) = (framed, &storage) {
            let _ = s.set_item(STORAGE_KEY, "1");
        }
        return true;
    }
    configured || (framed && storage.and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).is_some())
}

/// The allowed origin to post to, given what the browser says about the framing
/// page (`location.ancestorOrigins[0]` or the referrer's origin). Unknown: each
/// allowed origin in turn (the browser delivers only to the one that matches).
pub fn targets(allowed: &[String], parent_origin: Option<&str>) -> Vec<String> {
    match parent_origin {
        Some(p) => allowed.iter().filter(|a| a.as_str() == p).cloned().collect(),
        None => allowed.to_vec(),
    }
}

fn parent_origin(window: &web_sys::Window) -> Option<String> {
    let from_ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|v| !v.is_undefined())
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from(0)).ok())
        .and_then(|v| v.as_string());
    let from_referrer = || {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin())
    };
    from_ancestors.or_else(from_referrer).and_then(|o| crate::config::normalize_origin(&o))
}

/// Posts the root element's height to the allowed framing page whenever it
/// changes. Does nothing outside a frame or with no allowed origin.
pub fn post_height_to_parent(allowed: &[String]) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) || allowed.is_empty() {
        return;
    }
    let targets = targets(allowed, parent_origin(&window).as_deref());
    if targets.is_empty() {
        return;
    }
    let Some(root) = crate::shell::mount::root() else { return };
    let measured = root.clone();
    let last = std::cell::Cell::new(-1.0);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        for origin in &targets {
            let _ = parent.post_message(&msg, origin);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    on_resize.forget(); // lives as long as the page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_in_the_address() {
        assert!(requested("embed=1"));
        assert!(requested("filters%5Bkind%5D=api&embed=true"));
        assert!(!requested("embed=0"));
        assert!(!requested("embedded=1"));
        assert!(!requested(""));
    }

    #[test]
    fn height_goes_only_to_an_allowed_parent() {
        let allowed = vec!["https://intranet.acme.example".to_string(), "http://127.0.0.1:8093".to_string()];
        assert_eq!(targets(&allowed, Some("http://127.0.0.1:8093")), vec!["http://127.0.0.1:8093"]);
        assert!(targets(&allowed, Some("https://evil.example")).is_empty());
        assert_eq!(targets(&allowed, None), allowed);
        assert!(targets(&[], None).is_empty());
    }
}
