//! Where the portal is mounted. `index.html` sets `<base href>` to the folder the
//! portal is served from (`/` or e.g. `/portal/`); routes and links hang off it, so
//! one `dist/` works under any sub-path without rebuilding.

use std::cell::RefCell;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `/portal/` → `/portal`, `/` → `` (the form the router's `base` wants).
pub fn router_base(base_path: &str) -> String {
    base_path.trim_end_matches('/').to_string()
}

/// Reads the document's base once at start-up.
pub fn init_from_document() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok().map(|u| u.pathname()))
        .map(|p| router_base(&p))
        .unwrap_or_default();
    set_base(&base);
    base
}

pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_string());
}

pub fn base() -> String {
    BASE.with(|b| b.borrow().clone())
}

/// An app path (`/catalog`) as an href under the mount point (`/portal/catalog`).
pub fn href(path: &str) -> String {
    join(&base(), path)
}

pub fn join(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

/// The app path of a location pathname, without the mount point.
pub fn strip_base<'a>(base: &str, pathname: &'a str) -> &'a str {
    match pathname.strip_prefix(base) {
        Some(rest) if rest.is_empty() => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// Whether a nav entry for `section` (`/catalog`) is the current one.
pub fn is_in_section(app_path: &str, section: &str) -> bool {
    app_path == section || app_path.starts_with(&format!("{section}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_and_joins() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base("/portal/"), "/portal");
        assert_eq!(join("", "/catalog"), "/catalog");
        assert_eq!(join("/portal", "/catalog"), "/portal/catalog");
        assert_eq!(join("/portal", "docs"), "/portal/docs");
    }

    #[test]
    fn stripping_and_sections() {
        assert_eq!(strip_base("/portal", "/portal/catalog/default/component/x"), "/catalog/default/component/x");
        assert_eq!(strip_base("/portal", "/portal"), "/");
        assert_eq!(strip_base("/portal", "/portalx/catalog"), "/portalx/catalog");
        assert_eq!(strip_base("", "/catalog"), "/catalog");
        assert!(is_in_section("/catalog/default/component/x", "/catalog"));
        assert!(is_in_section("/catalog", "/catalog"));
        assert!(!is_in_section("/catalogue", "/catalog"));
    }
}
