//! `/catalog/:namespace/:kind/:name`: one entity.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::catalog::EntityQuery;
use crate::api::permission::{allowed, denied, ENTITY_DELETE, ENTITY_REFRESH, LOCATION_DELETE};
use crate::api::types::{Ancestry, Entity};
use crate::api::ApiError;
use crate::api::Backend;
use crate::catalog::entity::api_definition::api_definition_view;
use crate::catalog::entity::graph_view::RelationsGraph;
use crate::catalog::entity::health::ProcessingErrors;
use crate::catalog::entity::unregister::{Intent, UnregisterDialog};
use crate::catalog::entity::yaml::to_yaml;
use crate::catalog::star_button::StarButton;
use crate::model::entity_ref::EntityRef;
use crate::model::query::query_string;
use crate::model::relations::{self, is_safe_link, RelationSection};
use crate::shell::lazy::lazy_page;
use crate::shell::routes::Route;
use crate::ui::entity_link::{written_ref, EntityLink};
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;
use crate::ui::loading::Loading;
use crate::ui::markdown::Markdown;
use crate::ui::page_header::PageHeader;

/// Bytes past which a description likely fills its 24em box and scrolls (about
/// 16 lines of 80 characters).
const LONG_DESCRIPTION: usize = 1200;

const REF_FIELDS: [&str; 6] = ["kind", "metadata.name", "metadata.namespace", "metadata.title", "metadata.description", "spec.type"];

#[component]
pub fn EntityPage(entity_ref: EntityRef) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let r = entity_ref.clone();
    let entity = {
        let backend = backend.clone();
        Loaded::new(move || {
            let (backend, r) = (backend.clone(), r.clone());
            async move { backend.entity_by_ref(&r).await }
        })
    };
    // What the page asks besides the entity depends only on its ref, known from
    // the URL: asked now, beside the entity, rather than a round trip after it.
    // The chain of locations that produced it: their errors show at the top, and
    // the Inspect card lists it.
    let ancestry = {
        let (backend, r) = (backend.clone(), entity_ref.clone());
        Loaded::new(move || {
            let (backend, r) = (backend.clone(), r.clone());
            async move { backend.entity_ancestry(&r).await }
        })
    };
    let own = Some(entity_ref.to_string());
    let may = May {
        delete: allowed(&backend, ENTITY_DELETE, own.clone()),
        unregister: allowed(&backend, LOCATION_DELETE, None),
        refresh: allowed(&backend, ENTITY_REFRESH, own),
    };
    move || {
        let r = entity_ref.clone();
        match entity.get() {
            None => view! { <Loading what="the entity"/> }.into_any(),
            Some(Ok(e)) => view! { <EntityView entity=e ancestry=ancestry may=may/> }.into_any(),
            Some(Err(err)) if err.is_not_found() => view! {
                <PageHeader title="Entity not found"/>
                <p class="empty">{format!("The catalog has no {} named \"{}\" in namespace \"{}\".", r.kind, r.name, r.namespace)}</p>
                <p><a href=Route::Catalog.href_with(&query_string(&[("kind", r.kind.to_ascii_lowercase()), ("q", r.name.clone())]))>
                    {format!("Search the catalog for \"{}\"", r.name)}
                </a></p>
            }
            .into_any(),
            Some(Err(err)) => view! {
                <PageHeader title=r.name.clone()/>
                <ErrorPanel error=err on_retry=Callback::new(move |_| entity.refetch())/>
            }
            .into_any(),
        }
    }
}

/// A link when the URL is http(s)/mailto; otherwise the text, inert.
fn safe_link(url: String, label: String) -> AnyView {
    if is_safe_link(&url) {
        view! { <a href=url rel="noopener noreferrer" target="_blank">{label}</a> }.into_any()
    } else {
        view! { <span class="inert-link" title="Not opened: only http, https and mailto links are followed">{format!("{label} ({url})")}</span> }.into_any()
    }
}

/// What the policy lets the user do to the entity (`None` until it answered).
#[derive(Clone, Copy)]
struct May {
    delete: Signal<Option<bool>>,
    unregister: Signal<Option<bool>>,
    refresh: Signal<Option<bool>>,
}

