//! The quick switcher's dialog (loaded as a chunk on first Ctrl/⌘-K): a combobox
//! over entities, templates and docs pages, recent choices first. Arrow keys move,
//! Enter goes, Escape closes; focus stays in the dialog while it is open.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::Backend;
use crate::browser::local_storage;
use crate::catalog::filter::TEXT_FIELDS;
use crate::config::Config;
use crate::search::state::{SearchQuery, SearchTab};
use crate::search::switcher::{merge, move_active, parse_recent, remember, SwitcherItem};
use crate::shell::router::use_router;
use crate::ui::debounce::Debounce;
use crate::ui::loaded::Loaded;
use crate::ui::missing_plugin::MissingPluginNotice;

const ENTITY_RESULTS: u32 = 8;
const DOCS_RESULTS: usize = 5;

fn recent_key(config: &Config) -> String {
    format!("stagedoor:recent@{}", config.backend_base_url)
}

async fn find(backend: Backend, term: String) -> Vec<SwitcherItem> {
    if term.trim().is_empty() {
        return vec![];
    }
    let entities = EntityQuery {
        fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title", "spec.profile.displayName"],
        limit: Some(ENTITY_RESULTS),
        full_text: Some(term.trim().to_string()),
        full_text_fields: TEXT_FIELDS.to_vec(),
        skip_total: true,
        ..Default::default()
    };
    let docs = SearchQuery { term: term.clone(), tab: SearchTab::Docs, ..Default::default() }.api_query();
    // Without the search plugin every keystroke would cost a 404 (the probe is
    // asked once; the panel's notice says why docs are missing).
    let docs = async {
        if backend.has_plugin("search").await {
            backend.search(&docs).await.ok()
        } else {
            None
        }
    };
    let (entities, docs) = futures::join!(backend.query_entities(&entities), docs);
    // One source failing still leaves the other's results.
    let mut out: Vec<SwitcherItem> = entities.map(|p| p.items.iter().map(SwitcherItem::from_entity).collect()).unwrap_or_default();
    out.extend(
        docs.map(|r| r.results.iter().filter_map(SwitcherItem::from_docs_result).take(DOCS_RESULTS).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    out
}

#[component]
pub fn SwitcherPanel(close: Callback<()>) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let key = recent_key(&expect_context::<Config>());
    let recent = StoredValue::new(parse_recent(local_storage().and_then(|s| s.get_item(&key).ok().flatten()).as_deref()));
    let draft = RwSignal::new(String::new());
    let term = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let debounce = Debounce::new(150);
    let found = Loaded::new(move || find(backend.clone(), term.get()));
    let items = Memo::new(move |_| {
        let found = found.get().unwrap_or_default();
        merge(&recent.get_value(), &term.get(), found)
    });
    let go = move |i: usize| {
        let Some(item) = items.get_untracked().get(i).cloned() else { return };
        let mut list = recent.get_value();
        remember(&mut list, item.clone());
        if let (Some(s), Ok(json)) = (local_storage(), serde_json::to_string(&list)) {
            let _ = s.set_item(&key, &json);
        }
        close.run(());
        router.navigate(&item.path, false);
    };
    let go = StoredValue::new_local(go);
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            active.update(|a| *a = move_active(*a, items.get_untracked().len(), ev.key() == "ArrowDown"));
        }
        "Enter" => {
            ev.prevent_default();
            go.with_value(|g| g(active.get_untracked()));
        }
        "Escape" => {
            ev.prevent_default();
            close.run(());
        }
        // The box is the dialog's one stop: Tab must not wander behind it.
        "Tab" => ev.prevent_default(),
        _ => {}
    };
    let input = NodeRef::<leptos::html::Input>::new();
    // `autofocus` does nothing on an element added after the page loaded.
    input.on_load(|el| {
        let _ = el.focus();
    });
    let searching = move || !term.get().trim().is_empty() && found.get().is_none();
    let status = move || {
        let n = items.get().len();
        if searching() {
            "Searching…".to_string()
        } else if n == 0 && !term.get().trim().is_empty() {
            "Nothing found.".to_string()
        } else if term.get().trim().is_empty() {
            format!("{n} recent")
        } else {
            format!("{n} results")
        }
    };
    view! {
        <div class="switcher-backdrop" on:click=move |_| close.run(())></div>
        <div class="switcher" role="dialog" aria-modal="true" aria-label="Quick switcher">
            <input id="switcher-input" node_ref=input type="text" role="combobox" autocomplete="off"
                aria-label="Go to an entity, template or docs page"
                placeholder="Go to…"
                aria-expanded=move || (!items.get().is_empty()).to_string()
                aria-controls="switcher-list" aria-autocomplete="list"
                aria-activedescendant=move || (!items.get().is_empty()).then(|| format!("switcher-option-{}", active.get()))
                prop:value=move || draft.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    draft.set(v.clone());
                    active.set(0);
                    debounce.run(move || term.set(v));
                }
                on:keydown=on_key/>
            <p class="visually-hidden" role="status">{status}</p>
            <ul id="switcher-list" role="listbox" aria-label="Results">
                {move || items.get().into_iter().enumerate().map(|(i, item)| view! {
                    <li id=format!("switcher-option-{i}") role="option" aria-selected=move || (active.get() == i).to_string()
                        on:mousedown=move |ev| { ev.prevent_default(); go.with_value(|g| g(i)); }
                        on:mousemove=move |_| if active.get_untracked() != i { active.set(i) }>
                        <span class="switcher-title">{item.title}</span>
                        <span class="muted switcher-detail">{item.detail}</span>
                    </li>
                }).collect_view()}
            </ul>
            <MissingPluginNotice plugin="search" label="search" consequence="docs pages are not offered here; entities and templates are."/>
            <p class="muted switcher-help">"↑ ↓ to move, Enter to go, Esc to close"</p>
        </div>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(search, switcher_panel, Callback<()>, |close: Callback<()>| view! { <SwitcherPanel close=close/> }.into_any());
