//! `/create`: the templates developers start new projects from.

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::Backend;
use crate::components::async_view::async_view;
use crate::components::entity_link::EntityLink;
use crate::components::page_header::PageHeader;

#[component]
pub fn CreatePage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let query = EntityQuery {
        filters: vec!["kind=template".into()],
        fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title", "metadata.description", "metadata.tags", "spec.type", "spec.owner", "relations"],
        limit: Some(50),
        order_field: Some("metadata.title,asc".into()),
        ..Default::default()
    };
    let templates = {
        let backend = backend.clone();
        LocalResource::new(move || {
            let (backend, query) = (backend.clone(), query.clone());
            async move { backend.query_entities(&query).await }
        })
    };
    // The scaffolder itself: which actions this backend can run.
    let actions = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.scaffolder_actions().await }
    });
    view! {
        <PageHeader title="Create a new component" subtitle="Start a project from one of your organisation's approved templates."/>
        {async_view(templates, "templates", |p| {
            if p.items.is_empty() {
                return view! { <p class="empty">"No templates are registered yet."</p> }.into_any();
            }
            view! {
                <ul class="card-grid" aria-label="Templates">
                    {p.items.into_iter().map(|t| {
                        let tags: Vec<String> = t.tags().into_iter().map(str::to_string).collect();
                        view! {
                            <li class="card template-card">
                                <h2>{t.display_name().to_string()}</h2>
                                <p class="muted">{t.spec_str("type").unwrap_or_default().to_string()}</p>
                                <p>{t.description().unwrap_or_default().to_string()}</p>
                                <ul class="tags">{tags.into_iter().map(|x| view! { <li class="tag">{x}</li> }).collect_view()}</ul>
                                <p>
                                    "Owner: "
                                    {t.owner().map(|o| view! { <EntityLink entity_ref=o hide_kind="group"/> })}
                                </p>
                                <EntityLink entity_ref=t.entity_ref() label=format!("View {}", t.display_name())/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })}
        {async_view(actions, "the scaffolder's actions", |a| view! {
            <p class="muted">{format!("The scaffolder on this backend offers {} actions.", a.len())}</p>
        })}
    }
}
