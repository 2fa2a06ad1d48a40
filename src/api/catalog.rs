//! The catalog plugin (`/api/catalog`).

use std::cell::Cell;

use serde_json::json;

use crate::api::backend::Backend;
use crate::api::error::{ApiError, ApiErrorKind};
use crate::api::http::RawResponse;
use crate::api::types::{AddedLocation, Ancestry, EntitiesByRefs, Entity, EntityFacets, EntityPage, Location, LocationAnalysis};
use crate::browser::local_storage;
use crate::model::entity_ref::{encode_segment, EntityRef};
use crate::model::query::query_string;

/// One `GET /entities/by-query` request. Filters in one string are ANDed
/// (`kind=component,spec.type=service`); several strings are ORed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityQuery {
    pub filters: Vec<String>,
    pub fields: Vec<&'static str>,
    pub limit: Option<u32>,
    pub order_field: Option<String>,
    pub full_text: Option<String>,
    pub full_text_fields: Vec<&'static str>,
    pub cursor: Option<String>,
    /// Leave out `totalItems`: counting costs the backend more than the page itself
    /// on a large catalog, so the list asks for the count separately.
    pub skip_total: bool,
}

impl EntityQuery {
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        // With a cursor, filters/order/term are encoded in it and must not be sent.
        if let Some(c) = &self.cursor {
            pairs.push(("cursor", c.clone()));
        } else {
            pairs.extend(self.filters.iter().map(|f| ("filter", f.clone())));
            if let Some(o) = &self.order_field {
                pairs.push(("orderField", o.clone()));
            }
            if let Some(t) = self.full_text.as_ref().filter(|t| !t.trim().is_empty()) {
                pairs.push(("fullTextFilterTerm", t.trim().to_string()));
                if !self.full_text_fields.is_empty() {
                    pairs.push(("fullTextFilterFields", self.full_text_fields.join(",")));
                }
            }
        }
        if !self.fields.is_empty() {
            pairs.push(("fields", self.fields.join(",")));
        }
        if let Some(l) = self.limit {
            pairs.push(("limit", l.to_string()));
        }
        if self.skip_total {
            pairs.push(("totalItems", "exclude".into()));
        }
        query_string(&pairs)
    }
}

