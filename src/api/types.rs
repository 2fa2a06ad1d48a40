//! Backstage wire types, all in one place.
//!
//! Entities are kept as raw JSON behind typed accessors: catalog data can be
//! malformed or hostile, and one odd field must not make a whole page unreadable.

use serde::Deserialize;
use serde_json::Value;

use crate::api::json::{Fields, FromJson};
use crate::model::entity_ref::EntityRef;

/// The annotation naming the location that first registered an entity.
pub const ORIGIN_LOCATION: &str = "backstage.io/managed-by-origin-location";

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
    /// The location that first registered it (`backstage.io/managed-by-origin-location`).
    pub fn origin_location(&self) -> Option<&str> {
        self.annotation(ORIGIN_LOCATION)
    }
    pub fn uid(&self) -> Option<&str> {
        self.str_at("/metadata/uid")
    }
    /// `backstage.io/orphan`: the location that added it no longer lists it.
    pub fn is_orphan(&self) -> bool {
        self.annotation("backstage.io/orphan") == Some("true")
    }
    /// The errors the catalog met while processing it last (`status.items` of
    /// level error), each as "Name: message".
    pub fn processing_errors(&self) -> Vec<String> {
        let Some(items) = self.0.pointer("/status/items").and_then(Value::as_array) else { return vec![] };
        items
            .iter()
            .filter(|i| i.get("level").and_then(Value::as_str) == Some("error"))
            .filter_map(|i| {
                let err = i.get("error");
                fn text<'v>(v: Option<&'v Value>, k: &str) -> Option<&'v str> {
                    v.and_then(|v| v.get(k)).and_then(Value::as_str).filter(|s| !s.is_empty())
                }
                let message = text(err, "message").or_else(|| text(Some(i), "message"))?;
                Some(match text(err, "name") {
                    Some(name) if !message.starts_with(name) => format!("{name}: {message}"),
                    _ => message.to_string(),
                })
            })
            .collect()
    }
}

// The first page's types are read by hand (api::json), not derived: see there.

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PageInfo {
    pub next_cursor: Option<String>,
    pub prev_cursor: Option<String>,
}

impl FromJson for PageInfo {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(PageInfo { next_cursor: f.opt("nextCursor")?, prev_cursor: f.opt("prevCursor")? })
    }
}

/// `GET /api/catalog/entities/by-query`.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityPage {
    /// Backstage 1.32 can answer `null` for an entity whose processing never
    /// finished (and counts it in `totalItems`): such items are left out.
    pub items: Vec<Entity>,
    pub total_items: u64,
    pub page_info: PageInfo,
}

impl FromJson for EntityPage {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        let items: Vec<Option<Entity>> = f.req("items")?;
        Ok(EntityPage {
            items: items.into_iter().flatten().collect(),
            total_items: f.opt("totalItems")?.unwrap_or(0),
            page_info: f.opt("pageInfo")?.unwrap_or_default(),
        })
    }
}

impl FromJson for Entity {
    fn from_json(v: Value) -> Result<Self, String> {
        Ok(Entity(v))
    }
}

/// `POST /api/catalog/entities/by-refs`: entities in request order, null if missing.
#[derive(Clone, Debug, PartialEq)]
pub struct EntitiesByRefs {
    pub items: Vec<Option<Entity>>,
}

impl FromJson for EntitiesByRefs {
    fn from_json(v: Value) -> Result<Self, String> {
        Ok(EntitiesByRefs { items: Fields::of(v)?.req("items")? })
    }
}

/// `GET /api/catalog/entity-facets`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EntityFacets {
    pub facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
}

impl FromJson for EntityFacets {
    fn from_json(v: Value) -> Result<Self, String> {
        Ok(EntityFacets { facets: Fields::of(v)?.opt("facets")?.unwrap_or_default() })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

impl FromJson for FacetCount {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(FacetCount { value: f.req("value")?, count: f.req("count")? })
    }
}

/// `GET /api/auth/{provider}/refresh` and the popup's `authorization_response`.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthResponse {
    pub profile: Profile,
    pub backstage_identity: BackstageIdentity,
}

impl FromJson for AuthResponse {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(AuthResponse { profile: f.opt("profile")?.unwrap_or_default(), backstage_identity: f.req("backstageIdentity")? })
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Profile {
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub picture: Option<String>,
}

impl FromJson for Profile {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Profile { email: f.opt("email")?, display_name: f.opt("displayName")?, picture: f.opt("picture")? })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BackstageIdentity {
    pub token: String,
    pub expires_in_seconds: Option<f64>,
    pub identity: Identity,
}

impl FromJson for BackstageIdentity {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(BackstageIdentity { token: f.req("token")?, expires_in_seconds: f.opt("expiresInSeconds")?, identity: f.req("identity")? })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    pub user_entity_ref: String,
    pub ownership_entity_refs: Vec<String>,
}

impl FromJson for Identity {
    fn from_json(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Identity { user_entity_ref: f.req("userEntityRef")?, ownership_entity_refs: f.opt("ownershipEntityRefs")?.unwrap_or_default() })
    }
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
#[derive(Default, Clone, Debug, PartialEq, Deserialize)]
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

/// A registered location (`GET /locations/by-entity/…`, `POST /locations`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub id: String,
    #[serde(rename = "type")]
    pub location_type: String,
    pub target: String,
    /// The Location entity the catalog made for it (newer backends).
    #[serde(default)]
    pub entity_ref: Option<String>,
}

