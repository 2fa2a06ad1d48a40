use leptos::prelude::*;

use crate::model::entity_ref::EntityRef;
use crate::shell::routes::Route;

/// A ref as written in an entity (`spec.system: checkout`): a link when it reads
/// as a ref (missing kind and namespace taken from the defaults), else the text.
pub fn written_ref(value: &str, default_kind: &'static str, namespace: &str) -> AnyView {
    match EntityRef::parse(value, Some(default_kind), namespace) {
        Some(r) => view! { <EntityLink entity_ref=r hide_kind=default_kind/> }.into_any(),
        None => value.to_string().into_any(),
    }
}

/// A link to an entity's page, labelled as Backstage labels refs.
#[component]
pub fn EntityLink(
    entity_ref: EntityRef,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] hide_kind: Option<&'static str>,
) -> impl IntoView {
    let text = label.unwrap_or_else(|| entity_ref.humanize(hide_kind));
    view! { <a href=Route::Entity(entity_ref.clone()).href()>{text}</a> }
}
