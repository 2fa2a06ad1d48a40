//! `/search`: full-text search over the catalog and the docs.

use leptos::prelude::*;

use crate::api::{query_string, Backend};
use crate::components::async_view::async_view;
use crate::components::page_header::PageHeader;
use crate::router::use_router;

#[component]
pub fn SearchPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let term = Memo::new(move |_| router.query("query").unwrap_or_default());
    let draft = RwSignal::new(term.get_untracked());
    let results = LocalResource::new(move || {
        let (backend, term) = (backend.clone(), term.get());
        async move {
            if term.trim().is_empty() {
                Ok(None)
            } else {
                backend.search(&term, None).await.map(Some)
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The term lives in the URL so a search can be shared and reloaded.
        router.navigate(&query_string(&[("query", draft.get_untracked())]), false);
    };
    view! {
        <PageHeader title="Search" subtitle="Find components, APIs, people and documentation."/>
        <form class="search-form" role="search" on:submit=on_submit>
            <label for="search-term">"Search term"</label>
            <input id="search-term" type="search" prop:value=move || draft.get() on:input:target=move |ev| draft.set(ev.target().value())/>
            <button type="submit" class="button">"Search"</button>
        </form>
        {async_view(results, "results", |r| match r {
            None => view! { <p class="muted">"Type a term and press Search."</p> }.into_any(),
            Some(r) if r.results.is_empty() => view! { <p class="empty">"Nothing matched your search."</p> }.into_any(),
            Some(r) => view! {
                <ol class="search-results" aria-label="Search results">
                    {r.results.into_iter().map(|hit| view! {
                        <li>
                            <a href=crate::paths::href(&hit.document.location)>{hit.document.title.clone()}</a>
                            <span class="muted">{format!(" · {}", hit.result_type)}</span>
                            <p>{hit.document.text.clone()}</p>
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any(),
        })}
    }
}
