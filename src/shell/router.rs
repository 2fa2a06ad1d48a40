//! Client-side navigation under the mount point, with the History API.
//!
//! A small router of our own instead of `leptos_router`: the portal needs a flat
//! set of Backstage URL shapes (matched in `model::route`, natively tested), and
//! dropping the general router keeps the first load inside its size budget.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::model::query::query_value;
use crate::shell::paths::{base, mount, Mount};

/// Where the user is, relative to the mount point.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// App path, e.g. `/catalog/default/component/x`.
    pub path: String,
    /// Query string without `?`.
    pub query: String,
    /// Fragment without `#`: the page scrolls to it once its content is there.
    pub hash: String,
}

#[derive(Clone, Copy)]
pub struct Router {
    pub location: RwSignal<Location>,
}

impl Location {
    /// An app href (`/docs/x/?q=1#y`) taken apart.
    pub fn parse(app_href: &str) -> Self {
        let (rest, hash) = app_href.split_once('#').unwrap_or((app_href, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Location { path: path.to_string(), query: query.to_string(), hash: hash.to_string() }
    }
}

/// The portal's location in the address bar, if the address is the portal's (in
/// a host page, the host's own `#anchors` are not).
fn current_location() -> Option<Location> {
    let loc = window().location();
    let pathname = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    mount().app_href(&pathname, &search, &hash).map(|h| Location::parse(&h))
}

impl Router {
    /// Reads the address bar and follows back/forward and same-site link clicks.
    pub fn install() -> Self {
        // Outside the portal's addresses its own page shows "not found"; a host
        // page starts at the catalog.
        let first = current_location().unwrap_or_else(|| match mount() {
            Mount::Path { .. } => Location { path: window().location().pathname().unwrap_or_default(), ..Default::default() },
            Mount::Hash { .. } => Location::parse("/"),
        });
        let router = Self { location: RwSignal::new(first) };
        let on_pop = Closure::<dyn FnMut()>::new(move || {
            if let Some(l) = current_location() {
                router.location.set(l);
            }
        });
        let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget(); // lives as long as the page
        let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| router.on_click(&ev));
        let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        router
    }

    /// Goes to an app href (`/search?query=x`, `/docs/…/#doc-x`); `replace` keeps
    /// history short.
    pub fn navigate(&self, app_href: &str, replace: bool) {
        let mut to = Location::parse(app_href);
        if to.path.is_empty() {
            to.path = self.location.get_untracked().path;
        }
        let Location { path, query, hash } = &to;
        let url =
            format!("{}{path}{}{query}{}{hash}", base(), if query.is_empty() { "" } else { "?" }, if hash.is_empty() { "" } else { "#" });
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        // With a fragment the page scrolls once its content is there.
        let scroll_up = !replace && to.hash.is_empty();
        self.location.set(to);
        if scroll_up {
            crate::shell::mount::scroll_to_top();
        }
    }

    /// The first value of a query parameter (tracked).
    pub fn query(&self, key: &str) -> Option<String> {
        self.location.with(|l| query_value(&l.query, key))
    }

    fn on_click(&self, ev: &web_sys::MouseEvent) {
        if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(anchor) = crate::browser::event_closest(ev, "a[href]").and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        // A host page's own links are the host's business.
        if !crate::shell::mount::root().is_some_and(|root| root.contains(Some(&anchor))) {
            return;
        }
        let target = anchor.target();
        if (!target.is_empty() && target != "_self")
            || anchor.has_attribute("download")
            || anchor.rel().split_whitespace().any(|r| r == "external")
        {
            return;
        }
        let Ok(url) = web_sys::Url::new(&anchor.href()) else { return };
        let here = window().location();
        if url.origin() != here.origin().unwrap_or_default() {
            return;
        }
        let mount = mount();
        let Some(app_href) = mount.app_href(&url.pathname(), &url.search(), &url.hash()) else { return };
        let target = Location::parse(&app_href);
        let same_page = self.location.with_untracked(|l| l.path == target.path && l.query == target.query);
        if same_page && !target.hash.is_empty() {
            match mount {
                // A jump to an anchor on this very page is the browser's job.
                Mount::Path { .. } => return,
                // In a host page the fragment holds the route: jump ourselves.
                Mount::Hash { .. } => {
                    ev.prevent_default();
                    self.navigate(&app_href, false);
                    crate::browser::scroll_to_id(&target.hash);
                    return;
                }
            }
        }
        ev.prevent_default();
        self.navigate(&app_href, false);
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

#[cfg(test)]
mod tests {
    use super::Location;

    #[test]
    fn app_hrefs_are_taken_apart() {
        let l = Location::parse("/docs/default/component/x/runbook/?q=a%20b#doc-restarting");
        assert_eq!(
            (l.path.as_str(), l.query.as_str(), l.hash.as_str()),
            ("/docs/default/component/x/runbook/", "q=a%20b", "doc-restarting")
        );
        // A `?` after the fragment belongs to the fragment.
        let l = Location::parse("/catalog#a?b");
        assert_eq!((l.path.as_str(), l.query.as_str(), l.hash.as_str()), ("/catalog", "", "a?b"));
        assert_eq!(Location::parse("/"), Location { path: "/".into(), ..Default::default() });
        let l = Location::parse("/search?query=a#top");
        assert_eq!((l.path.as_str(), l.query.as_str()), ("/search", "query=a"));
        let l = Location::parse("/catalog");
        assert_eq!((l.path.as_str(), l.query.as_str()), ("/catalog", ""));
    }
}
