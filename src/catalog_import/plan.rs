//! What registering a location will do, worked out from the backend's dry run:
//! the entities it adds and which of them clash with an entity another location
//! registered first (the catalog keeps the first and refuses the newcomer).

use crate::api::types::{AddedLocation, Entity};
use crate::model::entity_ref::EntityRef;

/// One location to register, as the dry run saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub target: String,
    pub added: AddedLocation,
    pub conflicts: Vec<Conflict>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub entity: EntityRef,
    /// Where the entity already in the catalog came from.
    pub origin: String,
}

impl Plan {
    pub fn new(target: String, added: AddedLocation) -> Self {
        Plan { target, added, conflicts: vec![] }
    }

    /// The entities the file holds (the dry run lists the Location entity that
    /// stands for the file itself first; that one is bookkeeping).
    pub fn entities(&self) -> Vec<&Entity> {
        self.added.entities.iter().filter(|e| !self.is_own_location(e)).collect()
    }

    pub fn refs(&self) -> Vec<String> {
        self.entities().iter().map(|e| e.entity_ref().canonical()).collect()
    }

    /// The Location entity standing for the file: what "Refresh" re-reads.
    pub fn location_ref(&self) -> Option<EntityRef> {
        let written = self.added.location.entity_ref.as_deref().and_then(|r| EntityRef::parse(r, Some("location"), "default"));
        written.or_else(|| self.added.entities.iter().find(|e| self.is_own_location(e)).map(Entity::entity_ref))
    }

    pub fn is_registered(&self) -> bool {
        self.added.exists == Some(true)
    }

    fn is_own_location(&self, e: &Entity) -> bool {
        e.kind().eq_ignore_ascii_case("location") && e.0.pointer("/spec/target").and_then(|t| t.as_str()) == Some(self.target.as_str())
    }

    /// Marks the entities that `found` (the catalog's answer for `refs()`, in
    /// order) already holds from another location.
    pub fn find_conflicts(&mut self, found: &[Option<Entity>]) {
        let mine = format!("url:{}", self.target);
        self.conflicts = found
            .iter()
            .flatten()
            .filter_map(|e| {
                let origin = e.origin_location().unwrap_or("");
                (origin != mine).then(|| Conflict { entity: e.entity_ref(), origin: origin.to_string() })
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture backend's dry run for tests/repo-host's `checkout-clash`, trimmed.
    fn clash() -> Plan {
        let added: AddedLocation = serde_json::from_str(
            r#"{"exists":false,"location":{"type":"url","target":"http://h/checkout-clash/catalog-info.yaml","id":"url:http://h/checkout-clash/catalog-info.yaml","entityRef":"location:default/generated-ac8f"},
                "entities":[{"kind":"Location","metadata":{"name":"generated-ac8f","namespace":"default"},"spec":{"type":"url","target":"http://h/checkout-clash/catalog-info.yaml"}},
                            {"kind":"Component","metadata":{"name":"checkout-service","namespace":"default"}}]}"#,
        )
        .unwrap();
        Plan::new("http://h/checkout-clash/catalog-info.yaml".into(), added)
    }

    #[test]
    fn the_files_own_location_is_not_listed() {
        let p = clash();
        assert_eq!(p.refs(), vec!["component:default/checkout-service"]);
        assert_eq!(p.location_ref().unwrap().to_string(), "location:default/generated-ac8f");
        assert!(!p.is_registered());
    }

    #[test]
    fn an_entity_from_another_location_is_a_conflict() {
        let mut p = clash();
        let theirs: Entity = serde_json::from_str(
            r#"{"kind":"Component","metadata":{"name":"checkout-service","namespace":"default","annotations":{"backstage.io/managed-by-origin-location":"file:/srv/catalog/components.yaml"}}}"#,
        )
        .unwrap();
        p.find_conflicts(&[Some(theirs)]);
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(p.conflicts[0].origin, "file:/srv/catalog/components.yaml");
        // Its own earlier registration is no conflict; nothing found is none either.
        let mine: Entity = serde_json::from_str(
            r#"{"kind":"Component","metadata":{"name":"checkout-service","annotations":{"backstage.io/managed-by-origin-location":"url:http://h/checkout-clash/catalog-info.yaml"}}}"#,
        )
        .unwrap();
        p.find_conflicts(&[Some(mine)]);
        assert!(p.conflicts.is_empty());
        p.find_conflicts(&[None]);
        assert!(p.conflicts.is_empty());
    }
}
