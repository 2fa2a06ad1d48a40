//! `/catalog`: the software catalog. Every filter, sort and page is done by the
//! backend; the view's state is the URL.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::types::EntityFacets;
use crate::api::Backend;
use crate::catalog::data::{filter_pager, rows_resource, Rows};
use crate::catalog::filter::{kind_plural, CatalogFilter, Facet, UserFilter, TEXT_FIELDS};
use crate::catalog::filters::CatalogFilters;
use crate::catalog::table::{columns_for_kind, EntityTable, Sorting};
use crate::model::query::parse_query;
use crate::model::query::query_string;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::loaded::Loaded;
use crate::ui::page_header::PageHeader;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let router = use_router();
    let backend = expect_context::<Backend>();
    let session = expect_context::<Session>();
    let filter = Memo::new(move |_| router.location.with(|l| CatalogFilter::from_query(&parse_query(&l.query))));

    // A changed text filter replaces the history entry; any other change adds one.
    let apply = Callback::new(move |next: CatalogFilter| {
        let current = filter.get_untracked();
        let only_text = CatalogFilter { text: current.text.clone(), ..next.clone() }.first_page() == current.clone().first_page();
        router.navigate(&Route::Catalog.path_with(&query_string(&next.to_query())), only_text && next.text != current.text);
    });

    let rows = rows_resource(filter);
    // The rows come first: the backend answers one query at a time, so the
    // option counts are asked for only once the first rows are on screen.
    let rows_shown = Memo::new(move |_| rows.with(|r| r.is_some()));
    let kinds = {
        let backend = backend.clone();
        Loaded::new(move || {
            let (backend, ready) = (backend.clone(), rows_shown.get());
            async move {
                if ready {
                    backend.entity_facets(&["kind"], "").await.map(Some)
                } else {
                    Ok(None)
                }
            }
        })
    };
    // Options and counts scoped by kind, owner, "owned by me" and orphan.
    let facet_scope = Memo::new(move |_| {
        let f = filter.get();
        let scope = CatalogFilter { types: vec![], lifecycles: vec![], tags: vec![], namespaces: vec![], ..f };
        let user = if scope.user == UserFilter::Starred { UserFilter::All } else { scope.user };
        CatalogFilter { user, ..scope }.conditions(&session.ownership_refs(), None)
    });
    // How many entities match: asked for only once the new rows are on screen, so
    // the (costlier) count never holds the rows up (see `skip_total`).
    let count_key = Memo::new(move |_| rows.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(|r| r.count_key.clone())));
    let count = {
        let backend = backend.clone();
        Loaded::new(move || {
            let (backend, key) = (backend.clone(), count_key.get());
            async move {
                let Some(key) = key else { return Ok(None) };
                let q = EntityQuery {
                    filters: vec![key.0.clone()],
                    fields: vec!["kind"],
                    limit: Some(1),
                    full_text: Some(key.1.clone()),
                    full_text_fields: TEXT_FIELDS.to_vec(),
                    ..Default::default()
                };
                backend.query_entities(&q).await.map(|p| Some((key, p.total_items)))
            }
        })
    };
    let facets = Loaded::new(move || {
        let (backend, scope, ready) = (backend.clone(), facet_scope.get(), rows_shown.get());
        async move {
            if !ready {
                return Ok(None);
            }
            let fields: Vec<&str> = Facet::ALL.iter().map(|f| f.field()).collect();
            backend.entity_facets(&fields, &scope).await.map(Some)
        }
    });

    // Once this page is up (rows and option counts in), what opening an entity
    // needs first is fetched in the background; not before: no part of this page.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let up = facets.with(|f| matches!(f, Some(Ok(Some(_)) | Err(_))));
        if up {
            crate::shell::lazy::prefetch_chunks();
        }
        up
    });

    let kind_label = move || filter.with(|f| f.kind.clone());
    let with_namespace = move |fs: Option<EntityFacets>| {
        fs.and_then(|f| f.facets.get("metadata.namespace").cloned())
            .is_some_and(|ns| ns.len() > 1 || ns.iter().any(|n| !n.value.eq_ignore_ascii_case("default")))
    };

    view! {
        <PageHeader title="Catalog" subtitle="Every component, API, system and team your organisation has, and who owns it.">
            <a class="button secondary" href=move || Route::CatalogExport.href_with(&query_string(&filter.get().first_page().to_query()))>"Export"</a>
            <a class="button secondary" href=Route::CatalogImport.href()>"Register existing component"</a>
        </PageHeader>
        <div class="catalog-layout">
            <CatalogFilters
                filter=filter
                kinds=Signal::derive(move || kinds.get().and_then(Result::ok).flatten().and_then(|k| k.facets.get("kind").cloned()).unwrap_or_default())
                facets=Signal::derive(move || facets.get().and_then(Result::ok).flatten())
                on_change=apply
            />
            <section class="catalog-results" aria-label="Results">
                {async_view(rows, "the catalog", move |r: Rows| {
                    let f = filter.get_untracked();
                    if r.items.is_empty() {
                        return if f.is_narrowed() {
                            view! {
                                <div class="empty">
                                    <p>{format!("No {} match these filters.", kind_plural(&f.kind).to_ascii_lowercase())}</p>
                                    <button type="button" class="button secondary" on:click=move |_| {
                                        apply.run(CatalogFilter { kind: filter.get_untracked().kind, ..CatalogFilter::default() })
                                    }>"Clear filters"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! { <p class="empty">{format!("No {} entities are registered in the catalog yet.", f.kind)}</p> }.into_any()
                        };
                    }
                    let columns = columns_for_kind(&f.kind, with_namespace(facets.get().and_then(Result::ok).flatten()));
                    let sorting = Sorting {
                        field: f.sort,
                        descending: f.descending,
                        on_sort: Callback::new(move |field| {
                            let mut f = filter.get_untracked();
                            f.descending = f.sort == field && !f.descending;
                            f.sort = field;
                            apply.run(f.first_page());
                        }),
                    };
                    // A count is shown only for the rows it was made for.
                    let total = r.total.or_else(|| count.get().and_then(Result::ok).flatten().filter(|(k, _)| Some(k) == r.count_key.as_ref()).map(|(_, t)| t));
                    let caption = match total {
                        Some(t) => format!("{} ({t})", kind_plural(&f.kind)),
                        None => format!("{} (counting…)", kind_plural(&f.kind)),
                    };
                    let shown = r.items.len();
                    view! {
                        <EntityTable caption=caption columns=columns entities=r.items sorting=sorting starrable=true/>
                        {filter_pager(filter, apply, shown, total, r.prev, r.next)}
                    }.into_any()
                })}
            </section>
        </div>
        <p class="visually-hidden" aria-live="polite">{move || format!("Showing {}", kind_label())}</p>
    }
}