thread_local! {
    /// Set once the backend has refused `totalItems=exclude`: Backstage before
    /// 1.33 answers `400 Unknown query parameter 'totalItems'`. Later queries
    /// leave it out and take the count they did not ask for.
    static TOTAL_ITEMS_UNKNOWN: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Remembered per backend in local storage too, where the boot script reads it
/// (shell/boot.js), so its early first-page call is right on the next load.
fn total_items_key(base: &str) -> String {
    format!("stagedoor:no-total-items@{base}")
}

impl Backend {
    fn total_items_unknown(&self) -> bool {
        TOTAL_ITEMS_UNKNOWN.get().unwrap_or_else(|| {
            let known = local_storage().and_then(|s| s.get_item(&total_items_key(self.base())).ok().flatten()).is_some();
            TOTAL_ITEMS_UNKNOWN.set(Some(known));
            known
        })
    }

    fn remember_total_items_unknown(&self) {
        TOTAL_ITEMS_UNKNOWN.set(Some(true));
        if let Some(s) = local_storage() {
            let _ = s.set_item(&total_items_key(self.base()), "1");
        }
    }
}

/// Whether `e` is an older backend refusing the `totalItems` parameter.
fn refuses_total_items(e: &ApiError) -> bool {
    e.kind == ApiErrorKind::Status(400) && e.detail.contains("totalItems")
}

/// `POST /entities/by-refs` answers 413 for long lists: ask in chunks of this size.
pub const BY_REFS_CHUNK: usize = 100;

impl Backend {
    /// Entities by ref, in request order, `None` where the catalog has none.
    pub async fn entities_by_refs(&self, refs: &[String], fields: &[&str]) -> Result<Vec<Option<Entity>>, ApiError> {
        let url = self.plugin_url("catalog", "/entities/by-refs");
        let mut out = Vec::with_capacity(refs.len());
        for chunk in refs.chunks(BY_REFS_CHUNK) {
            let mut body = json!({ "entityRefs": chunk });
            if !fields.is_empty() {
                body["fields"] = json!(fields);
            }
            let page: EntitiesByRefs = self.post_as(&url, &body).await?;
            out.extend(page.items);
        }
        Ok(out)
    }

    /// Value counts of entity fields among the entities the filter matches.
    pub async fn entity_facets(&self, facets: &[&str], filter: &str) -> Result<EntityFacets, ApiError> {
        let mut pairs: Vec<(&str, String)> = facets.iter().map(|f| ("facet", f.to_string())).collect();
        if !filter.is_empty() {
            pairs.push(("filter", filter.to_string()));
        }
        self.get_as(&self.plugin_url("catalog", &format!("/entity-facets{}", query_string(&pairs)))).await
    }

    /// The chain of locations and processors that produced an entity.
    pub async fn entity_ancestry(&self, r: &EntityRef) -> Result<Ancestry, ApiError> {
        self.get_json(&self.plugin_url("catalog", &format!("/entities/by-name/{}/ancestry", ref_path(r)))).await
    }

    /// Asks the catalog to re-read an entity from its source location.
    pub async fn refresh_entity(&self, r: &EntityRef) -> Result<(), ApiError> {
        let url = self.plugin_url("catalog", "/refresh");
        self.request("POST", &url, Some(&json!({ "entityRef": r.to_string() }).to_string())).await.map(|_| ())
    }

    /// What a repository or folder URL holds (`analyze-location`).
    pub async fn analyze_location(&self, url: &str) -> Result<LocationAnalysis, ApiError> {
        let body = json!({ "location": { "type": "url", "target": url } });
        self.post_json(&self.plugin_url("catalog", "/analyze-location"), &body).await
    }

    /// Registers a `url` location; with `dry_run`, only says what it would add.
    pub async fn add_location(&self, url: &str, dry_run: bool) -> Result<AddedLocation, ApiError> {
        let path = if dry_run { "/locations?dryRun=true" } else { "/locations" };
        self.post_json(&self.plugin_url("catalog", path), &json!({ "type": "url", "target": url })).await
    }

    /// The registered location an entity came from (404 for one the backend's
    /// configuration lists, which cannot be unregistered).
    pub async fn location_by_entity(&self, r: &EntityRef) -> Result<Location, ApiError> {
        self.get_json(&self.plugin_url("catalog", &format!("/locations/by-entity/{}", ref_path(r)))).await
    }

    pub async fn delete_location(&self, id: &str) -> Result<(), ApiError> {
        self.request("DELETE", &self.plugin_url("catalog", &format!("/locations/{}", encode_segment(id))), None).await.map(|_| ())
    }

    pub async fn delete_entity(&self, uid: &str) -> Result<(), ApiError> {
        self.request("DELETE", &self.plugin_url("catalog", &format!("/entities/by-uid/{}", encode_segment(uid))), None).await.map(|_| ())
    }

    /// Checks one entity as the catalog would; the raw answer, since a refusal
    /// (400) carries the reasons in its body.
    pub async fn validate_entity(&self, entity: &serde_json::Value, location: &str) -> Result<RawResponse, ApiError> {
        let body = json!({ "entity": entity, "location": location }).to_string();
        self.request_raw("POST", &self.plugin_url("catalog", "/validate-entity"), Some(&body)).await
    }

    pub async fn query_entities(&self, q: &EntityQuery) -> Result<EntityPage, ApiError> {
        let url = |skip_total| {
            let q = EntityQuery { skip_total, ..q.clone() };
            self.plugin_url("catalog", &format!("/entities/by-query{}", q.to_query_string()))
        };
        let skip = q.skip_total && !self.total_items_unknown();
        match self.get_as(&url(skip)).await {
            Err(e) if skip && refuses_total_items(&e) => {
                self.remember_total_items_unknown();
                self.get_as(&url(false)).await
            }
            answer => answer,
        }
    }

    pub async fn entity_by_ref(&self, r: &EntityRef) -> Result<Entity, ApiError> {
        self.get_as(&self.plugin_url("catalog", &format!("/entities/by-name/{}", ref_path(r)))).await
    }
}

/// `{kind}/{namespace}/{name}`, each segment encoded: how the catalog's
/// by-name and by-entity paths name an entity.
fn ref_path(r: &EntityRef) -> String {
    format!("{}/{}/{}", encode_segment(&r.kind), encode_segment(&r.namespace), encode_segment(&r.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_page_sends_filters_then_cursor_pages_do_not() {
        let mut q = EntityQuery {
            filters: vec!["kind=component".into()],
            fields: vec!["kind", "metadata.name"],
            limit: Some(20),
            order_field: Some("metadata.name,asc".into()),
            full_text: Some("  pay ".into()),
            full_text_fields: vec!["metadata.name", "metadata.title"],
            cursor: None,
            skip_total: false,
        };
        assert_eq!(
            q.to_query_string(),
            "?filter=kind%3Dcomponent&orderField=metadata.name,asc&fullTextFilterTerm=pay&fullTextFilterFields=metadata.name,metadata.title&fields=kind,metadata.name&limit=20"
        );
        q.cursor = Some("abc=".into());
        q.skip_total = true;
        assert_eq!(q.to_query_string(), "?cursor=abc%3D&fields=kind,metadata.name&limit=20&totalItems=exclude");
    }

    #[test]
    fn only_a_400_about_total_items_means_an_older_backend() {
        // As Backstage 1.32 answers it.
        let old = ApiError::from_status(
            400,
            r#"{"error":{"name":"InputError","message":"Unknown query parameter 'totalItems'"},"request":{"method":"GET","url":"/entities/by-query"},"response":{"statusCode":400}}"#,
            "u",
        );
        assert!(refuses_total_items(&old));
        let other = ApiError::from_status(400, r#"{"error":{"name":"InputError","message":"Invalid filter"}}"#, "u");
        assert!(!refuses_total_items(&other));
        let server = ApiError::from_status(500, r#"{"error":{"name":"Error","message":"totalItems broke"}}"#, "u");
        assert!(!refuses_total_items(&server));
    }
}
