//! `RepoOwnerPicker` (Backstage's scaffolder): the owner (organisation, user or
//! project) of a repository to create. With `allowedOwners` it is a choice of
//! those; otherwise a text box, as Backstage's is without SCM credentials.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension =
    Extension { name: "RepoOwnerPicker", render: Some(render), validate: Some(validate), labels_itself: false };

fn validate(f: &Field, v: &Value) -> Option<String> {
    let s = v.as_str()?;
    let allowed = f.ui_strings("allowedOwners");
    if !allowed.is_empty() && !allowed.iter().any(|a| a == s) {
        return Some(format!("must be one of: {}.", allowed.join(", ")));
    }
    (f.ui_strings("excludedOwners").iter().any(|x| x == s)).then(|| format!("cannot be {s}."))
}

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let allowed = f.ui_strings("allowedOwners");
    let path = f.path.clone();
    let value = ctx.value(&path);
    let id = f.id();
    let current = move || value.get().map(|v| plain(&v)).unwrap_or_default();
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.set_value(&path, (!v.is_empty()).then(|| Value::String(v)));
    };
    if allowed.is_empty() {
        return view! {
            <input type="text" id=ids.input.clone() name=f.id() aria-describedby=ids.described_by(f)
                aria-required=f.required.then_some("true") autocomplete="off"
                placeholder=f.ui_str("placeholder").map(str::to_string)
                prop:value=current on:input=on_change on:blur=move |_| ctx.touch(&id)/>
        }
        .into_any();
    }
    view! {
        <select id=ids.input.clone() name=f.id() aria-describedby=ids.described_by(f) aria-required=f.required.then_some("true")
            prop:value=current on:change=move |ev| { on_change(ev); ctx.touch(&id); }>
            <option value="">"Choose…"</option>
            {allowed.into_iter().map(|o| { let label = o.clone(); view! { <option value=o>{label}</option> } }).collect_view()}
        </select>
    }
    .into_any()
}
