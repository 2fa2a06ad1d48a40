//! Backstage wire types, all in one place.
//!
//! Entities are kept as raw JSON behind typed accessors: catalog data can be
//! malformed or hostile, and one odd field must not make a whole page unreadable.

use serde::Deserialize;
use serde_json::Value;

use crate::model::entity_ref::EntityRef;

/// A catalog entity (`apiVersion`, `kind`, `metadata`, `spec`, `relations`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Entity(pub Value);

impl Entity {
    fn str_at(&self, pointer: &str) -> Option<&str> {
        self.0.pointer(pointer).and_then(Value::as_str)
    }
    pub fn kind(&self) -> &str {
        self.str_at("/kind").unwrap_or("")
    }
    pub fn name(&self) -> &str {
        self.str_at("/metadata/name").unwrap_or("")
    }
    pub fn namespace(&self) -> &str {
        self.str_at("/metadata/namespace").unwrap_or("default")
    }
    pub fn title(&self) -> Option<&str> {
        self.str_at("/metadata/title").filter(|t| !t.trim().is_empty())
    }
    /// Title if set, else name: what Backstage shows as the entity's label.
    pub fn display_name(&self) -> &str {
        self.title().unwrap_or_else(|| self.name())
    }
    pub fn description(&self) -> Option<&str> {
        self.str_at("/metadata/description")
    }
    pub fn spec_str(&self, key: &str) -> Option<&str> {
        self.0.get("spec").and_then(|s| s.get(key)).and_then(Value::as_str)
    }
    /// `spec.profile.<key>` of users and groups (`email`, `displayName`).
    pub fn profile_str(&self, key: &str) -> Option<&str> {
        self.0.pointer("/spec/profile").and_then(|p| p.get(key)).and_then(Value::as_str)
    }
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.0.pointer("/metadata/annotations").and_then(|a| a.get(key)).and_then(Value::as_str)
    }
    /// Tags that are strings; anything else in the list is skipped.
    pub fn tags(&self) -> Vec<&str> {
        self.0.pointer("/metadata/tags").and_then(Value::as_array).map(|t| t.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
    }
    pub fn entity_ref(&self) -> EntityRef {
        EntityRef::new(self.kind(), self.namespace(), self.name())
    }
    /// Target refs of the relations of one type (`ownedBy`, `partOf`, …).
    pub fn relation_targets(&self, relation_type: &str) -> Vec<EntityRef> {
        self.relations()
            .into_iter()
            .filter(|(t, _)| t == relation_type)
            .filter_map(|(_, target)| EntityRef::parse(&target, None, "default"))
            .collect()
    }
    /// All `(type, targetRef)` relation pairs that are readable.
    pub fn relations(&self) -> Vec<(String, String)> {
        self.0
            .get("relations")
            .and_then(Value::as_array)
            .map(|rels| {
                rels.iter()
                    .filter_map(|r| Some((r.get("type")?.as_str()?.to_string(), r.get("targetRef")?.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// `metadata.links` as `(url, title)`; entries without a string url are skipped.
    pub fn links(&self) -> Vec<(String, Option<String>)> {
        self.0
            .pointer("/metadata/links")
            .and_then(Value::as_array)
            .map(|links| {
                links
                    .iter()
                    .filter_map(|l| Some((l.get("url")?.as_str()?.to_string(), l.get("title").and_then(Value::as_str).map(str::to_string))))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// Where the entity's source can be viewed: `backstage.io/view-url`, else the
    /// `url:` source location.
    pub fn view_url(&self) -> Option<String> {
        self.annotation("backstage.io/view-url")
            .map(str::to_string)
            .or_else(|| self.annotation("backstage.io/source-location").and_then(|s| s.strip_prefix("url:")).map(str::to_string))
    }
    /// The owner as a ref: the `ownedBy` relation, else `spec.owner` read as a group.
    pub fn owner(&self) -> Option<EntityRef> {
        self.relation_targets("ownedBy")
            .into_iter()
            .next()
            .or_else(|| self.spec_str("owner").and_then(|o| EntityRef::parse(o, Some("group"), self.namespace())))
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub next_cursor: Option<String>,
    pub prev_cursor: Option<String>,
}

/// `GET /api/catalog/entities/by-query`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityPage {
    pub items: Vec<Entity>,
    #[serde(default)]
    pub total_items: u64,
    #[serde(default)]
    pub page_info: PageInfo,
}

/// `POST /api/catalog/entities/by-refs`: entities in request order, null if missing.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EntitiesByRefs {
    pub items: Vec<Option<Entity>>,
}

/// `GET /api/catalog/entity-facets`.
#[derive(Clone, Debug, PartialEq, Deserialize, Default)]
pub struct EntityFacets {
    #[serde(default)]
    pub facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// `GET /api/auth/{provider}/refresh` and the popup's `authorization_response`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthResponse {
    #[serde(default)]
    pub profile: Profile,
    pub backstage_identity: BackstageIdentity,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub picture: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackstageIdentity {
    pub token: String,
    pub expires_in_seconds: Option<f64>,
    pub identity: Identity,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub user_entity_ref: String,
    #[serde(default)]
    pub ownership_entity_refs: Vec<String>,
}

/// One entry of `GET /api/scaffolder/v2/actions`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ScaffolderAction {
    pub id: String,
    #[serde(default)]
    pub description: Option<String>,
    /// `{input?, output?}` JSON Schemas.
    #[serde(default)]
    pub schema: Value,
    #[serde(default)]
    pub examples: Vec<Value>,
}

/// `GET /api/scaffolder/v2/templates/{ns}/template/{name}/parameter-schema`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TemplateParameterSchema {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub steps: Vec<TemplateStep>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TemplateStep {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub schema: Value,
}

/// `GET /api/scaffolder/v2/tasks/{id}`; `spec` stays raw (steps, parameters,
/// output templates, template info).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    pub id: String,
    #[serde(default)]
    pub spec: Value,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub created_by: Option<String>,
}

impl Task {
    /// `(id, name)` of each step the task will run.
    pub fn steps(&self) -> Vec<(String, String)> {
        self.spec
            .get("steps")
            .and_then(Value::as_array)
            .map(|s| {
                s.iter()
                    .map(|st| {
                        let id = st.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
                        let name = st.get("name").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| id.clone());
                        (id, name)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn template_ref(&self) -> Option<&str> {
        self.spec.get("templateInfo")?.get("entityRef")?.as_str()
    }

    pub fn template_title(&self) -> Option<&str> {
        self.spec.get("templateInfo")?.get("entity")?.get("metadata")?.get("title")?.as_str()
    }

    /// The values the task was started with.
    pub fn parameters(&self) -> Value {
        self.spec.get("parameters").cloned().unwrap_or(Value::Object(Default::default()))
    }
}

/// `GET /api/scaffolder/v2/tasks`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskList {
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub total_tasks: Option<u64>,
}

/// `GET /api/catalog/entities/by-name/{kind}/{ns}/{name}/ancestry`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ancestry {
    pub root_entity_ref: String,
    pub items: Vec<AncestryItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AncestryItem {
    pub entity: Entity,
    #[serde(default)]
    pub parent_entity_refs: Vec<String>,
}

/// `GET /api/search/query`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResultSet {
    #[serde(default)]
    pub results: Vec<SearchResult>,
    pub number_of_results: Option<u64>,
    pub next_page_cursor: Option<String>,
    pub previous_page_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SearchResult {
    #[serde(rename = "type", default)]
    pub result_type: String,
    pub document: SearchDocument,
    #[serde(default)]
    pub highlight: Option<SearchHighlight>,
}

/// A collator's document. Fields are read leniently (a number where text was
/// expected reads as nothing) so one odd document cannot sink the result page.
#[derive(Clone, Debug, PartialEq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchDocument {
    #[serde(default, deserialize_with = "lenient_text")]
    pub title: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub text: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub location: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub kind: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub lifecycle: String,
    /// Docs results: the entity the docs belong to.
    #[serde(default, deserialize_with = "lenient_text")]
    pub entity_title: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub name: String,
}

/// The engine's marked-up copies of matched fields, between its own tags.
#[derive(Clone, Debug, PartialEq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchHighlight {
    #[serde(default, deserialize_with = "lenient_text")]
    pub pre_tag: String,
    #[serde(default, deserialize_with = "lenient_text")]
    pub post_tag: String,
    #[serde(default)]
    pub fields: std::collections::BTreeMap<String, Value>,
}

impl SearchHighlight {
    /// A field as the engine marked it up (between `pre_tag` and `post_tag`).
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name)?.as_str()
    }
}

/// One event of `/v2/tasks/{id}/eventstream` (the SSE `data`) or `/events`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TaskEvent {
    pub id: u64,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(rename = "createdAt", default)]
    pub created_at: String,
    #[serde(default)]
    pub body: Value,
}

/// One entry of the scaffolder's 400 answer to values that fail the template's
/// schema (`{errors: [...]}`, the `jsonschema` library's shape).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ValidationError {
    /// Keys and indexes down to the value (`["people", 1, "email"]`).
    #[serde(default)]
    pub path: Value,
    #[serde(default)]
    pub message: Option<String>,
    /// The rule (`required`, `pattern`, …).
    #[serde(default)]
    pub name: Option<String>,
    /// For `required`: the missing key.
    #[serde(default)]
    pub argument: Value,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ValidationErrors {
    pub errors: Vec<ValidationError>,
}

fn lenient_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        _ => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_accessors_survive_odd_data() {
        let e: Entity = serde_json::from_str(
            r#"{"kind":"Component","metadata":{"name":"x","title":"  ","tags":["a",3,null,"b"],"annotations":{"k":"v"}},
               "spec":{"owner":"team-a","type":7},
               "relations":[{"type":"ownedBy","targetRef":"group:default/team-a"},{"type":"ownedBy"},{"type":"partOf","targetRef":"system:default/s"}]}"#,
        )
        .unwrap();
        assert_eq!(e.display_name(), "x");
        assert_eq!(e.namespace(), "default");
        assert_eq!(e.tags(), vec!["a", "b"]);
        assert_eq!(e.spec_str("type"), None);
        assert_eq!(e.annotation("k"), Some("v"));
        assert_eq!(e.owner().unwrap().to_string(), "group:default/team-a");
        assert_eq!(e.relation_targets("partOf")[0].name, "s");

        let bare: Entity = serde_json::from_str(r#"{"spec":{"owner":"user:bob"},"metadata":{"namespace":"ops"}}"#).unwrap();
        assert_eq!(bare.name(), "");
        assert_eq!(bare.owner().unwrap().to_string(), "user:ops/bob");
    }

    #[test]
    fn guest_refresh_answer() {
        let a: AuthResponse = serde_json::from_str(
            r#"{"profile":{},"backstageIdentity":{"token":"t","expiresInSeconds":3600,"identity":{"type":"user","userEntityRef":"user:default/guest","ownershipEntityRefs":["user:default/guest"]}}}"#,
        )
        .unwrap();
        assert_eq!(a.backstage_identity.identity.user_entity_ref, "user:default/guest");
        assert_eq!(a.backstage_identity.expires_in_seconds, Some(3600.0));
    }
}
