//! Starred entities: a set of canonical refs kept per backend in local storage,
//! and the filters applied to them in the browser (the starred set is small and
//! fetched by ref, never by loading the catalog).

use crate::api::types::Entity;
use crate::catalog::filter::{CatalogFilter, Facet};

/// Reads the stored list; anything unreadable counts as "nothing starred".
pub fn parse(stored: Option<&str>) -> Vec<String> {
    stored
        .and_then(|s| serde_json::from_str::<Vec<String>>(s).ok())
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
