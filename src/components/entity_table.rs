use leptos::prelude::*;

use crate::api::types::Entity;
use crate::components::entity_link::EntityLink;

/// Columns a table of entities can show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Kind,
    System,
    Owner,
    Type,
    Lifecycle,
    Description,
    Tags,
}

impl Column {
    fn header(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Kind => "Kind",
            Column::System => "System",
            Column::Owner => "Owner",
            Column::Type => "Type",
            Column::Lifecycle => "Lifecycle",
            Column::Description => "Description",
            Column::Tags => "Tags",
        }
    }
}

fn cell(col: Column, e: &Entity) -> AnyView {
    match col {
        Column::Name => view! { <EntityLink entity_ref=e.entity_ref() label=e.display_name().to_string()/> }.into_any(),
        Column::Kind => e.kind().to_string().into_any(),
        Column::System => match e.spec_str("system") {
            Some(s) => match crate::model::entity_ref::EntityRef::parse(s, Some("system"), e.namespace()) {
                Some(r) => view! { <EntityLink entity_ref=r hide_kind="system"/> }.into_any(),
                None => s.to_string().into_any(),
            },
            None => ().into_any(),
        },
        Column::Owner => match e.owner() {
            Some(r) => view! { <EntityLink entity_ref=r hide_kind="group"/> }.into_any(),
            None => ().into_any(),
        },
        Column::Type => e.spec_str("type").unwrap_or_default().to_string().into_any(),
        Column::Lifecycle => e.spec_str("lifecycle").unwrap_or_default().to_string().into_any(),
        Column::Description => e.description().unwrap_or_default().to_string().into_any(),
        Column::Tags => {
            let tags: Vec<String> = e.tags().into_iter().map(str::to_string).collect();
            view! { <ul class="tags">{tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}</ul> }.into_any()
        }
    }
}

/// A real `<table>` of entities with a caption and header cells.
#[component]
pub fn EntityTable(#[prop(into)] caption: String, columns: Vec<Column>, entities: Vec<Entity>) -> impl IntoView {
    let head = columns.clone();
    view! {
        <table class="data-table">
            <caption>{caption}</caption>
            <thead>
                <tr>{head.into_iter().map(|c| view! { <th scope="col">{c.header()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {entities
                    .into_iter()
                    .map(|e| {
                        let cols = columns.clone();
                        view! { <tr>{cols.into_iter().map(|c| view! { <td>{cell(c, &e)}</td> }).collect_view()}</tr> }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