#[component]
fn EntityView(entity: Entity, ancestry: Loaded<Result<Ancestry, ApiError>>, may: May) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let r = entity.entity_ref();
    let kind = entity.kind().to_ascii_lowercase();
    let ref_text = r.to_string();
    let notice = RwSignal::new(None::<String>);

    let copy = {
        let ref_text = ref_text.clone();
        move |_| {
            let ref_text = ref_text.clone();
            spawn_local(async move {
                let msg = if crate::browser::copy_text(&ref_text).await {
                    format!("Copied {ref_text} to the clipboard.")
                } else {
                    format!("The browser did not allow copying; the entity ref is {ref_text}.")
                };
                notice.set(Some(msg));
            });
        }
    };
    let refreshable = entity.annotation("backstage.io/managed-by-location").is_some_and(|l| l.starts_with("url:"));
    let refresh = {
        let (backend, r) = (backend.clone(), r.clone());
        move |_| {
            let (backend, r) = (backend.clone(), r.clone());
            spawn_local(async move {
                let msg = match backend.refresh_entity(&r).await {
                    Ok(()) => "Refresh scheduled: the catalog will re-read this entity from its source.".to_string(),
                    Err(e) => e.user_message(),
                };
                notice.set(Some(msg));
            });
        }
    };
    let docs = entity.annotation("backstage.io/techdocs-ref").map(|_| Route::DocsPage { entity: r.clone(), path: String::new() }.href());
    let template = (kind == "template").then(|| Route::Template { namespace: r.namespace.clone(), name: r.name.clone() }.href());
    let view_url = entity.view_url().filter(|u| is_safe_link(u));
    let edit_url = entity.annotation("backstage.io/edit-url").filter(|u| is_safe_link(u)).map(str::to_string);

    let subtitle = format!("{}{}", entity.kind(), entity.spec_str("type").map(|t| format!(" · {t}")).unwrap_or_default());
    let removing = RwSignal::new(None::<Intent>);
    let May { delete: may_delete, unregister: may_unregister, refresh: may_refresh } = may;
    let cannot_remove = move || may_delete.get() == Some(false) && may_unregister.get() == Some(false);
    let orphan = entity.is_orphan();
    let sections = relations::group(&entity.relations());
    let is_party = kind == "group" || kind == "user";
    let display = entity.display_name().to_string();
    let star_label = display.clone();

    view! {
        <PageHeader title=display subtitle=subtitle>
            <StarButton entity_ref=r.clone() label=star_label/>
            {refreshable.then(|| view! {
                <button type="button" class="button secondary" disabled=move || may_refresh.get() == Some(false)
                    title=move || (may_refresh.get() == Some(false)).then(|| denied("refresh this entity")) on:click=refresh>"Refresh"</button>
            })}
            {view_url.map(|u| view! { <a class="button secondary" href=u rel="noopener noreferrer" target="_blank">"View source"</a> })}
            {edit_url.map(|u| view! { <a class="button secondary" href=u rel="noopener noreferrer" target="_blank">"Edit"</a> })}
            {docs.map(|u| view! { <a class="button secondary" href=u>"Open docs"</a> })}
            {template.map(|u| view! { <a class="button" href=u>"Launch template"</a> })}
            <button type="button" class="button secondary" disabled=cannot_remove aria-describedby="remove-denied"
                on:click=move |_| removing.set(Some(Intent::Unregister))>"Unregister entity"</button>
        </PageHeader>
        {move || cannot_remove().then(|| view! { <p class="notice" id="remove-denied">{denied("unregister or delete entities")}</p> })}
        <UnregisterDialog entity=entity.clone() open=removing may_delete=may_delete may_unregister=may_unregister/>
        {orphan.then(|| view! {
            <div class="notice warning orphan" role="alert">
                <p>"This entity is orphaned: the location that added it no longer lists it, so the catalog no longer updates it. Delete it if it is not needed any more."</p>
                <button type="button" class="button danger" disabled=move || may_delete.get() == Some(false) on:click=move |_| removing.set(Some(Intent::Delete))>"Delete entity"</button>
            </div>
        })}
        <ProcessingErrors entity=entity.clone() ancestry=ancestry/>
        <p class="entity-ref">
            <code>{ref_text.clone()}</code>
            <button type="button" class="link-button" on:click=copy>"Copy entity ref"</button>
        </p>
        {move || notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <div class="entity-grid">
            <AboutCard entity=entity.clone()/>
            {(kind == "api").then(|| lazy_page(api_definition_view, &[], entity.clone()))}
            <RelationsCard sections=sections/>
            <RelationsGraph entity=entity.clone()/>
            {is_party.then(|| view! { <OwnershipCard entity=entity.clone()/> })}
            <InspectCard entity=entity.clone() ancestry=ancestry/>
        </div>
    }
}

