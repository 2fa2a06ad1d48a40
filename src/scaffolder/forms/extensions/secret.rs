//! `Secret`: a password box whose value goes to the task's `secrets`, never into
//! the form data, the draft or the review.

use leptos::prelude::*;

use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension = Extension::renders("Secret", render);

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = f.path.clone();
    let id = f.id();
    let key = f.id();
    let err = ctx.error(f.id());
    view! {
        <input
            type="password"
            autocomplete="off"
            id=ids.input.clone()
            name=f.id()
            aria-required=f.required.then_some("true")
            aria-invalid=move || err.get().map(|_| "true")
            aria-describedby=ids.described_by(f)
            prop:value=move || ctx.secrets.with(|s| s.get(&key).cloned().unwrap_or_default())
            on:input=move |ev| ctx.set_secret(&path, event_target_value(&ev))
            on:blur=move |_| ctx.touch(&id)
        />
    }
    .into_any()
}
