//! `EntityTagsPicker`: tags, suggested from the catalog's existing ones (a
//! listbox under the box, as the entity pickers'), each checked against
//! Backstage's tag rule.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::Backend;
use crate::scaffolder::forms::extensions::chips::{chips, push_unique};
use crate::scaffolder::forms::extensions::search_box::next_option;
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::schema::Field;
use crate::ui::loaded::Loaded;

pub const EXTENSION: Extension = Extension { validate: Some(validate), ..Extension::renders("EntityTagsPicker", render) };

fn validate(_: &Field, value: &Value) -> Option<String> {
    let tags = value.as_array()?;
    tags.iter()
        .filter_map(Value::as_str)
        .find(|t| !is_tag(t))
        .map(|t| format!("has \"{t}\", which is not a valid tag: use lower-case letters, digits, ':', '+' or '#', in parts joined by '-'."))
}

/// Backstage's tag rule: `^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$`, at most 63 characters.
pub fn is_tag(s: &str) -> bool {
    s.len() <= 63
        && s.split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ":+#".contains(c)))
}

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let backend = expect_context::<Backend>();
    let kinds = f.ui_strings("kinds");
    let known = Loaded::new(move || {
        let (backend, kinds) = (backend.clone(), kinds.clone());
        async move {
            let filter = kinds.iter().map(|k| format!("kind={k}")).collect::<Vec<_>>().join(",");
            backend
                .entity_facets(&["metadata.tags"], &filter)
                .await
                .map(|f| f.facets.get("metadata.tags").map(|v| v.iter().map(|c| c.value.clone()).collect::<Vec<_>>()).unwrap_or_default())
        }
    });
    let path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(String::new());
    let list_id = format!("{}-known", ids.input);
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let option_id_of_active = option_id.clone();
    // Known tags that hold what is typed and are not chosen yet (at most 20); the
    // highlighted one is named by `aria-activedescendant` (ARIA 1.2 combobox).
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let suggestions = Memo::new(move |_| {
        let typed = text.get().trim().to_lowercase();
        let chosen: Vec<String> = value
            .get()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        known
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|t| t.contains(&typed) && !chosen.contains(t))
            .take(20)
            .collect::<Vec<String>>()
    });
    let shown = move || if open.get() { suggestions.get() } else { vec![] };
    let (p2, id) = (path.clone(), f.id());
    let add = Callback::new(move |tag: Option<String>| {
        let t = tag.unwrap_or_else(|| text.get_untracked()).trim().trim_end_matches(',').to_string();
        text.set(String::new());
        active.set(None);
        push_unique(ctx, value, &p2, t);
        ctx.touch(&id);
    });
    let err = ctx.error(f.id());
    view! {
        {chips(format!("Tags for {}", f.title()), value, ctx, path)}
        <div class="inline-form">
            <input type="text" id=ids.input.clone() autocomplete="off" role="combobox"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || (!shown().is_empty()).to_string()
                aria-activedescendant=move || active.get().map(&option_id_of_active)
                placeholder="Type a tag, then Enter"
                aria-invalid=move || err.get().map(|_| "true")
                aria-describedby=ids.described_by(f)
                prop:value=move || text.get()
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let done = v.ends_with(',');
                    text.set(v);
                    open.set(true);
                    active.set(None);
                    if done { add.run(None); }
                }
                on:keydown=move |ev| {
                    let n = shown().len();
                    match ev.key().as_str() {
                        "ArrowDown" | "ArrowUp" if n > 0 => {
                            ev.prevent_default();
                            active.set(Some(next_option(active.get_untracked(), n, ev.key() == "ArrowDown")));
                        }
                        "Escape" if n > 0 => {
                            ev.prevent_default();
                            open.set(false);
                            active.set(None);
                        }
                        // Enter adds the highlighted suggestion, or what was typed.
                        "Enter" => {
                            ev.prevent_default();
                            add.run(active.get_untracked().and_then(|i| shown().get(i).cloned()));
                        }
                        _ => {}
                    }
                }/>
            <button type="button" class="button" on:click=move |_| add.run(None)>"Add tag"</button>
        </div>
        <ul id=list_id role="listbox" aria-label="Known tags" class="picker-options tag-suggestions" hidden=move || shown().is_empty()>
            {move || shown().into_iter().enumerate().map(|(i, t)| {
                let tag = t.clone();
                view! {
                    <li id=option_id(i) role="option" class="picker-option"
                        class:active=move || active.get() == Some(i)
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| add.run(Some(tag.clone()))>{t}</li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
