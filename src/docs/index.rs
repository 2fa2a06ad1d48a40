//! `/docs`: every entity that has TechDocs, any kind. Owned/starred/all, text,
//! owner and facet filters and paging run on the server, through the catalog's
//! own filter model with the TechDocs annotation as a fixed condition.

use leptos::prelude::*;

use crate::catalog::data::{filter_pager, rows_resource, FixedList, Rows};
use crate::catalog::filter::CatalogFilter;
use crate::catalog::filters::CatalogFilters;
use crate::catalog::table::{Column, EntityTable};
use crate::model::query::parse_query;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::missing_plugin::MissingPluginNotice;
use crate::ui::page_header::PageHeader;

pub const TECHDOCS_ANNOTATION: &str = "backstage.io/techdocs-ref";

fn documented(mut f: CatalogFilter) -> CatalogFilter {
    f.kind = String::new();
    f.annotation = Some(TECHDOCS_ANNOTATION);
    f
}

#[component]
pub fn DocsPage() -> impl IntoView {
    let router = use_router();
    let filter = Memo::new(move |_| documented(router.location.with(|l| CatalogFilter::from_query(&parse_query(&l.query)))));
    let FixedList { apply, facets } = FixedList::new(Route::Docs, format!("metadata.annotations.{TECHDOCS_ANNOTATION}"));
    let rows = rows_resource(filter);
    view! {
        <PageHeader title="Documentation" subtitle="Documentation that lives next to the code, built with TechDocs."/>
        <MissingPluginNotice plugin="techdocs" label="TechDocs" consequence="the entities below declare documentation, but it cannot be built or shown here."/>
        <div class="catalog-layout">
            <CatalogFilters filter=filter kinds=Signal::derive(Vec::new) facets=Signal::derive(move || facets.get().and_then(Result::ok).flatten()) on_change=apply one_kind=true/>
            <section class="catalog-results" aria-label="Documented entities">
                {async_view(rows, "documentation", move |r: Rows| {
                    let f = filter.get_untracked();
                    if r.items.is_empty() {
                        return if f.is_narrowed() || !f.text.is_empty() {
                            view! { <p class="empty">"No documentation matches these filters."</p> }.into_any()
                        } else {
                            view! { <p class="empty">"No entity in the catalog has documentation yet."</p> }.into_any()
                        };
                    }
                    let shown = r.items.len();
                    view! {
                        <EntityTable caption="Documented entities".to_string() columns=vec![Column::Name, Column::Docs, Column::Owner, Column::Kind, Column::Type, Column::Description] entities=r.items/>
                        {filter_pager(filter, apply, shown, r.total, r.prev, r.next)}
                    }
                    .into_any()
                })}
            </section>
        </div>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(docs, docs_page, (), |_: ()| view! { <DocsPage/> }.into_any());
