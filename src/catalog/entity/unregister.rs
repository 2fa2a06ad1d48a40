//! "Unregister entity" and "Delete entity", as Backstage's dialog offers them:
//! unregistering removes the location the entity came from and every entity
//! that location added (listed first); deleting removes only this entity, which
//! comes back at the next refresh while its location still lists it. An entity
//! from the backend's own configuration can only be deleted.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::catalog::EntityQuery;
use crate::api::permission::denied;
use crate::api::types::{Entity, Location, ORIGIN_LOCATION};
use crate::api::{ApiError, Backend};
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;
use crate::ui::loading::Loading;

/// What the dialog was opened for.
#[derive(Clone, Copy, PartialEq)]
pub enum Intent {
    Unregister,
    Delete,
}

/// Where the entity came from, and what else came from there.
#[derive(Clone)]
struct Origin {
    location: Option<Location>,
    colocated: Vec<Entity>,
}

async fn origin(backend: &Backend, entity: &Entity) -> Result<Origin, ApiError> {
    let location = match backend.location_by_entity(&entity.entity_ref()).await {
        Ok(l) => Some(l),
        // Entities from the backend's configuration have no registered location.
        Err(e) if e.is_not_found() => None,
        Err(e) => return Err(e),
    };
    let colocated = match (entity.origin_location(), &location) {
        (Some(o), Some(_)) => {
            let q = EntityQuery {
                filters: vec![format!("metadata.annotations.{ORIGIN_LOCATION}={o}")],
                fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.uid"],
                limit: Some(500),
                ..Default::default()
            };
            backend.query_entities(&q).await?.items
        }
        _ => vec![],
    };
    Ok(Origin { location, colocated })
}

/// The words for a refused removal (403 above all).
fn refusal(e: &ApiError, what: &str) -> String {
    if e.status() == Some(403) {
        denied(what)
    } else {
        e.user_message()
    }
}

