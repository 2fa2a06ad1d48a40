//! `/search`: full-text search over the catalog and the docs. The term (typed,
//! debounced), the type tab, the filters and the page cursor all live in the URL,
//! so a search can be shared, reloaded and walked back through.

use leptos::prelude::*;

use crate::api::Backend;
use crate::model::query::parse_query;
use crate::model::query::query_string;
use crate::search::hit::SearchHit;
use crate::search::state::{SearchQuery, SearchTab};
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::ui::async_view::async_view;
use crate::ui::debounce::Debounce;
use crate::ui::loaded::Loaded;
use crate::ui::missing_plugin::MissingPluginNotice;
use crate::ui::page_header::PageHeader;

const KINDS: [&str; 8] = ["Component", "API", "System", "Domain", "Resource", "Group", "User", "Template"];
const LIFECYCLES: [&str; 3] = ["experimental", "production", "deprecated"];

fn search_href(q: &SearchQuery) -> String {
    format!("/search{}", query_string(&q.to_query()))
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let query = Memo::new(move |_| router.location.with(|l| SearchQuery::from_query(&parse_query(&l.query))));
    let draft = RwSignal::new(query.get_untracked().term);
    // Back/forward can change the term under the box.
    Effect::new(move |_| {
        let t = query.get().term;
        if t.trim() != draft.get_untracked().trim() {
            draft.set(t);
        }
    });
    let go = move |q: SearchQuery, replace: bool| router.navigate(&search_href(&q), replace);
    let change = move |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = query.get_untracked();
        f(&mut q);
        q.cursor = None;
        go(q, false);
    };
    let debounce = Debounce::new(300);
    let on_input = move |value: String| {
        draft.set(value.clone());
        // Typing replaces the history entry: Back leaves the search, not each letter.
        debounce.run(move || {
            let mut q = query.get_untracked();
            if q.term != value {
                q.term = value;
                q.cursor = None;
                go(q, true);
            }
        });
    };
    let results = Loaded::new(move || {
        let (backend, q) = (backend.clone(), query.get());
        async move {
            if q.term.trim().is_empty() {
                Ok(None)
            } else {
                backend.search(&q.api_query()).await.map(Some)
            }
        }
    });
    let tabs = move || {
        SearchTab::ALL
            .into_iter()
            .map(|tab| {
                let href = Memo::new(move |_| {
                    let mut q = query.get();
                    q.tab = tab;
                    q.cursor = None;
                    paths::href(&search_href(&q))
                });
                view! { <a href=href aria-current=move || (query.get().tab == tab).then_some("page")>{tab.label()}</a> }
            })
            .collect_view()
    };
    let select = move |id: &'static str,
                       label: &'static str,
                       options: &'static [&'static str],
                       get: fn(&SearchQuery) -> &String,
                       set: fn(&mut SearchQuery, String)| {
        view! {
            <div class="filter-group">
                <label for=id>{label}</label>
                <select id=id on:change:target=move |ev| { let v = ev.target().value(); change(&|q| set(q, v.clone())) }>
                    <option value="" selected=move || get(&query.get()).is_empty()>"Any"</option>
                    {options.iter().map(|o| view! { <option value=*o selected=move || get(&query.get()).eq_ignore_ascii_case(o)>{*o}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <PageHeader title="Search" subtitle="Find components, APIs, people and documentation."/>
        <MissingPluginNotice plugin="search" label="search" consequence="nothing can be searched here. The catalog's name filter and the quick switcher (Ctrl-K) still find entities."/>
        <form class="search-form" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            change(&|q| q.term = draft.get_untracked());
        }>
            <label for="search-term">"Search term"</label>
            <input id="search-term" type="search" autocomplete="off" prop:value=move || draft.get() on:input:target=move |ev| on_input(ev.target().value())/>
            <button type="submit" class="button">"Search"</button>
        </form>
        <nav class="tabs" aria-label="Result types">{tabs}</nav>
        <div class="catalog-layout">
            <aside class="catalog-filters" aria-label="Filters">
                {select("search-kind", "Kind", &KINDS, |q| &q.kind, |q, v| q.kind = v)}
                <Show when=move || query.get().tab != SearchTab::Docs>
                    {select("search-lifecycle", "Lifecycle", &LIFECYCLES, |q| &q.lifecycle, |q, v| q.lifecycle = v)}
                </Show>
            </aside>
            <section class="catalog-results" aria-label="Results">
                {async_view(results, "results", move |r| match r {
                    None => view! { <p class="muted">"Type what you are looking for."</p> }.into_any(),
                    Some(r) if r.results.is_empty() => view! { <p class="empty">"Nothing matched your search."</p> }.into_any(),
                    Some(r) => {
                        let page = move |cursor: Option<String>| move |_| {
                            let mut q = query.get_untracked();
                            q.cursor = cursor.clone();
                            go(q, false);
                        };
                        let count = r.number_of_results.map(|n| format!("{n} results")).unwrap_or_default();
                        view! {
                            <p class="muted" aria-live="polite">{count}</p>
                            <ol class="search-results" aria-label="Search results">
                                {r.results.into_iter().map(|hit| view! { <SearchHit hit=hit/> }).collect_view()}
                            </ol>
                            <nav class="pager" aria-label="Pages">
                                <button type="button" class="button secondary" disabled=r.previous_page_cursor.is_none() on:click=page(r.previous_page_cursor.clone())>"Previous page"</button>
                                <button type="button" class="button secondary" disabled=r.next_page_cursor.is_none() on:click=page(r.next_page_cursor.clone())>"Next page"</button>
                            </nav>
                        }
                        .into_any()
                    }
                })}
            </section>
        </div>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(search, search_page, (), |_: ()| view! { <SearchPage/> }.into_any());
