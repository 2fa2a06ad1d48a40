//! Starred entities: a set of canonical refs, kept on the backend when it has
//! the user-settings plugin and in local storage otherwise; the filters applied
//! to them in the browser (the starred set is small and fetched by ref, never by
//! loading the catalog).

use crate::api::json::FromJson;
use crate::api::types::Entity;
use crate::catalog::filter::{CatalogFilter, Facet};

/// Reads the stored list; anything unreadable counts as "nothing starred".
pub fn parse(stored: Option<&str>) -> Vec<String> {
    stored
        .and_then(|s| crate::model::json_text::parse(s).ok())
        .and_then(|v| Vec::<String>::from_json(v).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.to_ascii_lowercase())
        .collect()
}

pub fn serialize(refs: &[String]) -> String {
    serde_json::to_string(refs).unwrap_or_else(|_| "[]".into())
}

/// Adds or removes one ref; returns whether it is starred now.
pub fn toggle(refs: &mut Vec<String>, canonical_ref: &str) -> bool {
    let r = canonical_ref.to_ascii_lowercase();
    if let Some(i) = refs.iter().position(|x| *x == r) {
        refs.remove(i);
        false
    } else {
        refs.push(r);
        true
    }
}

/// The stars as the backend keeps them: a list of refs another frontend may
/// have written; entries that are not text are skipped, not fatal.
pub fn from_server(value: &serde_json::Value) -> Vec<String> {
    let mut refs = Vec::new();
    for r in value.as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
        push_new(&mut refs, r.to_ascii_lowercase());
    }
    refs
}

/// Adds `r` unless the list has it already; the order stays as it was.
fn push_new(refs: &mut Vec<String>, r: String) {
    if !refs.contains(&r) {
        refs.push(r);
    }
}

/// The stars after signing in to a backend that keeps them. When the browser's
/// copy mirrors stars from a server (this user's, since changed in another
/// browser, or another user's, never to be mixed in) the server's count; when it
/// was this browser's only, both do, the server's first, so nothing starred
/// before the backend could keep stars is lost.
pub fn after_sign_in(server: Vec<String>, local: Vec<String>, local_mirrors_server: bool) -> Vec<String> {
    if local_mirrors_server {
        return server;
    }
    let mut merged = server;
    for r in local {
        push_new(&mut merged, r);
    }
    merged
}

/// Saves to the backend one at a time, the newest list last: a click during a
/// save queues one more save of the whole list instead of racing it.
#[derive(Debug, Default)]
pub struct SaveQueue {
    saving: bool,
    again: bool,
}

impl SaveQueue {
    /// The stars changed; true when a save should start now.
    pub fn changed(&mut self) -> bool {
        if self.saving {
            self.again = true;
            false
        } else {
            self.saving = true;
            true
        }
    }

    /// A save ended; true when another should start (stars changed meanwhile).
    pub fn saved(&mut self) -> bool {
        self.saving = std::mem::take(&mut self.again);
        self.saving
    }
}

fn any_eq(selected: &[String], value: Option<&str>) -> bool {
    selected.is_empty() || value.is_some_and(|v| selected.iter().any(|s| s.eq_ignore_ascii_case(v)))
}

/// The catalog filter applied to one starred entity, as the backend would.
pub fn matches(e: &Entity, f: &CatalogFilter) -> bool {
    let text = f.text.to_ascii_lowercase();
    (f.kind.is_empty() || e.kind().eq_ignore_ascii_case(&f.kind))
        && f.annotation.is_none_or(|a| e.annotation(a).is_some())
        && any_eq(Facet::Type.selected(f), e.spec_str("type"))
        && any_eq(Facet::Lifecycle.selected(f), e.spec_str("lifecycle"))
        && any_eq(Facet::Namespace.selected(f), Some(e.namespace()))
        && (f.tags.is_empty() || e.tags().iter().any(|t| f.tags.iter().any(|s| s.eq_ignore_ascii_case(t))))
        && (f.owners.is_empty() || e.owner().is_some_and(|o| f.owners.contains(&o.canonical())))
        && (!f.orphan || e.annotation("backstage.io/orphan") == Some("true"))
        && (text.is_empty()
            || e.name().to_ascii_lowercase().contains(&text)
            || e.title().is_some_and(|t| t.to_ascii_lowercase().contains(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_round_trip_and_toggle() {
        let mut refs = parse(Some(r#"["Component:default/A"]"#));
        assert_eq!(refs, vec!["component:default/a"]);
        assert!(toggle(&mut refs, "api:default/b"));
        assert!(!toggle(&mut refs, "COMPONENT:default/a"));
        assert_eq!(parse(Some(&serialize(&refs))), vec!["api:default/b"]);
        assert!(parse(Some("not json")).is_empty());
        assert!(parse(None).is_empty());
    }

    #[test]
    fn server_value_is_read_leniently() {
        let v = serde_json::json!(["Component:default/A", 3, null, "component:default/a", "api:default/b"]);
        assert_eq!(from_server(&v), vec!["component:default/a", "api:default/b"]);
        assert!(from_server(&serde_json::json!({"not": "a list"})).is_empty());
        assert!(from_server(&serde_json::Value::Null).is_empty());
    }

    #[test]
    fn first_sign_in_merges_the_browser_stars_and_later_ones_follow_the_server() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let server = s(&["component:default/a", "api:default/b"]);
        let local = s(&["api:default/b", "group:default/c"]);
        assert_eq!(after_sign_in(server.clone(), local.clone(), false), s(&["component:default/a", "api:default/b", "group:default/c"]));
        // An unstar in another browser is not undone by this browser's copy.
        assert_eq!(after_sign_in(server.clone(), local, true), server);
        assert!(after_sign_in(vec![], vec![], false).is_empty());
    }

    #[test]
    fn saves_run_one_at_a_time_and_the_last_change_is_saved() {
        let mut q = SaveQueue::default();
        assert!(q.changed(), "the first change starts a save");
        assert!(!q.changed(), "a change during a save waits");
        assert!(!q.changed(), "and several changes wait as one");
        assert!(q.saved(), "one more save for what changed meanwhile");
        assert!(!q.saved(), "then the queue is idle");
        assert!(q.changed(), "and the next change starts at once");
    }

    #[test]
    fn local_matching_follows_the_filters() {
        let e: Entity = serde_json::from_str(
            r#"{"kind":"Component","metadata":{"name":"pay-api","namespace":"default","tags":["java"]},"spec":{"type":"service","lifecycle":"production","owner":"team-a"}}"#,
        )
        .unwrap();
        let f = |q: &str| CatalogFilter::from_query(&crate::model::query::parse_query(q));
        assert!(matches(&e, &f("")));
        assert!(matches(&e, &f("type=service&tag=JAVA&owner=team-a&q=PAY")));
        assert!(!matches(&e, &f("kind=api")));
        assert!(!matches(&e, &f("lifecycle=experimental")));
        assert!(!matches(&e, &f("owner=team-b")));
        assert!(!matches(&e, &f("orphan=true")));
        assert!(!matches(&e, &f("q=ledger")));
    }
}
