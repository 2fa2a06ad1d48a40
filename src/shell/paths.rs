//! Where the portal is mounted, and how its route sits in the address bar.
//!
//! On its own page (`index.html`), `<base href>` names the folder the portal is
//! served from (`/` or e.g. `/portal/`) and the route is the path under it, so
//! one `dist/` works under any sub-path. Mounted into a `<div>` of a host page
//! (`app.mountSelector`), the host owns the path and query: the route lives in
//! the fragment (`/intranet/tools.html#/catalog`), so a reload never asks the
//! host's server for a page it does not have.

use std::cell::RefCell;

/// How routes map onto URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mount {
    /// The route is the path under `base` (`/portal`, or `` at the root).
    Path { base: String },
    /// The route is the fragment of the host page `page` (its path and query).
    Hash { page: String },
}

impl Mount {
    /// What every portal href starts with: `/portal` or `/intranet/tools.html#`.
    pub fn prefix(&self) -> String {
        match self {
            Mount::Path { base } => base.clone(),
            Mount::Hash { page } => format!("{page}#"),
        }
    }

    /// The app href (`/catalog?x=1#y`) of a same-origin URL's parts, or `None`
    /// when the URL is not one of the portal's.
    pub fn app_href(&self, pathname: &str, search: &str, hash: &str) -> Option<String> {
        match self {
            Mount::Path { base } => {
                let under = base.is_empty() || pathname == base || pathname.starts_with(&format!("{base}/"));
                under.then(|| format!("{}{search}{hash}", strip_base(base, pathname)))
            }
            Mount::Hash { page } => {
                if format!("{pathname}{search}") != *page {
                    return None;
                }
                match hash.trim_start_matches('#') {
                    "" => Some("/".to_string()),
                    route if route.starts_with('/') => Some(route.to_string()),
                    _ => None,
                }
            }
        }
    }

    /// The app path an href written in the page points at (`/portal/docs/x?q#y`
    /// → `/docs/x`), if it is a portal link.
    pub fn app_path_of_href(&self, href: &str) -> Option<String> {
        let app = match self {
            Mount::Path { .. } => {
                let pathname = href.split(['#', '?']).next()?;
                if !pathname.starts_with('/') || pathname.starts_with("//") {
                    return None;
                }
                self.app_href(pathname, "", "")?
            }
            Mount::Hash { page } => href.strip_prefix(page.as_str())?.strip_prefix('#').filter(|r| r.starts_with('/'))?.to_string(),
        };
        Some(app.split(['#', '?']).next().unwrap_or("/").to_string())
    }
}

thread_local! {
    static MOUNT: RefCell<Mount> = const { RefCell::new(Mount::Path { base: String::new() }) };
}

/// `/portal/` → `/portal`, `/` → `` (the form the router's `base` wants).
pub fn router_base(base_path: &str) -> String {
    base_path.trim_end_matches('/').to_string()
}

/// Reads the mount at start-up: the document's base on the portal's own page,
/// the host page's address when mounted into one of its elements.
pub fn init_from_document(in_host_page: bool) -> Mount {
    let window = web_sys::window();
    let mount = if in_host_page {
        let loc = window.map(|w| w.location());
        let page = loc.map(|l| format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())).unwrap_or_default();
        Mount::Hash { page }
    } else {
        let base = window
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok().map(|u| u.pathname()))
            .map(|p| router_base(&p))
            .unwrap_or_default();
        Mount::Path { base }
    };
    set_mount(mount.clone());
    mount
}

pub fn set_mount(mount: Mount) {
    MOUNT.with(|m| *m.borrow_mut() = mount);
}

pub fn mount() -> Mount {
    MOUNT.with(|m| m.borrow().clone())
}

/// What every portal href starts with (see [`Mount::prefix`]).
pub fn base() -> String {
    mount().prefix()
}

/// An app path (`/catalog`) as an href under the mount point (`/portal/catalog`,
/// or `/intranet/tools.html#/catalog` in a host page).
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
        Some("") => "/",
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

    #[test]
    fn routes_under_a_sub_path() {
        let m = Mount::Path { base: "/portal".into() };
        assert_eq!(join(&m.prefix(), "/catalog"), "/portal/catalog");
        assert_eq!(
            m.app_href("/portal/docs/default/component/x/", "?a=1", "#doc-y").as_deref(),
            Some("/docs/default/component/x/?a=1#doc-y")
        );
        assert_eq!(m.app_href("/portal", "", "").as_deref(), Some("/"));
        assert_eq!(m.app_href("/other/catalog", "", ""), None);
        assert_eq!(
            m.app_path_of_href("/portal/docs/default/component/x/page/?q=1#doc-y").as_deref(),
            Some("/docs/default/component/x/page/")
        );
        assert_eq!(m.app_path_of_href("https://elsewhere.example/portal/x"), None);
        assert_eq!(m.app_path_of_href("/elsewhere"), None);
        let root = Mount::Path { base: String::new() };
        assert_eq!(root.app_href("/catalog", "", "").as_deref(), Some("/catalog"));
        assert_eq!(root.app_path_of_href("/catalog#x").as_deref(), Some("/catalog"));
    }

    #[test]
    fn routes_in_a_host_pages_fragment() {
        let m = Mount::Hash { page: "/intranet/tools.html?team=a".into() };
        assert_eq!(m.prefix(), "/intranet/tools.html?team=a#");
        assert_eq!(join(&m.prefix(), "/catalog"), "/intranet/tools.html?team=a#/catalog");
        // The route keeps its own query and fragment inside the host's fragment.
        assert_eq!(
            m.app_href("/intranet/tools.html", "?team=a", "#/docs/default/component/x/?q=1#doc-y").as_deref(),
            Some("/docs/default/component/x/?q=1#doc-y")
        );
        assert_eq!(m.app_href("/intranet/tools.html", "?team=a", "").as_deref(), Some("/"));
        // The host's own anchors and other pages are not the portal's.
        assert_eq!(m.app_href("/intranet/tools.html", "?team=a", "#contacts"), None);
        assert_eq!(m.app_href("/intranet/other.html", "?team=a", "#/catalog"), None);
        assert_eq!(m.app_href("/intranet/tools.html", "", "#/catalog"), None);
        assert_eq!(
            m.app_path_of_href("/intranet/tools.html?team=a#/docs/default/component/x/p/#doc-y").as_deref(),
            Some("/docs/default/component/x/p/")
        );
        assert_eq!(m.app_path_of_href("/intranet/tools.html?team=a#contacts"), None);
    }
}
