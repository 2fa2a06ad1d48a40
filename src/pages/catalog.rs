//! `/catalog`: the software catalog. Every filter, sort and page is done by the
//! backend; the view's state is the URL.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::types::{Entity, EntityFacets};
use crate::api::{query_string, ApiError, Backend};
use crate::components::async_view::async_view;
use crate::components::catalog_filters::CatalogFilters;
use crate::components::entity_table::{columns_for_kind, EntityTable, Sorting};
use crate::components::page_header::PageHeader;
use crate::components::pager::{filter_pager, PageLink};
use crate::model::catalog_filter::{CatalogFilter, Facet, UserFilter, TEXT_FIELDS};
use crate::model::route::parse_query;
use crate::model::starred;
use crate::router::use_router;
use crate::session::Session;
use crate::stars::Stars;

/// Only the fields the table shows are fetched.
const FIELDS: [&str; 14] = [
    "kind", "metadata.name", "metadata.namespace", "metadata.title", "metadata.description", "metadata.tags",
    "metadata.annotations", "metadata.links", "spec.type", "spec.lifecycle", "spec.owner", "spec.system", "spec.domain", "spec.profile",
];

#[derive(Clone)]
pub(crate) struct Rows {
    pub items: Vec<Entity>,
    /// Known at once for the starred view; counted separately otherwise.
    pub total: Option<u64>,
    /// What to count (conditions, text), once these rows are on screen.
    pub count_key: Option<(String, String)>,
    pub prev: Option<PageLink>,
    pub next: Option<PageLink>,
}

pub(crate) async fn load_rows(backend: Backend, f: CatalogFilter, ownership: Vec<String>, starred_refs: Vec<String>) -> Result<Rows, ApiError> {
    let limit = f.limit as u64;
    if f.user == UserFilter::Starred {
        // The starred set is small: fetch exactly those refs, filter and page here.
        let prefix = format!("{}:", f.kind);
        let refs: Vec<String> = starred_refs.into_iter().filter(|r| f.kind.is_empty() || r.starts_with(&prefix)).collect();
        let mut items: Vec<Entity> = backend.entities_by_refs(&refs, &FIELDS).await?.into_iter().flatten().filter(|e| starred::matches(e, &f)).collect();
        items.sort_by_key(|e| e.name().to_ascii_lowercase());
        if f.descending {
            items.reverse();
        }
        let total = items.len() as u64;
        let start = f.offset.min(total);
        let page: Vec<Entity> = items.into_iter().skip(start as usize).take(limit as usize).collect();
        let end = start + page.len() as u64;
        return Ok(Rows {
            items: page,
            total: Some(total),
            count_key: None,
            prev: (start > 0).then(|| PageLink { cursor: None, offset: start.saturating_sub(limit) }),
            next: (end < total).then_some(PageLink { cursor: None, offset: end }),
        });
    }
    let q = EntityQuery {
        filters: vec![f.conditions(&ownership, None)],
        fields: FIELDS.to_vec(),
        limit: Some(f.limit),
        order_field: Some(f.order_field()),
        full_text: Some(f.text.clone()),
        full_text_fields: TEXT_FIELDS.to_vec(),
        cursor: f.cursor.clone(),
        skip_total: true,
    };
    let page = backend.query_entities(&q).await?;
    let shown = page.items.len() as u64;
    Ok(Rows {
        items: page.items,
        total: None,
        count_key: Some((q.filters[0].clone(), f.text.clone())),
        prev: page.page_info.prev_cursor.map(|c| PageLink { cursor: Some(c), offset: f.offset.saturating_sub(limit) }),
        next: page.page_info.next_cursor.map(|c| PageLink { cursor: Some(c), offset: f.offset + shown }),
    })
}

/// The rows of a filtered entity list (catalog, templates, docs index): read again
/// when the filter changes, and in the starred view when the stars change.
pub(crate) fn rows_resource(filter: Memo<CatalogFilter>) -> LocalResource<Result<Rows, ApiError>> {
    let (backend, session, stars) = (expect_context::<Backend>(), expect_context::<Session>(), expect_context::<Stars>());
    LocalResource::new(move || {
        let f = filter.get();
        // Starred view: re-read when stars change; other views ignore them.
        let starred_refs = if f.user == UserFilter::Starred { stars.refs.get() } else { vec![] };
        load_rows(backend.clone(), f, session.ownership_refs(), starred_refs)
    })
}

/// A list whose kind the page fixes (templates, docs index): its filters go to
/// the page's URL without the kind, and its option counts are for `condition`.
pub(crate) struct FixedList {
    pub apply: Callback<CatalogFilter>,
    pub facets: LocalResource<Result<Option<EntityFacets>, ApiError>>,
}

impl FixedList {
    pub fn new(page: &'static str, condition: String) -> Self {
        let router = use_router();
        let backend = expect_context::<Backend>();
        let apply = Callback::new(move |next: CatalogFilter| {
            let query: Vec<(&str, String)> = next.to_query().into_iter().filter(|(k, _)| *k != "kind").collect();
            router.navigate(&format!("{page}{}", query_string(&query)), false);
        });
        let facets = LocalResource::new(move || {
            let (backend, condition) = (backend.clone(), condition.clone());
            async move {
                let fields: Vec<&str> = Facet::ALL.iter().map(|f| f.field()).collect();
                backend.entity_facets(&fields, &condition).await.map(Some)
            }
        });
        Self { apply, facets }
    }
}

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
        router.navigate(&format!("/catalog{}", query_string(&next.to_query())), only_text && next.text != current.text);
    });

    let rows = rows_resource(filter);
    // The rows come first: the backend answers one query at a time, so the
    // option counts are asked for only once the first rows are on screen.
    let rows_shown = Memo::new(move |_| rows.with(|r| r.is_some()));
    let kinds = {
        let backend = backend.clone();
        LocalResource::new(move || {
            let (backend, ready) = (backend.clone(), rows_shown.get());
            async move { if ready { backend.entity_facets(&["kind"], "").await.map(Some) } else { Ok(None) } }
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
        LocalResource::new(move || {
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
    let facets = LocalResource::new(move || {
        let (backend, scope, ready) = (backend.clone(), facet_scope.get(), rows_shown.get());
        async move {
            if !ready {
                return Ok(None);
            }
            let fields: Vec<&str> = Facet::ALL.iter().map(|f| f.field()).collect();
            backend.entity_facets(&fields, &scope).await.map(Some)
        }
    });

    let kind_label = move || filter.with(|f| f.kind.clone());
    let with_namespace = move |fs: Option<EntityFacets>| {
        fs.and_then(|f| f.facets.get("metadata.namespace").cloned())
            .is_some_and(|ns| ns.len() > 1 || ns.iter().any(|n| !n.value.eq_ignore_ascii_case("default")))
    };

    view! {
        <PageHeader title="Catalog" subtitle="Every component, API, system and team your organisation has, and who owns it."/>
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
                                    <p>{format!("No {} match these filters.", kind_plural(&f.kind).to_lowercase())}</p>
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

/// "Components", "APIs": how the table's caption names a kind.
pub fn kind_plural(kind: &str) -> String {
    match kind {
        "api" => "APIs".into(),
        k => {
            let mut c = k.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>() + "s").unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn kind_captions() {
        assert_eq!(super::kind_plural("component"), "Components");
        assert_eq!(super::kind_plural("api"), "APIs");
    }
}
