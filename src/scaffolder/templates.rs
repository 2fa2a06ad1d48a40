//! `/create`: the templates developers start new projects from, as cards. Text,
//! category (`spec.type`), tag, owner and starred filters and paging all run on
//! the server through the catalog's own filter model; "Choose" opens the wizard.

use leptos::prelude::*;

use crate::catalog::data::{filter_pager, rows_resource, FixedList, Rows};
use crate::catalog::filter::CatalogFilter;
use crate::catalog::filters::CatalogFilters;
use crate::catalog::star_button::StarButton;
use crate::model::query::parse_query;
use crate::model::relations::is_safe_link;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::entity_link::EntityLink;
use crate::ui::markdown::Markdown;
use crate::ui::missing_plugin::MissingPluginNotice;
use crate::ui::page_header::PageHeader;

#[component]
pub fn CreatePage() -> impl IntoView {
    let router = use_router();
    let filter = Memo::new(move |_| {
        let mut f = router.location.with(|l| CatalogFilter::from_query(&parse_query(&l.query)));
        f.kind = "template".into();
        f
    });
    let FixedList { apply, facets } = FixedList::new(Route::Create, "kind=template".to_string());
    let rows = rows_resource(filter);
    view! {
        <PageHeader title="Create a new component" subtitle="Start a project from one of your organisation's approved templates.">
            <a class="button secondary" href=Route::Tasks.href()>"Tasks"</a>
            <a class="button secondary" href=Route::Actions.href()>"Installed actions"</a>
            <a class="button secondary" href=Route::TemplateEditor.href()>"Manage templates"</a>
            <a class="button secondary" href=Route::CatalogImport.href()>"Register existing component"</a>
        </PageHeader>
        <MissingPluginNotice plugin="scaffolder" label="scaffolder" consequence="the templates below come from the catalog, but none can be run."/>
        <div class="catalog-layout">
            <CatalogFilters filter=filter kinds=Signal::derive(Vec::new) facets=Signal::derive(move || facets.get().and_then(Result::ok).flatten()) on_change=apply one_kind=true/>
            <section class="catalog-results" aria-label="Templates">
                {async_view(rows, "templates", move |r: Rows| {
                    let f = filter.get_untracked();
                    if r.items.is_empty() {
                        return if f.is_narrowed() {
                            view! { <p class="empty">"No templates match these filters."</p> }.into_any()
                        } else {
                            view! { <p class="empty">"No templates are registered yet."</p> }.into_any()
                        };
                    }
                    let shown = r.items.len();
                    view! {
                        <ul class="card-grid" aria-label="Templates">
                            {r.items.into_iter().map(template_card).collect_view()}
                        </ul>
                        {filter_pager(filter, apply, shown, r.total, r.prev, r.next)}
                    }
                    .into_any()
                })}
            </section>
        </div>
    }
}

fn template_card(t: crate::api::types::Entity) -> impl IntoView {
    let r = t.entity_ref();
    let title = t.display_name().to_string();
    let wizard = Route::Template { namespace: r.namespace.clone(), name: r.name.clone() }.path();
    let tags: Vec<String> = t.tags().into_iter().map(str::to_string).collect();
    let links = t.links();
    view! {
        <li class="card template-card">
            <div class="card-title-row">
                <h2>{title.clone()}</h2>
                <StarButton entity_ref=r.clone() label=title.clone()/>
            </div>
            <p class="muted">{t.spec_str("type").unwrap_or_default().to_string()}</p>
            <Markdown text=t.description().unwrap_or_default() class="template-description"/>
            <ul class="tags" aria-label="Tags">{tags.into_iter().map(|x| view! { <li class="tag">{x}</li> }).collect_view()}</ul>
            {(!links.is_empty()).then(|| view! {
                <ul class="card-links" aria-label="Links">
                    {links.into_iter().map(|(url, label)| {
                        let text = label.unwrap_or_else(|| url.clone());
                        if is_safe_link(&url) {
                            view! { <li><a href=url rel="noopener noreferrer" target="_blank">{text}</a></li> }.into_any()
                        } else {
                            view! { <li class="inert">{text}</li> }.into_any()
                        }
                    }).collect_view()}
                </ul>
            })}
            <p>"Owner: "{t.owner().map(|o| view! { <EntityLink entity_ref=o hide_kind="group"/> })}</p>
            <div class="card-actions">
                <EntityLink entity_ref=r.clone() label=format!("About {title}")/>
                <a class="button" href=Route::TemplateEditor.href_with(&format!("?template={}", editor_param(&r))) aria-label=format!("Edit {title}")>"Edit"</a>
                <a class="button primary" href=paths::href(&wizard) aria-label=format!("Choose {title}")>"Choose"</a>
            </div>
        </li>
    }
}

/// `namespace/name`, each part encoded for the query string.
fn editor_param(r: &crate::model::entity_ref::EntityRef) -> String {
    use crate::model::query::encode_query;
    format!("{}/{}", encode_query(&r.namespace), encode_query(&r.name))
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(templates, templates_page, (), |_: ()| view! { <CreatePage/> }.into_any());
