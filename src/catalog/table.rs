use leptos::prelude::*;

use crate::api::types::Entity;
use crate::catalog::filter::SortField;
use crate::catalog::star_button::StarButton;
use crate::model::text::clipped;
use crate::shell::routes::Route;
use crate::ui::entity_link::{written_ref, EntityLink};

/// A description in a table shows its first 200 characters (about four lines; the
/// entity's page shows all of it). Laid out whole, one description of 100 KB made
/// its row thousands of lines tall and cost the catalog's first frame ~50 ms.
const DESCRIPTION_CHARS: usize = 200;

/// Columns a table of entities can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    /// A link to the entity's TechDocs.
    Docs,
    Kind,
    Namespace,
    System,
    Domain,
    Owner,
    Type,
    Lifecycle,
    Description,
    Tags,
    Email,
    Target,
}

impl Column {
    fn header(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Docs => "Docs",
            Column::Kind => "Kind",
            Column::Namespace => "Namespace",
            Column::System => "System",
            Column::Domain => "Domain",
            Column::Owner => "Owner",
            Column::Type => "Type",
            Column::Lifecycle => "Lifecycle",
            Column::Description => "Description",
            Column::Tags => "Tags",
            Column::Email => "Email",
            Column::Target => "Target",
        }
    }

    /// The backend field a click on this column's header sorts by.
    pub fn sort_field(self) -> Option<SortField> {
        match self {
            Column::Name => Some(SortField::Name),
            Column::Type => Some(SortField::Type),
            Column::Lifecycle => Some(SortField::Lifecycle),
            Column::Owner => Some(SortField::Owner),
            _ => None,
        }
    }
}

/// The columns Backstage's catalog table shows for a kind.
pub fn columns_for_kind(kind: &str, with_namespace: bool) -> Vec<Column> {
    use Column::*;
    let mut cols = match kind {
        "user" => vec![Name, Email, Description],
        "group" => vec![Name, Type, Description],
        "location" => vec![Name, Type, Target],
        "system" => vec![Name, Domain, Owner, Description, Tags],
        "domain" => vec![Name, Owner, Description, Tags],
        "template" => vec![Name, Type, Owner, Description, Tags],
        "component" | "api" | "resource" => vec![Name, System, Owner, Type, Lifecycle, Description, Tags],
        _ => vec![Name, Owner, Type, Description, Tags],
    };
    if with_namespace {
        cols.insert(1, Namespace);
    }
    cols
}

fn linked_ref(value: Option<&str>, default_kind: &'static str, namespace: &str) -> AnyView {
    value.map(|v| written_ref(v, default_kind, namespace)).unwrap_or_else(|| ().into_any())
}

fn cell(col: Column, e: &Entity) -> AnyView {
    match col {
        Column::Name => view! { <EntityLink entity_ref=e.entity_ref() label=e.display_name().to_string()/> }.into_any(),
        Column::Docs => {
            let r = e.entity_ref();
            let href = Route::DocsPage { entity: r.clone(), path: String::new() }.href();
            view! { <a href=href aria-label=format!("Read the docs of {}", e.display_name())>"Read"</a> }.into_any()
        }
        Column::Kind => e.kind().to_string().into_any(),
        Column::Namespace => e.namespace().to_string().into_any(),
        Column::System => linked_ref(e.spec_str("system"), "system", e.namespace()),
        Column::Domain => linked_ref(e.spec_str("domain"), "domain", e.namespace()),
        Column::Owner => match e.owner() {
            Some(r) => view! { <EntityLink entity_ref=r hide_kind="group"/> }.into_any(),
            None => ().into_any(),
        },
        Column::Type => e.spec_str("type").unwrap_or_default().to_string().into_any(),
        Column::Lifecycle => e.spec_str("lifecycle").unwrap_or_default().to_string().into_any(),
        Column::Description => clipped(e.description().unwrap_or_default(), DESCRIPTION_CHARS).into_any(),
        Column::Email => e.profile_str("email").unwrap_or_default().to_string().into_any(),
        Column::Target => e.spec_str("target").unwrap_or_default().to_string().into_any(),
        Column::Tags => {
            let tags: Vec<String> = e.tags().into_iter().map(str::to_string).collect();
            view! { <ul class="tags">{tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}</ul> }.into_any()
        }
    }
}

/// How the table is sorted, and what a click on a sortable header does.
#[derive(Clone)]
pub struct Sorting {
    pub field: SortField,
    pub descending: bool,
    pub on_sort: Callback<SortField>,
}

fn header_cell(col: Column, sorting: Option<&Sorting>) -> AnyView {
    match (sorting, col.sort_field()) {
        (Some(s), Some(field)) => {
            let active = s.field == field;
            let aria = if !active {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            };
            let arrow = if !active {
                ""
            } else if s.descending {
                " ▼"
            } else {
                " ▲"
            };
            let cb = s.on_sort;
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort-button" on:click=move |_| cb.run(field)>{col.header()}<span aria-hidden="true">{arrow}</span></button>
                </th>
            }
            .into_any()
        }
        _ => view! { <th scope="col">{col.header()}</th> }.into_any(),
    }
}

/// A real `<table>` of entities with a caption, header cells, optional sorting
/// and a star button per row.
#[component]
pub fn EntityTable(
    #[prop(into)] caption: String,
    columns: Vec<Column>,
    entities: Vec<Entity>,
    #[prop(optional)] sorting: Option<Sorting>,
    #[prop(optional)] starrable: bool,
) -> impl IntoView {
    let head = columns.clone();
    view! {
        <table class="data-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {head.into_iter().map(|c| header_cell(c, sorting.as_ref())).collect_view()}
                    {starrable.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                </tr>
            </thead>
            <tbody>
                {entities
                    .into_iter()
                    .map(|e| {
                        let cols = columns.clone();
                        let star = starrable.then(|| view! { <td><StarButton entity_ref=e.entity_ref() label=e.display_name().to_string()/></td> });
                        view! { <tr>{cols.into_iter().map(|c| view! { <td>{cell(c, &e)}</td> }).collect_view()}{star}</tr> }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_kind() {
        assert_eq!(columns_for_kind("component", false)[..3], [Column::Name, Column::System, Column::Owner]);
        assert_eq!(columns_for_kind("user", false), vec![Column::Name, Column::Email, Column::Description]);
        assert_eq!(columns_for_kind("api", true)[1], Column::Namespace);
        assert_eq!(columns_for_kind("somethingnew", false)[0], Column::Name);
    }
}