/// `POST /api/catalog/locations[?dryRun=true]`: the location and, for a dry run,
/// every entity it would add (the Location entity first). A real run answers
/// with no entities: processing happens afterwards.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddedLocation {
    pub location: Location,
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Dry runs only: whether this exact location is registered already.
    #[serde(default)]
    pub exists: Option<bool>,
}

/// `POST /api/catalog/analyze-location`: entity files found in a repository
/// (only hosts with an SCM integration look) and a suggested entity.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationAnalysis {
    #[serde(default)]
    pub existing_entity_files: Vec<ExistingEntityFile>,
    #[serde(default)]
    pub generate_entities: Vec<GeneratedEntity>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExistingEntityFile {
    pub entity: Entity,
    pub location: LocationSpec,
    #[serde(default)]
    pub is_registered: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct LocationSpec {
    #[serde(rename = "type")]
    pub location_type: String,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GeneratedEntity {
    /// A partial entity: what the backend could guess from the URL.
    pub entity: Value,
}

/// `POST /api/catalog/validate-entity`'s 400 answer: why the entity is refused.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EntityValidation {
    #[serde(default)]
    pub errors: Vec<EntityValidationError>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EntityValidationError {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub message: String,
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

/// `POST /v2/dry-run`'s answer: the log (task-event bodies: message, stepId,
/// status), the files the steps produced, the template's output, the steps run.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DryRunResult {
    #[serde(default)]
    pub log: Vec<DryRunLog>,
    #[serde(rename = "directoryContents", default)]
    pub files: Vec<DryRunFile>,
    #[serde(default)]
    pub output: Value,
    #[serde(default)]
    pub steps: Vec<DryRunStep>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DryRunLog {
    #[serde(default)]
    pub body: Value,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DryRunFile {
    pub path: String,
    #[serde(default)]
    pub executable: bool,
    #[serde(rename = "base64Content", default)]
    pub base64_content: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DryRunStep {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub action: String,
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
    fn a_page_leaves_out_the_null_items_an_older_backend_sends() {
        // Backstage 1.32, unfiltered: an entity still being processed is `null`.
        let page = EntityPage::from_json(serde_json::from_str(
            r#"{"items":[{"kind":"Component","metadata":{"name":"a"}},null,{"kind":"API","metadata":{"name":"b"}}],"totalItems":3,"pageInfo":{}}"#,
        ).unwrap())
        .unwrap();
        assert_eq!(page.items.iter().map(|e| e.display_name()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(page.total_items, 3);
    }

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

        assert!(e.processing_errors().is_empty() && !e.is_orphan());

        let broken: Entity = serde_json::from_str(
            r#"{"metadata":{"name":"x","annotations":{"backstage.io/orphan":"true"}},"status":{"items":[
                {"type":"backstage.io/catalog-processing","level":"error","message":"InputError: Placeholder $text could not read","error":{"name":"InputError","message":"Placeholder $text could not read"}},
                {"type":"backstage.io/catalog-processing","level":"warning","message":"just a warning"},
                {"level":"error","error":{"name":"NotFoundError","message":"no such file"}},
                {"level":"error","error":7}]}}"#,
        )
        .unwrap();
        assert!(broken.is_orphan());
        assert_eq!(broken.processing_errors(), vec!["InputError: Placeholder $text could not read", "NotFoundError: no such file"]);

        let bare: Entity = serde_json::from_str(r#"{"spec":{"owner":"user:bob"},"metadata":{"namespace":"ops"}}"#).unwrap();
        assert_eq!(bare.name(), "");
        assert_eq!(bare.owner().unwrap().to_string(), "user:ops/bob");
    }

    /// Answers of the fixture backend (Backstage 1.45's catalog), trimmed.
    #[test]
    fn location_answers() {
        let dry: AddedLocation = serde_json::from_str(
            r#"{"exists":false,"location":{"type":"url","target":"http://h/r/catalog-info.yaml","id":"url:http://h/r/catalog-info.yaml","entityRef":"location:default/generated-f7"},
                "entities":[{"kind":"Location","metadata":{"name":"generated-f7"}},{"kind":"Component","metadata":{"name":"billing-worker"}}]}"#,
        )
        .unwrap();
        assert_eq!(dry.exists, Some(false));
        assert_eq!(dry.entities[1].name(), "billing-worker");
        assert_eq!(dry.location.entity_ref.as_deref(), Some("location:default/generated-f7"));
        let found: LocationAnalysis = serde_json::from_str(
            r#"{"existingEntityFiles":[],"generateEntities":[{"entity":{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"notes-app"},"spec":{"type":"other","lifecycle":"unknown"}},"fields":[]}]}"#,
        )
        .unwrap();
        assert_eq!(found.generate_entities[0].entity["metadata"]["name"], "notes-app");
        let refused: EntityValidation =
            serde_json::from_str(r#"{"errors":[{"name":"InputError","message":"Processor X threw","cause":{"name":"TypeError","message":"/spec must have required property 'type'"}}]}"#)
                .unwrap();
        assert_eq!(refused.errors[0].message, "Processor X threw");
    }

    #[test]
    fn guest_refresh_answer() {
        let a = AuthResponse::from_json(serde_json::from_str(
            r#"{"profile":{},"backstageIdentity":{"token":"t","expiresInSeconds":3600,"identity":{"type":"user","userEntityRef":"user:default/guest","ownershipEntityRefs":["user:default/guest"]}}}"#,
        ).unwrap())
        .unwrap();
        assert_eq!(a.backstage_identity.identity.user_entity_ref, "user:default/guest");
        assert_eq!(a.backstage_identity.expires_in_seconds, Some(3600.0));
    }
}