#[component]
fn AboutCard(entity: Entity) -> impl IntoView {
    let ns = entity.namespace().to_string();
    let tags: Vec<String> = entity.tags().into_iter().map(str::to_string).collect();
    let links = entity.links();
    let fact = |label: &'static str, value: AnyView| view! { <dt>{label}</dt><dd>{value}</dd> };
    let mut facts: Vec<AnyView> = vec![fact(
        "Owner",
        match entity.owner() {
            Some(o) => view! { <EntityLink entity_ref=o hide_kind="group"/> }.into_any(),
            None => "—".into_any(),
        },
    )
    .into_any()];
    for (key, label, kind) in [
        ("system", "System", "system"),
        ("domain", "Domain", "domain"),
        ("parent", "Parent", "group"),
        ("subcomponentOf", "Parent component", "component"),
    ] {
        if let Some(v) = entity.spec_str(key) {
            facts.push(fact(label, written_ref(v, kind, &ns)).into_any());
        }
    }
    for (key, label) in [("type", "Type"), ("lifecycle", "Lifecycle")] {
        if let Some(v) = entity.spec_str(key) {
            facts.push(fact(label, v.to_string().into_any()).into_any());
        }
    }
    for (key, label) in [("email", "Email"), ("displayName", "Display name")] {
        if let Some(v) = entity.profile_str(key) {
            let value = if key == "email" { safe_link(format!("mailto:{v}"), v.to_string()) } else { v.to_string().into_any() };
            facts.push(fact(label, value).into_any());
        }
    }
    view! {
        <section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">"About"</h2>
            {match entity.description() {
                // A long description scrolls in its box (.description, 24em): a box
                // that scrolls takes keyboard focus, to be scrolled without a mouse.
                Some(d) if d.len() > LONG_DESCRIPTION => view! {
                    <div class="description" tabindex="0" role="region" aria-label="Description"><Markdown text=d/></div>
                }
                .into_any(),
                Some(d) => view! { <Markdown text=d class="description"/> }.into_any(),
                None => view! { <p class="description">"No description."</p> }.into_any(),
            }}
            <dl class="facts">
                {facts}
                <dt>"Tags"</dt>
                <dd><ul class="tags">{tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}</ul></dd>
            </dl>
            {(!links.is_empty()).then(|| view! {
                <h3>"Links"</h3>
                <ul class="plain-list" aria-label="Links">
                    {links.into_iter().map(|(url, title)| {
                        let label = title.unwrap_or_else(|| url.clone());
                        view! { <li>{safe_link(url, label)}</li> }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// Every relation as a list of links; names and titles come from one `by-refs` call.
#[component]
fn RelationsCard(sections: Vec<RelationSection>) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let refs = relations::all_refs(&sections);
    let resolved = Loaded::new(move || {
        let (backend, refs) = (backend.clone(), refs.clone());
        async move { backend.entities_by_refs(&refs, &REF_FIELDS).await }
    });
    let sections = StoredValue::new(sections);
    view! {
        <section class="card" aria-labelledby="relations-heading">
            <h2 id="relations-heading">"Relations"</h2>
            {move || {
                if sections.with_value(|s| s.is_empty()) {
                    return view! { <p class="muted">"This entity has no relations."</p> }.into_any();
                }
                let found: Vec<Entity> = resolved.get().and_then(Result::ok).unwrap_or_default().into_iter().flatten().collect();
                let title_of = |r: &EntityRef| found.iter().find(|e| e.entity_ref().canonical() == r.canonical()).and_then(|e| e.title().map(str::to_string));
                sections.with_value(|secs| secs.iter().map(|s| {
                    let items: Vec<AnyView> = s.targets.iter().map(|t| {
                        let label = title_of(t).unwrap_or_else(|| t.humanize(Some(&t.kind)));
                        let kind = format!(" · {}", t.kind.to_ascii_lowercase());
                        view! { <li><EntityLink entity_ref=t.clone() label=label/><span class="muted">{kind}</span></li> }.into_any()
                    }).collect();
                    view! {
                        <h3>{s.title}</h3>
                        <ul class="plain-list" aria-label=s.title>{items}</ul>
                    }.into_any()
                }).collect_view()).into_any()
            }}
        </section>
    }
}

/// What a group or user owns, grouped by kind and type.
#[component]
fn OwnershipCard(entity: Entity) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let mut owners = vec![entity.entity_ref().canonical()];
    if entity.kind().eq_ignore_ascii_case("user") {
        owners.extend(entity.relation_targets("memberOf").iter().map(EntityRef::canonical));
    }
    let owned = Loaded::new(move || {
        let backend = backend.clone();
        let q = EntityQuery {
            filters: vec![owners.iter().map(|o| format!("relations.ownedBy={o}")).collect::<Vec<_>>().join(",")],
            fields: REF_FIELDS.to_vec(),
            limit: Some(200),
            order_field: Some("metadata.name,asc".into()),
            ..Default::default()
        };
        async move { backend.query_entities(&q).await }
    });
    view! {
        <section class="card" aria-labelledby="ownership-heading">
            <h2 id="ownership-heading">"Ownership"</h2>
            {crate::ui::async_view::async_view(owned, "what this owns", |page| {
                if page.items.is_empty() {
                    return view! { <p class="muted">"Owns nothing in the catalog."</p> }.into_any();
                }
                let mut groups: Vec<(String, Vec<Entity>)> = Vec::new();
                for e in page.items {
                    let key = match e.spec_str("type") { Some(t) => format!("{} · {t}", e.kind()), None => e.kind().to_string() };
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, list)) => list.push(e),
                        None => groups.push((key, vec![e])),
                    }
                }
                groups.sort_by(|a, b| a.0.cmp(&b.0));
                groups.into_iter().map(|(key, list)| view! {
                    <h3>{format!("{key} ({})", list.len())}</h3>
                    <ul class="plain-list" aria-label=key.clone()>
                        {list.into_iter().map(|e| view! { <li><EntityLink entity_ref=e.entity_ref() label=e.display_name().to_string()/></li> }).collect_view()}
                    </ul>
                }).collect_view().into_any()
            })}
        </section>
    }
}

/// The raw entity as YAML and JSON, and where it came from.
#[component]
fn InspectCard(entity: Entity, ancestry: Loaded<Result<Ancestry, ApiError>>) -> impl IntoView {
    // Written out only when opened: an API entity can hold megabytes of definition.
    let (yaml_open, json_open) = (RwSignal::new(false), RwSignal::new(false));
    let raw = std::sync::Arc::new(entity.0);
    let for_json = raw.clone();
    view! {
        <section class="card inspect" aria-labelledby="inspect-heading">
            <h2 id="inspect-heading">"Inspect entity"</h2>
            <details on:toggle=move |_| yaml_open.set(true)>
                <summary>"Raw YAML"</summary>
                {move || yaml_open.get().then(|| view! { <pre tabindex="0"><code>{to_yaml(&raw)}</code></pre> })}
            </details>
            <details on:toggle=move |_| json_open.set(true)>
                <summary>"Raw JSON"</summary>
                {move || json_open.get().then(|| view! { <pre tabindex="0"><code>{serde_json::to_string_pretty(&*for_json).unwrap_or_default()}</code></pre> })}
            </details>
            <details>
                <summary>"Ancestry"</summary>
                {crate::ui::async_view::async_view(ancestry, "the ancestry", |a| view! {
                    <ol class="plain-list" aria-label="Ancestry">
                        {a.items.into_iter().map(|i| {
                            let e = i.entity;
                            view! { <li><EntityLink entity_ref=e.entity_ref() label=e.entity_ref().to_string()/></li> }
                        }).collect_view()}
                    </ol>
                })}
            </details>
        </section>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(entity, entity_page, EntityRef, |r: EntityRef| view! { <EntityPage entity_ref=r/> }.into_any());
