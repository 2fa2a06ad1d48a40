//! `MultiEntityPicker`: a list of entity refs, each searched in the catalog.

use leptos::prelude::*;

use crate::scaffolder::forms::extensions::chips::{chips, push_unique};
use crate::scaffolder::forms::extensions::search_box::{picker_filters, search_box};
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension = Extension::renders("MultiEntityPicker", render);

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let filters = picker_filters(f, &[], false);
    let path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(String::new());
    let on_text = Callback::new(|_: String| {});
    let p2 = path.clone();
    let id = f.id();
    let on_pick = Callback::new(move |r: String| {
        text.set(String::new());
        push_unique(ctx, value, &p2, r);
        ctx.touch(&id);
    });
    view! {
        {chips(format!("Chosen for {}", f.title()), value, ctx, path)}
        {search_box(ids, f, ctx, filters, text, on_text, on_pick)}
    }
    .into_any()
}
