use leptos::prelude::*;

use crate::model::entity_ref::EntityRef;
use crate::paths::href;

/// A link to an entity's page, labelled as Backstage labels refs.
#[component]
pub fn EntityLink(entity_ref: EntityRef, #[prop(optional, into)] label: Option<String>, #[prop(optional)] hide_kind: Option<&'static str>) -> impl IntoView {
    let text = label.unwrap_or_else(|| entity_ref.humanize(hide_kind));
    view! { <a href=href(&entity_ref.catalog_path())>{text}</a> }
}