/// The dialog; `open` shows it for an intent, `None` closes it. `may_delete` and
/// `may_unregister` are the page's permission answers (`None` until known).
#[component]
pub fn UnregisterDialog(
    entity: Entity,
    open: RwSignal<Option<Intent>>,
    may_delete: Signal<Option<bool>>,
    may_unregister: Signal<Option<bool>>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let working = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let entity = StoredValue::new(entity);

    let loaded = {
        let backend = backend.clone();
        Loaded::new(move || {
            let (backend, wanted) = (backend.clone(), open.get() == Some(Intent::Unregister));
            let e = entity.get_value();
            async move {
                if wanted {
                    origin(&backend, &e).await.map(Some)
                } else {
                    Ok(None)
                }
            }
        })
    };
    // The native modal dialog keeps focus inside and closes on Escape.
    Effect::new(move |_| {
        let want = open.get().is_some();
        if let Some(d) = dialog.get() {
            let d: web_sys::HtmlDialogElement = d.unchecked_into();
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    let close = move || {
        problem.set(None);
        open.set(None);
    };

    // Removes, then shows the catalog without it.
    let remove = {
        let backend = backend.clone();
        move |location: Option<Location>, uids: Vec<String>, what: &'static str| {
            if working.get_untracked() {
                return;
            }
            working.set(true);
            problem.set(None);
            let backend = backend.clone();
            spawn_local(async move {
                let mut result = Ok(());
                if let Some(l) = &location {
                    result = backend.delete_location(&l.id).await;
                }
                if result.is_ok() {
                    for uid in &uids {
                        let r = match backend.delete_entity(uid).await {
                            Err(e) if e.is_not_found() => Ok(()),
                            r => r,
                        };
                        // Removing the location takes its entities with it anyway
                        // (these deletions only make it immediate, as Backstage does);
                        // on its own, a deletion must succeed.
                        if location.is_none() {
                            result = result.and(r);
                        }
                    }
                }
                let _ = working.try_set(false);
                match result {
                    Ok(()) => {
                        let _ = open.try_set(None);
                        router.navigate(&Route::Catalog.path(), false);
                    }
                    Err(e) => {
                        let _ = problem.try_set(Some(refusal(&e, what)));
                    }
                }
            });
        }
    };
    let own_uid = move || entity.with_value(|e| e.uid().map(str::to_string)).into_iter().collect::<Vec<_>>();
    let delete_only = {
        let remove = remove.clone();
        move |_| remove(None, own_uid(), "delete this entity")
    };

    view! {
        <dialog node_ref=dialog class="card dialog" aria-labelledby="unregister-title" on:close=move |_| close()>
            {move || match open.get() {
                None => ().into_any(),
                Some(Intent::Delete) => view! {
                    <h2 id="unregister-title">"Delete this entity?"</h2>
                    <p>{entity.with_value(|e| format!("{} is removed from the catalog. If a location still lists it, the catalog adds it again at its next refresh.", e.entity_ref()))}</p>
                    <div class="card-actions">
                        <button type="button" class="button danger" disabled=move || working.get() || may_delete.get() == Some(false) on:click=delete_only.clone()>"Delete entity"</button>
                        <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                    </div>
                }.into_any(),
                Some(Intent::Unregister) => {
                    let remove = remove.clone();
                    let delete_only = delete_only.clone();
                    view! {
                        <h2 id="unregister-title">"Unregister this entity?"</h2>
                        {move || match loaded.get() {
                            None | Some(Ok(None)) => view! { <Loading what="where this entity came from"/> }.into_any(),
                            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| loaded.refetch())/> }.into_any(),
                            Some(Ok(Some(Origin { location: None, .. }))) => {
                                let origin = entity.with_value(|e| e.origin_location().unwrap_or("the backend's configuration").to_string());
                                view! {
                                    <p>{format!("This entity comes from the backend's own configuration ({origin}), not from a registered location, so it cannot be unregistered here.")}</p>
                                    <p>"You can delete it, but the catalog adds it again at its next refresh unless its file is removed from the configuration."</p>
                                    <div class="card-actions">
                                        <button type="button" class="button danger" disabled=move || working.get() || may_delete.get() == Some(false) on:click=delete_only.clone()>"Delete entity"</button>
                                        <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                                    </div>
                                }.into_any()
                            }
                            Some(Ok(Some(Origin { location: Some(l), colocated }))) => {
                                let n = colocated.len();
                                let uids: Vec<String> = colocated.iter().filter_map(|e| e.uid().map(str::to_string)).collect();
                                let (remove, target) = (remove.clone(), l.target.clone());
                                let unregister = move |_| remove(Some(l.clone()), uids.clone(), "unregister this location");
                                view! {
                                    <p>{format!("This removes the location {target} and the {n} {} it added:", if n == 1 { "entity" } else { "entities" })}</p>
                                    <ul class="plain-list" aria-label="Entities to remove">
                                        {colocated.iter().map(|e| view! { <li><code>{e.entity_ref().to_string()}</code></li> }).collect_view()}
                                    </ul>
                                    <p class="muted">"To undo, register the location again."</p>
                                    {move || (may_unregister.get() == Some(false)).then(|| view! { <p class="notice">{denied("unregister locations")}</p> })}
                                    <div class="card-actions">
                                        <button type="button" class="button danger" disabled=move || working.get() || may_unregister.get() == Some(false) on:click=unregister>"Unregister location"</button>
                                        <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                                    </div>
                                    <details>
                                        <summary>"Advanced options"</summary>
                                        <p>"Delete only this entity. It comes back at the next refresh unless its location stops listing it."</p>
                                        <button type="button" class="button danger" disabled=move || working.get() || may_delete.get() == Some(false) on:click=delete_only.clone()>"Delete entity"</button>
                                    </details>
                                }.into_any()
                            }
                        }}
                    }.into_any()
                }
            }}
            {move || problem.get().map(|p| view! { <p class="notice warning" role="alert">{p}</p> })}
        </dialog>
    }
}
