//! How an entity's relations are grouped and labelled on its page.

use crate::model::entity_ref::EntityRef;

/// Relation types shown as lists, with the heading each list gets.
pub const SECTIONS: [(&str, &str); 14] = [
    ("partOf", "Part of"),
    ("hasPart", "Has part"),
    ("dependsOn", "Depends on"),
    ("dependencyOf", "Dependency of"),
    ("providesApi", "Provides APIs"),
    ("apiProvidedBy", "API provided by"),
    ("consumesApi", "Consumes APIs"),
    ("apiConsumedBy", "API consumed by"),
    ("memberOf", "Member of"),
    ("hasMember", "Members"),
    ("childOf", "Parent group"),
    ("parentOf", "Child groups"),
    ("ownedBy", "Owned by"),
    ("ownerOf", "Owns"),
];

/// One list on the page: a heading and the refs it holds, in a stable order.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationSection {
    pub relation: &'static str,
    pub title: &'static str,
    pub targets: Vec<EntityRef>,
}

/// Groups `(type, targetRef)` pairs into the sections above; unknown types and
/// unreadable refs are left out, duplicates dropped.
pub fn group(relations: &[(String, String)]) -> Vec<RelationSection> {
    SECTIONS
        .iter()
        .filter_map(|(relation, title)| {
            let mut targets: Vec<EntityRef> = Vec::new();
            for (t, target) in relations {
                if t == relation {
                    if let Some(r) = EntityRef::parse(target, None, "default") {
                        if !targets.iter().any(|x| x.canonical() == r.canonical()) {
                            targets.push(r);
                        }
                    }
                }
            }
            targets.sort_by_key(|r| (r.kind.to_ascii_lowercase(), r.name.to_ascii_lowercase()));
            (!targets.is_empty()).then_some(RelationSection { relation, title, targets })
        })
        .collect()
}

/// Every distinct ref in the sections, for one `by-refs` call.
pub fn all_refs(sections: &[RelationSection]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sections {
        for r in &s.targets {
            let c = r.canonical();
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// Only these link schemes are rendered as links; anything else (e.g.
/// `javascript:`, `data:`) is shown as inert text.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|p| lower.starts_with(p)) && !lower.contains(|c: char| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(t: &str, r: &str) -> (String, String) {
        (t.to_string(), r.to_string())
    }

    #[test]
    fn groups_in_page_order_without_duplicates() {
        let g = group(&[
            rel("dependsOn", "resource:default/db"),
            rel("partOf", "system:default/checkout"),
            rel("dependsOn", "component:default/ledger"),
            rel("dependsOn", "Resource:default/DB"),
            rel("somethingElse", "component:default/x"),
            rel("dependsOn", "not a ref"),
        ]);
        assert_eq!(g.iter().map(|s| s.title).collect::<Vec<_>>(), vec!["Part of", "Depends on"]);
        assert_eq!(g[1].targets.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), vec!["ledger", "db"]);
        assert_eq!(all_refs(&g), vec!["system:default/checkout", "component:default/ledger", "resource:default/db"]);
    }

    #[test]
    fn link_schemes() {
        assert!(is_safe_link("https://example.com"));
        assert!(is_safe_link("HTTP://example.com"));
        assert!(is_safe_link("mailto:a@b"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" JavaScript:alert(1)"));
        assert!(!is_safe_link("data:text/html,<script>"));
        assert!(!is_safe_link("//evil.example"));
        assert!(!is_safe_link("https://a\n.example"));
    }
}
