//! `EntityTagsPicker`: tags, suggested from the catalog's existing ones, each
//! checked against Backstage's tag rule.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::Backend;
use crate::scaffolder::forms::extensions::chips::{chips, push_unique};
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::schema::Field;

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
    let known = LocalResource::new(move || {
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
    let (p2, id) = (path.clone(), f.id());
    let add = Callback::new(move |_: ()| {
        let t = text.get_untracked().trim().trim_end_matches(',').to_string();
        text.set(String::new());
        push_unique(ctx, value, &p2, t);
        ctx.touch(&id);
    });
    let err = ctx.error(f.id());
    view! {
        {chips(format!("Tags for {}", f.title()), value, ctx, path)}
        <div class="inline-form">
            <input type="text" id=ids.input.clone() list=list_id.clone() autocomplete="off"
                placeholder="Type a tag, then Enter"
                aria-invalid=move || err.get().map(|_| "true")
                aria-describedby=ids.described_by(f)
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let done = v.ends_with(',');
                    text.set(v);
                    if done { add.run(()); }
                }
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add.run(()); }/>
            <button type="button" class="button" on:click=move |_| add.run(())>"Add tag"</button>
        </div>
        <datalist id=list_id>
            {move || known.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|t| view! { <option value=t/> }).collect_view()}
        </datalist>
    }
    .into_any()
}
