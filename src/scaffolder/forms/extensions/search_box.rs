//! The catalog search box the entity pickers share: as the user types, the
//! catalog is searched on the server (`fullTextFilterTerm`, 20 results, never a
//! whole kind), and the matches show below as a listbox (the ARIA 1.2 combobox
//! pattern the quick switcher follows: arrows move, Enter or a click chooses,
//! Escape closes, the count is announced).

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::types::Entity;
use crate::api::Backend;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::picker_query::filter_strings;
use crate::scaffolder::forms::schema::Field;
use crate::ui::debounce::Debounce;
use crate::ui::loaded::Loaded;

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

/// The option ↓ (`down`) or ↑ highlights among `n`, from `active`; round the ends.
pub fn next_option(active: Option<usize>, n: usize, down: bool) -> usize {
    match active {
        None if down => 0,
        None => n - 1,
        Some(i) if down => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
    }
}

/// A search box with the matching entities below it as options. `on_text` sees
/// every keystroke, `on_pick` a chosen ref.
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
    let results = Loaded::new(move || {
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
    let option_id = move |i: usize| format!("{list_id}-{i}");
    let option_id_of_active = option_id.clone();
    let list_id = format!("{}-options", ids.input);
    // The highlighted option (ARIA 1.2 combobox: focus stays in the box, the
    // option is named by `aria-activedescendant`).
    let active = RwSignal::new(None::<usize>);
    let shown = move || match (term.get(), results.get()) {
        (Some(_), Some(Ok(items))) => items,
        _ => vec![],
    };
    let id = f.id();
    let err = ctx.error(f.id());
    let search = move |v: String| {
        active.set(None);
        debounce.run(move || term.set(Some(v)))
    };
    let close = move || {
        term.set(None);
        active.set(None);
    };
    let pick = move |r: String| {
        on_pick.run(r);
        close();
    };
    view! {
        <input
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-controls=list_id.clone()
            aria-expanded=move || if term.get().is_some() { "true" } else { "false" }
            aria-activedescendant=move || active.get().map(&option_id_of_active)
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
                let n = shown().len();
                match ev.key().as_str() {
                    "Escape" if term.get_untracked().is_some() => {
                        ev.prevent_default();
                        close();
                    }
                    "ArrowDown" | "ArrowUp" if n > 0 => {
                        ev.prevent_default();
                        active.set(Some(next_option(active.get_untracked(), n, ev.key() == "ArrowDown")));
                    }
                    // Enter chooses the highlighted option instead of submitting the step.
                    "Enter" => {
                        if let Some(e) = active.get_untracked().and_then(|i| shown().get(i).cloned()) {
                            ev.prevent_default();
                            pick(e.entity_ref().to_string());
                        }
                    }
                    _ => {}
                }
            }
            on:blur=move |_| ctx.touch(&id)
        />
        <div class="picker-options">
            <p class="visually-hidden" role="status">{move || term.get().map(|_| match results.get() {
                None => "Searching…".to_string(),
                Some(Err(_)) => String::new(),
                Some(Ok(items)) if items.is_empty() => "Nothing in the catalog matches.".to_string(),
                Some(Ok(items)) => format!("{} result{}", items.len(), if items.len() == 1 { "" } else { "s" }),
            })}</p>
            {move || term.get().map(|_| match results.get() {
                None => view! { <p class="muted" aria-hidden="true">"Searching…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="field-error">{format!("Could not search the catalog: {}", e.user_message())}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p class="muted" aria-hidden="true">"Nothing in the catalog matches."</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            })}
            <ul id=list_id role="listbox" aria-label="Catalog matches" hidden=move || shown().is_empty()>
                {move || shown().into_iter().enumerate().map(|(i, e)| {
                    let option_id = option_id.clone();
                    let r = e.entity_ref().to_string();
                    view! {
                        <li id=option_id(i) role="option" class="picker-option"
                            class:active=move || active.get() == Some(i)
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            // Keep the focus in the box while the pointer chooses.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| pick(r.clone())>
                            {option_label(&e)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::next_option;

    #[test]
    fn arrows_go_round_the_options() {
        assert_eq!(next_option(None, 3, true), 0);
        assert_eq!(next_option(None, 3, false), 2);
        assert_eq!(next_option(Some(2), 3, true), 0);
        assert_eq!(next_option(Some(0), 3, false), 2);
        assert_eq!(next_option(Some(1), 3, true), 2);
    }
}
