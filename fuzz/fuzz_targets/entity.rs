//! Entity data from the catalog as the portal reads it: any JSON, however odd,
//! gives answers, never a panic; the YAML view and reader and the Markdown
//! renderer cope with anything.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stagedoor::api::types::Entity;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = stagedoor::catalog::entity::yaml_parse::parse(text);
    // Descriptions and task output are Markdown.
    let _ = stagedoor::ui::markdown::parse(text);
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let _ = stagedoor::catalog::entity::yaml::to_yaml(&value);
    let e = Entity(value);
    let _ = (e.kind(), e.name(), e.namespace(), e.title(), e.display_name(), e.description());
    let _ = (e.tags(), e.links(), e.owner(), e.entity_ref().canonical());
    let _ = (e.view_url(), e.relation_targets("ownedBy"), e.spec_str("type"), e.annotation("backstage.io/techdocs-ref"));
    let _ = stagedoor::model::relations::group(&e.relations());
});
