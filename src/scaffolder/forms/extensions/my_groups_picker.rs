//! `MyGroupsPicker`: one of the groups the signed-in user is a member of.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::catalog::EntityQuery;
use crate::api::session::Session;
use crate::api::Backend;
use crate::scaffolder::forms::extensions::search_box::{option_label, SEARCH_FIELDS};
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::schema::Field;
use crate::ui::loaded::Loaded;

pub const EXTENSION: Extension = Extension::renders("MyGroupsPicker", render);

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let backend = expect_context::<Backend>();
    let user = expect_context::<Session>().user_entity_ref().unwrap_or_default();
    let groups = Loaded::new(move || {
        let (backend, user) = (backend.clone(), user.clone());
        async move {
            let q = EntityQuery {
                filters: vec![format!("kind=group,relations.hasMember={user}")],
                fields: SEARCH_FIELDS.to_vec(),
                limit: Some(100),
                order_field: Some("metadata.name,asc".into()),
                skip_total: true,
                ..Default::default()
            };
            backend.query_entities(&q).await.map(|p| p.items)
        }
    });
    let path = f.path.clone();
    let value = ctx.value(&path);
    let id = f.id();
    let input_id = ids.input.clone();
    let described = ids.described_by(f);
    let required = f.required;
    (move || match groups.get() {
        None => view! { <p class="muted" id=input_id.clone()>"Loading your groups…"</p> }.into_any(),
        Some(Err(e)) => {
            view! { <p class="field-error" id=input_id.clone()>{format!("Could not load your groups: {}", e.user_message())}</p> }
                .into_any()
        }
        Some(Ok(items)) => {
            let refs: Vec<(String, String)> = items.iter().map(|e| (e.entity_ref().to_string(), option_label(e))).collect();
            let (path, id) = (path.clone(), id.clone());
            view! {
                <select id=input_id.clone() aria-describedby=described.clone() aria-required=required.then_some("true")
                    prop:value=move || value.get().map(|v| plain(&v)).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.set_value(&path, (!v.is_empty()).then(|| Value::String(v)));
                        ctx.touch(&id);
                    }>
                    <option value="">{if refs.is_empty() { "You are not a member of any group" } else { "Choose…" }}</option>
                    {refs.into_iter().map(|(r, label)| view! { <option value=r>{label}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    })
    .into_any()
}
