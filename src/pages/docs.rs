//! `/docs`: every entity that has TechDocs.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::Backend;
use crate::components::async_view::async_view;
use crate::components::entity_table::{Column, EntityTable};
use crate::components::page_header::PageHeader;

pub const TECHDOCS_ANNOTATION: &str = "backstage.io/techdocs-ref";

#[component]
pub fn DocsPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let query = EntityQuery {
        // A bare key filters on "annotation exists", on the server.
        filters: vec![format!("metadata.annotations.{TECHDOCS_ANNOTATION}")],
        fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title", "metadata.description", "spec.type", "spec.owner", "relations"],
        limit: Some(50),
        order_field: Some("metadata.name,asc".into()),
        ..Default::default()
    };
    let page = LocalResource::new(move || {
        let (backend, query) = (backend.clone(), query.clone());
        async move { backend.query_entities(&query).await }
    });
    view! {
        <PageHeader title="Documentation" subtitle="Documentation that lives next to the code, built with TechDocs."/>
        {async_view(page, "documentation", |p| {
            if p.items.is_empty() {
                view! { <p class="empty">"No entity in the catalog has documentation yet."</p> }.into_any()
            } else {
                let caption = format!("Documented entities ({})", p.total_items);
                view! { <EntityTable caption=caption columns=vec![Column::Name, Column::Docs, Column::Owner, Column::Kind, Column::Type, Column::Description] entities=p.items/> }.into_any()
            }
        })}
    }
}
