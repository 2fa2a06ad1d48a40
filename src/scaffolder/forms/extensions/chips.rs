//! Chosen values as removable chips, for the pickers that fill a list.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::field::FormCtx;
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::path::Path;

pub fn string_list(v: Option<Value>) -> Vec<String> {
    v.and_then(|v| v.as_array().map(|a| a.iter().map(plain).collect())).unwrap_or_default()
}

/// Chosen values as removable chips.
pub fn chips(label: String, value: Memo<Option<Value>>, ctx: FormCtx, path: Path) -> impl IntoView {
    view! {
        <ul class="chips" aria-label=label>
            {move || string_list(value.get()).into_iter().enumerate().map(|(i, item)| {
                let path = path.clone();
                view! {
                    <li class="chip">{item.clone()}
                        <button type="button" class="chip-remove" aria-label=format!("Remove {item}") on:click=move |_| {
                            let mut list = string_list(value.get_untracked());
                            list.remove(i);
                            ctx.set_value(&path, (!list.is_empty()).then(|| Value::from(list)));
                        }>"×"</button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

pub fn push_unique(ctx: FormCtx, value: Memo<Option<Value>>, path: &Path, item: String) {
    let mut list = string_list(value.get_untracked());
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
    ctx.set_value(path, Some(Value::from(list)));
}
