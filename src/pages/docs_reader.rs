//! `/docs/:namespace/:kind/:name/*path`: an entity's TechDocs inside the portal.
//! The backend builds the docs on demand (`/sync`, an event stream whose log the
//! user can open); then the page's HTML goes through `docs::page` (sanitized,
//! links rewritten) and shows at once — nothing waits for fonts or stylesheets
//! from outside, which an air-gapped intranet never gets.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::techdocs::SyncEvent;
use crate::api::{ApiError, Backend};
use crate::components::entity_link::EntityLink;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::config::Config;
use crate::docs::links::DocsLocation;
use crate::docs::page::{read_page, DocsPage, NavItem};
use crate::model::entity_ref::EntityRef;
use crate::paths;

/// Where the docs build stands.
#[derive(Clone, Debug, PartialEq)]
enum Build {
    Running,
    Ready { updated: bool },
    Failed(String),
}

thread_local! {
    /// Sites checked with the backend in this session: moving between their pages
    /// needs no new build check (and no new cookie).
    static SYNCED: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// How long a build may take before the page says so instead of spinning.
const BUILD_TIMEOUT_MS: i32 = 120_000;

#[component]
pub fn DocsReaderPage(entity: EntityRef, path: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let build = RwSignal::new(Build::Running);
    let log = RwSignal::new(Vec::<String>::new());
    let start = {
        let (backend, entity) = (backend.clone(), entity.clone());
        move || {
            let (backend, entity) = (backend.clone(), entity.clone());
            let key = entity.canonical();
            if SYNCED.with(|s| s.borrow().contains(&key)) {
                build.set(Build::Ready { updated: false });
                return;
            }
            build.set(Build::Running);
            log.set(vec![]);
            spawn_local(async move {
                // Best effort: without the cookie only images and downloads fail.
                let _ = backend.techdocs_cookie().await;
                let result = backend
                    .sync_techdocs(&entity, |e| match e {
                        SyncEvent::Log(line) => drop(log.try_update(|l| l.push(line))),
                        SyncEvent::Finish { updated } => {
                            SYNCED.with(|s| s.borrow_mut().insert(key.clone()));
                            drop(build.try_set(Build::Ready { updated }))
                        }
                        SyncEvent::Error(message) => drop(build.try_set(Build::Failed(message))),
                    })
                    .await;
                if let Err(e) = result {
                    let _ = build.try_set(Build::Failed(e.user_message()));
                } else if build.try_get_untracked() == Some(Build::Running) {
                    let _ = build.try_set(Build::Failed("The backend ended the docs build without saying whether it worked.".into()));
                }
            });
            set_timeout(
                move || {
                    if build.try_get_untracked() == Some(Build::Running) {
                        let _ = build.try_set(Build::Failed(format!("The docs build did not finish within {} seconds.", BUILD_TIMEOUT_MS / 1000)));
                    }
                },
                std::time::Duration::from_millis(BUILD_TIMEOUT_MS as u64),
            );
        }
    };
    start();
    let retry = StoredValue::new_local(start);
    let ready = Memo::new(move |_| matches!(build.get(), Build::Ready { .. }));
    let page = {
        let (backend, entity, path) = (backend.clone(), entity.clone(), path.clone());
        let allowed_hosts = expect_context::<Config>().docs_allowed_hosts.clone();
        LocalResource::new(move || {
            let (backend, entity, path, ready, allowed_hosts) = (backend.clone(), entity.clone(), path.clone(), ready.get(), allowed_hosts.clone());
            async move {
                if !ready {
                    return Ok(None);
                }
                let html = backend.techdocs_page(&entity, &path).await?;
                let at = DocsLocation {
                    static_base: backend.techdocs_static_base(&entity),
                    portal_base: paths::href(&format!("/docs/{}/{}/{}/", entity.namespace, entity.kind.to_ascii_lowercase(), entity.name)),
                    page_path: path,
                    allowed_hosts,
                };
                Ok::<_, ApiError>(Some(read_page(&html, &at)))
            }
        })
    };
    let show_log = RwSignal::new(false);
    view! {
        <div class="docs-reader">
            <p class="docs-entity">"Documentation of "<EntityLink entity_ref=entity.clone()/></p>
            {move || match build.get() {
                Build::Running => view! {
                    <div class="notice" role="status">
                        <p>"Building the docs… This takes a moment the first time."</p>
                        <button type="button" class="button small" aria-expanded=move || show_log.get().to_string() on:click=move |_| show_log.update(|s| *s = !*s)>
                            {move || if show_log.get() { "Hide the build log" } else { "Show the build log" }}
                        </button>
                        <Show when=move || show_log.get()>
                            <pre class="task-log" tabindex="0" aria-label="Build log">{move || log.get().join("\n")}</pre>
                        </Show>
                    </div>
                }.into_any(),
                Build::Failed(message) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-title">"The docs could not be built"</p>
                        <p class="error-message">{message}</p>
                        <pre class="task-log" tabindex="0" aria-label="Build log">{move || log.get().join("\n")}</pre>
                        <button type="button" class="button" on:click=move |_| retry.with_value(|f| f())>"Try again"</button>
                    </div>
                }.into_any(),
                Build::Ready { updated } => view! {
                    {updated.then(|| view! { <p class="notice" role="status">"A newer version of these docs was just built."</p> })}
                    {move || match page.get() {
                        None | Some(Ok(None)) => view! { <Loading what="the page"/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| page.refetch())/> }.into_any(),
                        Some(Ok(Some(p))) => docs_view(p),
                    }}
                }.into_any(),
            }}
        </div>
    }
}

fn nav_list(items: Vec<NavItem>, label: &'static str) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    view! { <ul class="docs-nav-list" aria-label=label>{items.into_iter().map(nav_item).collect_view()}</ul> }.into_any()
}

fn nav_item(item: NavItem) -> AnyView {
    let title = item.title.clone();
    let link = match item.href {
        Some(h) => view! { <a href=h aria-current=item.active.then_some("page")>{title}</a> }.into_any(),
        None => view! { <span class="docs-nav-section">{title}</span> }.into_any(),
    };
    let children = (!item.children.is_empty()).then(|| view! { <ul>{item.children.into_iter().map(nav_item).collect_view()}</ul> });
    view! { <li>{link}{children}</li> }.into_any()
}

fn docs_view(p: DocsPage) -> AnyView {
    document().set_title(&p.title);
    // Sanitized by `docs::page::sanitize`: an allowlist of tags and attributes, no
    // script or handler, every URL checked.
    let html = p.content_html;
    view! {
        <div class="docs-layout">
            <nav class="docs-nav" aria-label="Documentation pages">{nav_list(p.nav, "Pages")}</nav>
            <article class="docs-content" inner_html=html></article>
            <nav class="docs-toc" aria-label="On this page">{nav_list(p.toc, "Sections")}</nav>
        </div>
    }
    .into_any()
}
