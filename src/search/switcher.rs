//! The quick switcher's items: what each points at, recent choices first, and the
//! list kept in local storage (titles and portal paths only, nothing secret).

use serde::{Deserialize, Serialize};

use crate::api::types::{Entity, SearchResult};
use crate::search::state::{result_link, ResultLink};
use crate::shell::routes::Route;

/// How many recent choices are kept.
pub const RECENT_MAX: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitcherItem {
    pub title: String,
    /// What it is: "Component", "Template", "Docs · Checkout Service".
    pub detail: String,
    /// A portal path (`/catalog/…`, `/create/templates/…`, `/docs/…`).
    pub path: String,
}

impl SwitcherItem {
    /// An entity: templates open their wizard, everything else its page.
    pub fn from_entity(e: &Entity) -> Self {
        let r = e.entity_ref();
        let path = if r.kind.eq_ignore_ascii_case("template") {
            Route::Template { namespace: r.namespace.clone(), name: r.name.clone() }.path()
        } else {
            Route::Entity(r).path()
        };
        Self { title: e.display_name().to_string(), detail: e.kind().to_string(), path }
    }

    /// A docs search result; `None` when its location is not a portal path.
    pub fn from_docs_result(hit: &SearchResult) -> Option<Self> {
        let ResultLink::App(path) = result_link(&hit.document.location) else { return None };
        let within = &hit.document.entity_title;
        let detail = if within.is_empty() { "Docs".to_string() } else { format!("Docs · {within}") };
        Some(Self { title: hit.document.title.clone(), detail, path })
    }

    fn matches(&self, term: &str) -> bool {
        let t = term.trim().to_lowercase();
        t.is_empty() || self.title.to_lowercase().contains(&t)
    }
}

/// Recent choices matching the term, then the found items not already listed.
pub fn merge(recent: &[SwitcherItem], term: &str, found: Vec<SwitcherItem>) -> Vec<SwitcherItem> {
    let mut out: Vec<SwitcherItem> = recent.iter().filter(|i| i.matches(term)).cloned().collect();
    for item in found {
        if !out.iter().any(|o| o.path == item.path) {
            out.push(item);
        }
    }
    out
}

/// Puts a choice first, without duplicates, keeping at most `RECENT_MAX`.
pub fn remember(recent: &mut Vec<SwitcherItem>, item: SwitcherItem) {
    recent.retain(|r| r.path != item.path);
    recent.insert(0, item);
    recent.truncate(RECENT_MAX);
}

/// Reads the stored list; anything unreadable (or not a portal path) is dropped.
pub fn parse_recent(stored: Option<&str>) -> Vec<SwitcherItem> {
    let list: Vec<SwitcherItem> = stored.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
    list.into_iter().filter(|i| matches!(result_link(&i.path), ResultLink::App(_))).take(RECENT_MAX).collect()
}

/// The next highlighted row for an arrow key, wrapping around.
pub fn move_active(active: usize, len: usize, down: bool) -> usize {
    match (len, down) {
        (0, _) => 0,
        (_, true) => (active + 1) % len,
        (_, false) => (active + len - 1) % len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, path: &str) -> SwitcherItem {
        SwitcherItem { title: title.into(), detail: "Component".into(), path: path.into() }
    }

    #[test]
    fn templates_open_their_wizard_and_entities_their_page() {
        let t: Entity =
            serde_json::from_str(r#"{"kind":"Template","metadata":{"name":"new service","namespace":"default","title":"New service"}}"#)
                .unwrap();
        assert_eq!(SwitcherItem::from_entity(&t).path, "/create/templates/default/new%20service");
        let c: Entity = serde_json::from_str(r#"{"kind":"Component","metadata":{"name":"checkout"}}"#).unwrap();
        assert_eq!(
            SwitcherItem::from_entity(&c),
            SwitcherItem { title: "checkout".into(), detail: "Component".into(), path: "/catalog/default/component/checkout".into() }
        );
    }

    #[test]
    fn recent_first_without_duplicates() {
        let recent = vec![item("Checkout", "/catalog/default/component/checkout"), item("Ledger", "/catalog/default/component/ledger")];
        let found = vec![item("Checkout", "/catalog/default/component/checkout"), item("Cart", "/catalog/default/component/cart")];
        let merged = merge(&recent, "c", found);
        assert_eq!(merged.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Checkout", "Cart"]);
        assert_eq!(merge(&recent, "", vec![]).len(), 2);
    }

    #[test]
    fn remembering_moves_to_front_and_caps() {
        let mut recent: Vec<SwitcherItem> =
            (0..RECENT_MAX).map(|i| item(&format!("e{i}"), &format!("/catalog/default/component/e{i}"))).collect();
        remember(&mut recent, item("e5", "/catalog/default/component/e5"));
        assert_eq!(recent[0].title, "e5");
        assert_eq!(recent.len(), RECENT_MAX);
        remember(&mut recent, item("new", "/catalog/default/component/new"));
        assert_eq!(recent.len(), RECENT_MAX);
        assert_eq!(recent[0].title, "new");
    }

    #[test]
    fn stored_list_is_checked() {
        let stored = r#"[{"title":"ok","detail":"","path":"/catalog/a"},{"title":"bad","detail":"","path":"javascript:alert(1)"}]"#;
        assert_eq!(parse_recent(Some(stored)).len(), 1);
        assert!(parse_recent(Some("not json")).is_empty());
        assert!(parse_recent(None).is_empty());
    }

    #[test]
    fn arrows_wrap() {
        assert_eq!(move_active(0, 3, false), 2);
        assert_eq!(move_active(2, 3, true), 0);
        assert_eq!(move_active(0, 0, true), 0);
    }
}
