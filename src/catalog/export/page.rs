//! `/catalog/export?<filters>`, "Export" on the catalog: every row the list's
//! filters select, all pages of them (cursor paging with only the exported
//! fields), as a CSV or JSON file built in the browser, with progress and
//! Cancel. The filters come in the URL, so the list only links here and the
//! code stays in the catalog-management chunk (`catalog_import::pages`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::{ApiError, Backend};
use crate::browser::download;
use crate::catalog::data::load_rows;
use crate::catalog::export::file::{file_name, Format, FIELDS};
use crate::catalog::filter::kind_plural;
use crate::catalog::filter::{CatalogFilter, UserFilter, TEXT_FIELDS};
use crate::catalog::stars::Stars;
use crate::model::query::{parse_query, query_string};
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::page_header::PageHeader;

/// Rows per request: large pages keep the round trips few; the backend answers
/// 1,000 rows of these fields in well under a second.
const PAGE: u32 = 1000;

/// What to export: the list's filters and what they depend on.
#[derive(Clone)]
struct ExportRequest {
    filter: CatalogFilter,
    ownership: Vec<String>,
    starred: Vec<String>,
}

#[derive(Clone)]
enum State {
    Choosing,
    Running { done: u64, total: Option<u64> },
    Finished { rows: u64, name: String },
    Cancelled,
    Failed(ApiError),
}

/// Fetches every page, calling `progress` after each; `None` if cancelled.
async fn collect(
    backend: &Backend,
    req: &ExportRequest,
    format: Format,
    cancelled: RwSignal<bool>,
    progress: impl Fn(u64, Option<u64>),
) -> Result<Option<(js_sys::Array, u64)>, ApiError> {
    let parts = js_sys::Array::new();
    parts.push(&format.start().into());
    let f = req.filter.clone();
    let mut done = 0u64;
    if f.user == UserFilter::Starred {
        // The starred set is small and filtered in the browser, as the list does.
        let rows = load_rows(backend.clone(), CatalogFilter { limit: u32::MAX, ..f }, req.ownership.clone(), req.starred.clone()).await?;
        done = rows.items.len() as u64;
        parts.push(&format.rows(&rows.items, true).into());
    } else {
        let mut q = EntityQuery {
            filters: vec![f.conditions(&req.ownership, None)],
            fields: FIELDS.to_vec(),
            limit: Some(PAGE),
            order_field: Some(f.order_field()),
            full_text: Some(f.text.clone()),
            full_text_fields: TEXT_FIELDS.to_vec(),
            ..Default::default()
        };
        let mut total = None;
        loop {
            let page = backend.query_entities(&q).await?;
            if cancelled.get_untracked() {
                return Ok(None);
            }
            total = total.or(Some(page.total_items));
            parts.push(&format.rows(&page.items, done == 0).into());
            done += page.items.len() as u64;
            progress(done, total);
            match page.page_info.next_cursor {
                Some(c) if !page.items.is_empty() => {
                    q.cursor = Some(c);
                    // The count comes with the first page only.
                    q.skip_total = true;
                }
                _ => break,
            }
        }
    }
    parts.push(&format.end().into());
    Ok(Some((parts, done)))
}

#[component]
pub fn ExportPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let filter = router.location.with_untracked(|l| CatalogFilter::from_query(&parse_query(&l.query))).first_page();
    let back = Route::Catalog.href_with(&query_string(&filter.to_query()));
    let what = kind_plural(&filter.kind);
    let narrowed: Vec<String> =
        filter.to_query().into_iter().filter(|(k, _)| !matches!(*k, "kind" | "limit" | "sort")).map(|(k, v)| format!("{k} {v}")).collect();
    let subtitle = if narrowed.is_empty() {
        format!("Every one of the catalog's {}.", what.to_lowercase())
    } else {
        format!("The catalog's {} with {}.", what.to_lowercase(), narrowed.join(", "))
    };
    let request = ExportRequest {
        filter,
        ownership: expect_context::<Session>().ownership_refs(),
        starred: expect_context::<Stars>().refs.get_untracked(),
    };
    let format = RwSignal::new(Format::Csv);
    let state = RwSignal::new(State::Choosing);
    let cancelled = RwSignal::new(false);
    let request = StoredValue::new(request);

    let start = move || {
        if matches!(state.get_untracked(), State::Running { .. }) {
            return;
        }
        cancelled.set(false);
        state.set(State::Running { done: 0, total: None });
        let (backend, req, format) = (backend.clone(), request.get_value(), format.get_untracked());
        spawn_local(async move {
            let progress = |done, total| {
                let _ = state.try_set(State::Running { done, total });
            };
            let next = match collect(&backend, &req, format, cancelled, progress).await {
                Ok(Some((parts, rows))) => {
                    let kind = (!req.filter.kind.is_empty()).then(|| kind_plural(&req.filter.kind));
                    let date: String = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().chars().take(10).collect();
                    let name = file_name(kind.as_deref(), &date, format);
                    download(&name, format.mime(), &parts);
                    State::Finished { rows, name }
                }
                Ok(None) => State::Cancelled,
                Err(e) => State::Failed(e),
            };
            let _ = state.try_set(next);
        });
    };
    let choice = move |f: Format, label: &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="export-format" checked=move || format.get() == f on:change=move |_| format.set(f)/>
                {label}
            </label>
        }
    };

    view! {
        <PageHeader title=format!("Export {what}") subtitle=subtitle/>
        <section class="card export-panel" aria-label="Export">
            <p class="muted">"Every row these filters select, on all pages, with kind, namespace, name, title, type, lifecycle, owner, system, tags and description."</p>
            <fieldset class="radio-group">
                <legend>"Format"</legend>
                {choice(Format::Csv, "CSV (spreadsheets)")}
                {choice(Format::Json, "JSON")}
            </fieldset>
            {move || match state.get() {
                State::Running { done, total } => view! {
                    <progress max=total.unwrap_or(0).max(done) value=done aria-label="Export progress"></progress>
                    <p role="status">{match total {
                        Some(t) => format!("{done} of {t} rows…"),
                        None => "Starting…".to_string(),
                    }}</p>
                }.into_any(),
                State::Finished { rows, name } => view! { <p role="status">{format!("Exported {rows} rows to {name}.")}</p> }.into_any(),
                State::Cancelled => view! { <p role="status">"Export cancelled; nothing was downloaded."</p> }.into_any(),
                State::Failed(e) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-message">{e.user_message()}</p>
                        <p class="muted">"Nothing was downloaded. Export again to retry."</p>
                    </div>
                }.into_any(),
                State::Choosing => ().into_any(),
            }}
            <div class="card-actions">
                {move || if matches!(state.get(), State::Running { .. }) {
                    view! { <button type="button" class="button" on:click=move |_| cancelled.set(true)>"Cancel"</button> }.into_any()
                } else {
                    let start = start.clone();
                    view! { <button type="button" class="button primary" on:click=move |_| start()>"Export"</button> }.into_any()
                }}
                <a class="button secondary" href=back>"Back to the catalog"</a>
            </div>
        </section>
    }
}
