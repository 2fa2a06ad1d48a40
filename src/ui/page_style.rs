//! A page's own stylesheet, fetched when the page first shows instead of
//! travelling in the first load's `main.css`. The build puts `style/pages/*.css`
//! beside the wasm (scripts/build/wasm.sh), whose folder the boot script records
//! (`window.__stagedoorPkg`); a `<link>` from the portal's own origin passes a
//! strict `style-src 'self'`.

/// Adds `<link rel=stylesheet>` for `file` once per document.
pub fn use_page_style(file: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let pkg = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__stagedoorPkg".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "pkg/".into());
    let href = format!("{pkg}{file}");
    if document.query_selector(&format!("link[data-page-style=\"{file}\"]")).ok().flatten().is_some() {
        return;
    }
    let Ok(link) = document.create_element("link") else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-page-style", file);
    if let Some(head) = document.head() {
        let _ = head.append_child(&link);
    }
}
