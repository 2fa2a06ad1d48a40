//! The catalog plugin (`/api/catalog`).

use super::types::{Entity, EntityPage};
use super::{query_string, ApiError, Backend};
use crate::model::entity_ref::{encode_segment, EntityRef};

/// One `GET /entities/by-query` request. Filters in one string are ANDed
/// (`kind=component,spec.type=service`); several strings are ORed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityQuery {
    pub filters: Vec<String>,
    pub fields: Vec<&'static str>,
    pub limit: Option<u32>,
    pub order_field: Option<String>,
    pub full_text: Option<String>,
    pub cursor: Option<String>,
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
            }
        }
        if !self.fields.is_empty() {
            pairs.push(("fields", self.fields.join(",")));
        }
        if let Some(l) = self.limit {
            pairs.push(("limit", l.to_string()));
        }
        query_string(&pairs)
    }
}

impl Backend {
    pub async fn query_entities(&self, q: &EntityQuery) -> Result<EntityPage, ApiError> {
        self.get_json(&self.plugin_url("catalog", &format!("/entities/by-query{}", q.to_query_string()))).await
    }

    pub async fn entity_by_ref(&self, r: &EntityRef) -> Result<Entity, ApiError> {
        let path = format!(
            "/entities/by-name/{}/{}/{}",
            encode_segment(&r.kind),
            encode_segment(&r.namespace),
            encode_segment(&r.name)
        );
        self.get_json(&self.plugin_url("catalog", &path)).await
    }
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
            cursor: None,
        };
        assert_eq!(
            q.to_query_string(),
            "?filter=kind%3Dcomponent&orderField=metadata.name,asc&fullTextFilterTerm=pay&fields=kind,metadata.name&limit=20"
        );
        q.cursor = Some("abc=".into());
        assert_eq!(q.to_query_string(), "?cursor=abc%3D&fields=kind,metadata.name&limit=20");
    }
}
