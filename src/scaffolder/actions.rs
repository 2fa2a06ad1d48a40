//! `/create/actions`: what the scaffolder on this backend can do, with each
//! action's inputs and outputs read from its JSON Schemas.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::Backend;
use crate::scaffolder::forms::keywords::type_of;
use crate::ui::async_view::async_view;
use crate::ui::loaded::Loaded;
use crate::ui::page_header::PageHeader;

/// A schema's properties as rows: name, type, required, description.
fn properties_table(caption: String, schema: Option<&Value>) -> AnyView {
    let Some(props) = schema.and_then(|s| s.get("properties")).and_then(Value::as_object) else {
        return view! { <p class="muted">{format!("{caption}: none.")}</p> }.into_any();
    };
    let required: Vec<&str> = schema
        .and_then(|s| s.get("required"))
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    view! {
        <table class="data-table compact">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Type"</th><th scope="col">"Required"</th><th scope="col">"Description"</th></tr></thead>
            <tbody>
                {props.iter().map(|(name, p)| {
                    let ty = p.as_object().map(|o| {
                        let t = type_of(o);
                        match (t.as_str(), o.get("items").and_then(Value::as_object)) {
                            ("array", Some(items)) => format!("array of {}", type_of(items)),
                            _ => t,
                        }
                    }).unwrap_or_default();
                    let text = p.get("description").or_else(|| p.get("title")).and_then(Value::as_str).unwrap_or_default().to_string();
                    view! {
                        <tr>
                            <td><code>{name.clone()}</code></td>
                            <td>{ty}</td>
                            <td>{if required.contains(&name.as_str()) { "yes" } else { "" }}</td>
                            <td>{text}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn ActionsPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let actions = Loaded::new(move || {
        let backend = backend.clone();
        async move { backend.scaffolder_actions().await }
    });
    let filter = RwSignal::new(String::new());
    view! {
        <PageHeader title="Installed actions" subtitle="The steps templates on this backend can use."/>
        <label for="action-filter">"Filter actions"</label>
        <input id="action-filter" type="search" placeholder="e.g. fetch" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
        {async_view(actions, "the scaffolder's actions", move |list| {
            let list = list.clone();
            move || {
                let f = filter.get().to_lowercase();
                list.iter().filter(|a| f.is_empty() || a.id.to_lowercase().contains(&f)).map(|a| view! {
                    <section class="card action-card" id=format!("action-{}", a.id)>
                        <h2><code>{a.id.clone()}</code></h2>
                        {a.description.clone().map(|d| view! { <p>{d}</p> })}
                        {properties_table(format!("Inputs of {}", a.id), a.schema.get("input"))}
                        {properties_table(format!("Outputs of {}", a.id), a.schema.get("output"))}
                        {(!a.examples.is_empty()).then(|| view! { <p class="muted">{format!("{} example(s) in the backend's documentation.", a.examples.len())}</p> })}
                    </section>
                }).collect_view()
            }
        })}
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(create, actions_page, (), |_: ()| view! { <ActionsPage/> }.into_any());
