//! Client-side navigation under the mount point, with the History API.
//!
//! A small router of our own instead of `leptos_router`: the portal needs a flat
//! set of Backstage URL shapes (matched in `model::route`, natively tested), and
//! dropping the general router keeps the first load inside its size budget.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::model::route::{query_value, split_href};
use crate::paths::{base, strip_base};

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

fn current_location() -> Location {
    let loc = window().location();
    let pathname = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    Location { path: strip_base(&base(), &pathname).to_string(), query: search.trim_start_matches('?').to_string(), hash: hash.trim_start_matches('#').to_string() }
}

impl Router {
    /// Reads the address bar and follows back/forward and same-site link clicks.
    pub fn install() -> Self {
        let router = Self { location: RwSignal::new(current_location()) };
        let on_pop = Closure::<dyn FnMut()>::new(move || router.location.set(current_location()));
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
        let (path, query) = split_href(app_href);
        let hash = app_href.split_once('#').map(|(_, h)| h).unwrap_or("");
        let path = if path.is_empty() { self.location.get_untracked().path } else { path.to_string() };
        let url = format!("{}{}{}{}{}{}", base(), path, if query.is_empty() { "" } else { "?" }, query, if hash.is_empty() { "" } else { "#" }, hash);
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        self.location.set(Location { path, query: query.to_string(), hash: hash.to_string() });
        // With a fragment the page scrolls once its content is there.
        if !replace && hash.is_empty() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
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
        let Some(anchor) = crate::dom::event_closest(ev, "a[href]").and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
            return;
        };
        let target = anchor.target();
        if (!target.is_empty() && target != "_self") || anchor.has_attribute("download") || anchor.rel().split_whitespace().any(|r| r == "external") {
            return;
        }
        let Ok(url) = web_sys::Url::new(&anchor.href()) else { return };
        let here = window().location();
        if url.origin() != here.origin().unwrap_or_default() {
            return;
        }
        let base = base();
        let pathname = url.pathname();
        let under_base = base.is_empty() || pathname == base || pathname.starts_with(&format!("{base}/"));
        if !under_base {
            return;
        }
        // A jump to an anchor on this very page is the browser's job.
        let same_page = pathname == here.pathname().unwrap_or_default() && url.search() == here.search().unwrap_or_default();
        if same_page && !url.hash().is_empty() {
            return;
        }
        ev.prevent_default();
        self.navigate(&format!("{}{}{}", strip_base(&base, &pathname), url.search(), url.hash()), false);
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
