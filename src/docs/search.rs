//! "Search these docs": the search API narrowed to one entity's TechDocs, as
//! Backstage's reader offers it, with results listed under the box.

use leptos::prelude::*;

use crate::api::Backend;
use crate::model::entity_ref::EntityRef;
use crate::search::hit::SearchHit;
use crate::search::state::{SearchQuery, SearchTab};
use crate::ui::debounce::Debounce;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;

/// The search API's query for a term within one entity's docs.
pub fn docs_search_query(entity: &EntityRef, term: &str) -> Vec<(&'static str, String)> {
    let mut q = SearchQuery { term: term.to_string(), tab: SearchTab::Docs, kind: entity.kind.clone(), ..Default::default() }.api_query();
    q.push(("filters[namespace]", entity.namespace.clone()));
    q.push(("filters[name]", entity.name.clone()));
    q
}

#[component]
pub fn DocsSearch(entity: EntityRef) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let term = RwSignal::new(String::new());
    let debounce = Debounce::new(250);
    let draft = RwSignal::new(String::new());
    let results = Loaded::new(move || {
        let (backend, entity, term) = (backend.clone(), entity.clone(), term.get());
        async move {
            if term.trim().is_empty() {
                return Ok(None);
            }
            backend.search(&docs_search_query(&entity, &term)).await.map(Some)
        }
    });
    view! {
        <div class="docs-search">
            <form role="search" aria-label="These docs" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                term.set(draft.get_untracked());
            }>
                <input type="search" aria-label="Search these docs" placeholder="Search these docs" autocomplete="off"
                    prop:value=move || draft.get()
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        draft.set(v.clone());
                        debounce.run(move || term.set(v));
                    }
                    on:keydown=move |ev| if ev.key() == "Escape" { draft.set(String::new()); term.set(String::new()); }/>
            </form>
            {move || match results.get() {
                None | Some(Ok(None)) => ().into_any(),
                Some(Err(e)) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| results.refetch())/> }.into_any(),
                Some(Ok(Some(r))) if r.results.is_empty() => view! { <p class="docs-search-results empty" role="status">"Nothing in these docs matches."</p> }.into_any(),
                Some(Ok(Some(r))) => view! {
                    <ol class="docs-search-results search-results" aria-label="Results in these docs">
                        {r.results.into_iter().map(|hit| view! { <SearchHit hit=hit/> }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrows_to_the_entity() {
        let q = docs_search_query(&EntityRef::new("component", "default", "checkout-service"), " drain ");
        assert_eq!(q[0], ("term", "drain".to_string()));
        assert!(q.contains(&("filters[name]", "checkout-service".to_string())));
        assert!(q.contains(&("types[0]", "techdocs".to_string())));
    }
}
