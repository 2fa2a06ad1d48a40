//! `/catalog`: the software catalog, paged on the server.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::Backend;
use crate::components::async_view::async_view;
use crate::components::entity_table::{Column, EntityTable};
use crate::components::page_header::PageHeader;

const COLUMNS: [Column; 7] = [Column::Name, Column::System, Column::Owner, Column::Type, Column::Lifecycle, Column::Description, Column::Tags];

#[component]
pub fn CatalogPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let query = EntityQuery {
        filters: vec!["kind=component".into()],
        fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title", "metadata.description", "metadata.tags", "spec.type", "spec.lifecycle", "spec.owner", "spec.system", "relations"],
        limit: Some(50),
        order_field: Some("metadata.name,asc".into()),
        ..Default::default()
    };
    let page = LocalResource::new(move || {
        let (backend, query) = (backend.clone(), query.clone());
        async move { backend.query_entities(&query).await }
    });
    view! {
        <PageHeader title="Catalog" subtitle="Every component your organisation runs, and who owns it."/>
        {async_view(page, "the catalog", |p| {
            if p.items.is_empty() {
                view! { <p class="empty">"No components are registered in the catalog yet."</p> }.into_any()
            } else {
                let caption = format!("Components ({})", p.total_items);
                view! { <EntityTable caption=caption columns=COLUMNS.to_vec() entities=p.items/> }.into_any()
            }
        })}
    }
}
