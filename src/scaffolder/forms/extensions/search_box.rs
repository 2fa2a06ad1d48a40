//! The catalog search box the entity pickers share: as the user types, the
//! catalog is searched on the server (`fullTextFilterTerm`, 20 results, never a
//! whole kind), and the matches show below as buttons.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::types::Entity;
use crate::api::Backend;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::picker_query::filter_strings;
use crate::scaffolder::forms::schema::Field;
use crate::ui::debounce::Debounce;
use crate::ui::focus::focus_now_or_later;

pub const SEARCH_FIELDS: [&str; 5] = ["kind", "metadata.name", "metadata.namespace", "metadata.title", "spec.profile.displayName"];

/// The catalog conditions a picker's options come from: its `catalogFilter`, or
/// `default_kinds`; with `owned`, only what the signed-in user owns.
pub fn picker_filters(f: &Field, default_kinds: &[&str], owned: bool) -> Vec<String> {
    let extra: Vec<(String, String)> = if owned {
        expect_context::<Session>().ownership_refs().into_iter().map(|r| ("relations.ownedBy".to_string(), r)).collect()
    } else {
        vec![]
    };
    filter_strings(f.ui("catalogFilter"), default_kinds, &extra)
}

pub fn option_label(e: &Entity) -> String {
    let r = e.entity_ref();
    match e.profile_str("displayName").or(e.title()) {
        Some(t) => format!("{t} ({r})"),
        None => r.to_string(),
    }
}

/// A search box with the matching entities below it as buttons (Tab or ↓ reaches
/// them; Enter picks). `on_text` sees every keystroke, `on_pick` a chosen ref.
#[allow(clippy::too_many_arguments)]
pub fn search_box(
    ids: &Ids,
    f: &Field,
    ctx: FormCtx,
    filters: Vec<String>,
    text: RwSignal<String>,
    on_text: Callback<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let term = RwSignal::new(None::<String>);
    let debounce = Debounce::new(100);
    let results = LocalResource::new(move || {
        let (backend, term, filters) = (backend.clone(), term.get(), filters.clone());
        async move {
            let Some(term) = term else { return Ok(vec![]) };
            let q = EntityQuery {
                filters,
                fields: SEARCH_FIELDS.to_vec(),
                limit: Some(20),
                order_field: Some("metadata.name,asc".into()),
                full_text: Some(term),
                full_text_fields: vec!["metadata.name", "metadata.title", "spec.profile.displayName"],
                skip_total: true,
                ..Default::default()
            };
            backend.query_entities(&q).await.map(|p| p.items)
        }
    });
    let list_id = format!("{}-options", ids.input);
    let first_option_of = list_id.clone();
    let id = f.id();
    let err = ctx.error(f.id());
    let search = move |v: String| debounce.run(move || term.set(Some(v)));
    view! {
        <input
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-controls=list_id.clone()
            aria-expanded=move || if term.get().is_some() { "true" } else { "false" }
            id=ids.input.clone()
            name=f.id()
            placeholder=f.ui_str("placeholder").map(str::to_string).unwrap_or_else(|| "Type to search".into())
            disabled=f.ui_bool("disabled") || f.ui_bool("readonly")
            data-autofocus=f.ui_bool("autofocus").then_some("")
            aria-required=f.required.then_some("true")
            aria-invalid=move || err.get().map(|_| "true")
            aria-describedby=ids.described_by(f)
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                text.set(v.clone());
                on_text.run(v.clone());
                search(v);
            }
            on:focus=move |_| search(text.get_untracked())
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    term.set(None);
                } else if ev.key() == "ArrowDown" {
                    ev.prevent_default();
                    focus_now_or_later(format!("#{first_option_of} button"));
                }
            }
            on:blur=move |_| ctx.touch(&id)
        />
        <div id=list_id class="picker-options" aria-live="polite">
            {move || term.get().map(|_| match results.get() {
                None => view! { <p class="muted">"Searching…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="field-error">{format!("Could not search the catalog: {}", e.user_message())}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p class="muted">"Nothing in the catalog matches."</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <ul role="list">
                        {items.into_iter().map(|e| {
                            let r = e.entity_ref().to_string();
                            view! {
                                <li><button type="button" class="picker-option" on:click=move |_| {
                                    on_pick.run(r.clone());
                                    term.set(None);
                                }>{option_label(&e)}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </div>
    }
}
