//! The data behind every filtered entity list (the catalog, the template list, the
//! docs index): one rows resource, the facet counts of a list whose kind the page
//! fixes, and the pager that turns page links into new filters.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::types::{Entity, EntityFacets};
use crate::api::{ApiError, Backend};
use crate::catalog::filter::{CatalogFilter, Facet, UserFilter, TEXT_FIELDS};
use crate::catalog::starred;
use crate::catalog::stars::Stars;
use crate::model::query::query_string;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::loaded::Loaded;
use crate::ui::pager::{PageLink, Pager};

/// Only the fields the table shows are fetched.
const FIELDS: [&str; 14] = [
    "kind",
    "metadata.name",
    "metadata.namespace",
    "metadata.title",
    "metadata.description",
    "metadata.tags",
    "metadata.annotations",
    "metadata.links",
    "spec.type",
    "spec.lifecycle",
    "spec.owner",
    "spec.system",
    "spec.domain",
    "spec.profile",
];

#[derive(Clone)]
pub struct Rows {
    pub items: Vec<Entity>,
    /// Known at once for the starred view; counted separately otherwise.
    pub total: Option<u64>,
    /// What to count (conditions, text), once these rows are on screen.
    pub count_key: Option<(String, String)>,
    pub prev: Option<PageLink>,
    pub next: Option<PageLink>,
}

pub async fn load_rows(backend: Backend, f: CatalogFilter, ownership: Vec<String>, starred_refs: Vec<String>) -> Result<Rows, ApiError> {
    let limit = f.limit as u64;
    if f.user == UserFilter::Starred {
        // The starred set is small: fetch exactly those refs, filter and page here.
        let prefix = format!("{}:", f.kind);
        let refs: Vec<String> = starred_refs.into_iter().filter(|r| f.kind.is_empty() || r.starts_with(&prefix)).collect();
        let mut items: Vec<Entity> =
            backend.entities_by_refs(&refs, &FIELDS).await?.into_iter().flatten().filter(|e| starred::matches(e, &f)).collect();
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
    let q = page_query(&f, &ownership);
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

/// The backend query for one page of the list (not the starred view). The boot
/// script sends the one for `/catalog` before the wasm is there (shell/boot.js).
pub fn page_query(f: &CatalogFilter, ownership: &[String]) -> EntityQuery {
    EntityQuery {
        filters: vec![f.conditions(ownership, None)],
        fields: FIELDS.to_vec(),
        limit: Some(f.limit),
        order_field: Some(f.order_field()),
        full_text: Some(f.text.clone()),
        full_text_fields: TEXT_FIELDS.to_vec(),
        cursor: f.cursor.clone(),
        skip_total: true,
    }
}

/// The rows of a filtered entity list (catalog, templates, docs index): read again
/// when the filter changes, and in the starred view when the stars change.
pub fn rows_resource(filter: Memo<CatalogFilter>) -> Loaded<Result<Rows, ApiError>> {
    let (backend, session, stars) = (expect_context::<Backend>(), expect_context::<Session>(), expect_context::<Stars>());
    Loaded::new(move || {
        let f = filter.get();
        // Starred view: re-read when stars change; other views ignore them.
        let starred_refs = if f.user == UserFilter::Starred { stars.refs.get() } else { vec![] };
        load_rows(backend.clone(), f, session.ownership_refs(), starred_refs)
    })
}

/// A list whose kind the page fixes (templates, docs index): its filters go to
/// the page's URL without the kind, and its option counts are for `condition`.
pub struct FixedList {
    pub apply: Callback<CatalogFilter>,
    pub facets: Loaded<Result<Option<EntityFacets>, ApiError>>,
}

impl FixedList {
    pub fn new(page: Route, condition: String) -> Self {
        let router = use_router();
        let backend = expect_context::<Backend>();
        let apply = Callback::new(move |next: CatalogFilter| {
            let query: Vec<(&str, String)> = next.to_query().into_iter().filter(|(k, _)| *k != "kind").collect();
            router.navigate(&page.path_with(&query_string(&query)), false);
        });
        let facets = Loaded::new(move || {
            let (backend, condition) = (backend.clone(), condition.clone());
            async move {
                let fields: Vec<&str> = Facet::ALL.iter().map(|f| f.field()).collect();
                backend.entity_facets(&fields, &condition).await.map(Some)
            }
        });
        Self { apply, facets }
    }
}

/// The pager of a list driven by a `CatalogFilter` in the URL: a page link or a
/// new page size becomes a new filter for `apply`.
pub fn filter_pager(
    filter: Memo<CatalogFilter>,
    apply: Callback<CatalogFilter>,
    shown: usize,
    total: Option<u64>,
    prev: Option<PageLink>,
    next: Option<PageLink>,
) -> impl IntoView {
    let f = filter.get_untracked();
    view! {
        <Pager offset=f.offset shown=shown total=total limit=f.limit prev=prev next=next
            on_page=Callback::new(move |p: PageLink| {
                let mut f = filter.get_untracked();
                f.cursor = p.cursor;
                f.offset = p.offset;
                apply.run(f);
            })
            on_limit=Callback::new(move |l| {
                let mut f = filter.get_untracked();
                f.limit = l;
                apply.run(f.first_page());
            })/>
    }
}
