//! `/docs/:namespace/:kind/:name/*path`: an entity's TechDocs inside the portal.
//! The backend builds the docs on demand (`/sync`, an event stream whose log the
//! user can open); then the page's HTML goes through `docs::page` (sanitized,
//! links rewritten) and shows at once — nothing waits for fonts or stylesheets
//! from outside, which an air-gapped intranet never gets.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::Backend;
use crate::browser::{copy_text, event_closest};
use crate::config::Config;
use crate::docs::page::{DocsPage, NavItem};
use crate::docs::pages;
use crate::docs::search::DocsSearch;
use crate::docs::state::{Build, Check, DocsState, SiteBuild};
use crate::model::entity_ref::EntityRef;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::entity_link::EntityLink;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loading::Loading;
use wasm_bindgen::JsCast;

/// Scrolls to the URL's fragment once the page's content is in the document.
/// Links from search results carry mkdocs' own ids (`#ranking`), which the
/// reader keeps with its prefix (`#doc-ranking`).
fn scroll_to_fragment(hash: &str) {
    if hash.is_empty() {
        return;
    }
    if !crate::browser::scroll_to_id(hash) {
        crate::browser::scroll_to_id(&crate::docs::links::anchor_id(hash));
    }
}

#[component]
pub fn DocsReaderPage(entity: EntityRef, path: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let state = DocsState::session();
    let key = entity.canonical();
    let check = state.check(&key);
    let build = RwSignal::new(if check == Some(Check::Done) { Build::Done } else { Build::Running });
    let log = RwSignal::new(Vec::<String>::new());
    // A build replaced the version on screen: offer to show the new one.
    let stale = RwSignal::new(false);

    // The page is fetched at once, next to the build check: docs built before show
    // right away (404 means "not built yet", and the build's end fetches again).
    let allowed_hosts = expect_context::<Config>().docs_allowed_hosts.clone();
    let page = {
        let (backend, entity, path, allowed_hosts) = (backend.clone(), entity.clone(), path.clone(), allowed_hosts.clone());
        LocalResource::new(move || {
            let (backend, entity, path, allowed_hosts) = (backend.clone(), entity.clone(), path.clone(), allowed_hosts.clone());
            async move {
                let (_, page) = futures::join!(state.ensure_cookie(&backend), pages::load(&backend, &entity, &path, &allowed_hosts));
                page
            }
        })
    };
    let shown = move || matches!(page.get_untracked(), Some(Ok(Some(_))));

    let site = SiteBuild { build, log, stale };
    let retry = {
        let (backend, entity) = (backend.clone(), entity.clone());
        StoredValue::new_local(move || site.start(&backend, &entity, &state, shown, move || page.refetch()))
    };
    match check {
        None => retry.with_value(|f| f()),
        Some(Check::Done) => {}
        // Another page of this site started the check: wait for its outcome.
        Some(Check::Running) => site.follow(state, key, shown, move || page.refetch(), move || retry.with_value(|f| f())),
    }
    let show_log = RwSignal::new(false);
    let build_log =
        move || view! { <pre class="task-log" role="log" tabindex="0" aria-label="Build log">{move || log.get().join("\n")}</pre> };
    let router = use_router();
    let hash = router.location.get_untracked().hash;
    let refresh = {
        let (backend, entity) = (backend.clone(), entity.clone());
        StoredValue::new_local(move || {
            stale.set(false);
            pages::forget_site(&backend, &entity);
            page.refetch();
        })
    };
    view! {
        <div class="docs-reader">
            <div class="docs-header">
                <DocsOwner entity=entity.clone()/>
                <DocsSearch entity=entity.clone()/>
            </div>
            <Show when=move || stale.get()>
                <div class="notice" role="status">
                    "A newer version of these docs is available. "
                    <button type="button" class="button small" on:click=move |_| refresh.with_value(|f| f())>"Refresh"</button>
                </div>
            </Show>
            {move || match (page.get(), build.get()) {
                (Some(Ok(Some(p))), b) => {
                    let warning = match b {
                        Build::Failed(m) => Some(view! { <p class="notice warning" role="status">{format!("The docs could not be rebuilt, so this is the last version built. {m}")}</p> }),
                        _ => None,
                    };
                    let hash = hash.clone();
                    view! { {warning}{docs_view(p, hash, Prefetch { backend: backend.clone(), entity: entity.clone(), allowed_hosts: allowed_hosts.clone() })} }.into_any()
                }
                (Some(Err(e)), _) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| page.refetch())/> }.into_any(),
                (_, Build::Failed(message)) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-title">"The docs could not be built"</p>
                        <p class="error-message">{message}</p>
                        {build_log()}
                        <button type="button" class="button" on:click=move |_| retry.with_value(|f| f())>"Try again"</button>
                    </div>
                }.into_any(),
                (Some(Ok(None)), Build::Running) => view! {
                    <div class="notice" role="status">
                        <p>"Building the docs… This takes a moment the first time."</p>
                        <button type="button" class="button small" aria-expanded=move || show_log.get().to_string() on:click=move |_| show_log.update(|s| *s = !*s)>
                            {move || if show_log.get() { "Hide the build log" } else { "Show the build log" }}
                        </button>
                        <Show when=move || show_log.get()>{build_log()}</Show>
                    </div>
                }.into_any(),
                (Some(Ok(None)), Build::Done) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-title">"This page is not part of the docs"</p>
                        <p class="error-message">"The docs were built, but they have no page at this address."</p>
                    </div>
                }.into_any(),
                (None, _) => view! { <Loading what="the page"/> }.into_any(),
            }}
        </div>
    }
}

/// "Documentation of Checkout Service · Owner: Payments Team", linking to both.
#[component]
fn DocsOwner(entity: EntityRef) -> impl IntoView {
    let (backend, state) = (expect_context::<Backend>(), DocsState::session());
    let key = entity.canonical();
    let about = LocalResource::new(move || {
        let (backend, key) = (backend.clone(), key.clone());
        async move { state.about(&backend, &key).await }
    });
    view! {
        <p class="docs-entity">
            "Documentation of "
            {move || {
                let (title, owner) = about.get().flatten().map(|(t, o)| (Some(t), o)).unwrap_or((None, None));
                let link = match title {
                    Some(t) => view! { <EntityLink entity_ref=entity.clone() label=t/> }.into_any(),
                    None => view! { <EntityLink entity_ref=entity.clone()/> }.into_any(),
                };
                view! { {link}{owner.map(|o| view! { " · Owner: "<EntityLink entity_ref=o hide_kind="group"/> })} }
            }}
        </p>
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

/// The site page a portal link leads to, if it is one of this site's.
fn site_page(href: &str, entity: &EntityRef) -> Option<String> {
    let path = paths::mount().app_path_of_href(href)?;
    match crate::shell::routes::Route::parse(&path) {
        Route::DocsPage { entity: e, path } if e == *entity => Some(path),
        _ => None,
    }
}

const NEIGHBOUR_DELAY_MS: u64 = 800;

/// What a docs page needs to load the site's other pages ahead of a click.
#[derive(Clone)]
struct Prefetch {
    backend: Backend,
    entity: EntityRef,
    allowed_hosts: Vec<String>,
}

impl Prefetch {
    /// Loads the site page a link leads to, if it is one of this site's: fetched
    /// only, or fetched and read.
    fn link(&self, href: &str, read: bool) {
        match site_page(href, &self.entity) {
            Some(path) if read => pages::prefetch_read(&self.backend, &self.entity, &path, &self.allowed_hosts),
            Some(path) => pages::prefetch_fetch(&self.backend, &self.entity, &path),
            None => {}
        }
    }
}

/// Loads the pages next to this one in the navigation, the likely next clicks.
fn prefetch_neighbours(nav: &[NavItem], prefetch: &Prefetch, read: bool) {
    fn flatten<'a>(items: &'a [NavItem], out: &mut Vec<&'a NavItem>) {
        for i in items {
            out.push(i);
            flatten(&i.children, out);
        }
    }
    let mut all = vec![];
    flatten(nav, &mut all);
    let links: Vec<(&str, bool)> = all.iter().filter_map(|i| Some((i.href.as_deref()?, i.active))).collect();
    let at = links.iter().position(|(_, active)| *active).unwrap_or(0);
    for (i, (href, _)) in links.iter().enumerate() {
        if i != at && i.abs_diff(at) <= 2 {
            prefetch.link(href, read);
        }
    }
}

fn docs_view(p: DocsPage, hash: String, prefetch: Prefetch) -> AnyView {
    crate::shell::mount::set_title(&p.title);
    // Sanitized by `docs::page::sanitize`: an allowlist of tags and attributes, no
    // script or handler, every URL checked.
    let html = p.content_html;
    let article = NodeRef::<leptos::html::Article>::new();
    let nav = p.nav.clone();
    let neighbours = prefetch.clone();
    article.on_load(move |el| {
        add_copy_buttons(&el);
        // Fetched at once (network only), read after a moment of reading, so the
        // parsing never competes with this page's own first clicks.
        prefetch_neighbours(&nav, &neighbours, false);
        set_timeout(move || prefetch_neighbours(&nav, &neighbours, true), std::time::Duration::from_millis(NEIGHBOUR_DELAY_MS));
        // After layout, so the target is where it will stay.
        request_animation_frame(move || scroll_to_fragment(&hash));
    });
    // A link pointed at is likely the next click: fetch its page already.
    let on_pointer = move |ev: leptos::ev::PointerEvent| {
        if let Some(h) = event_closest(&ev, "a[href]").and_then(|a| a.get_attribute("href")) {
            prefetch.link(&h, true);
        }
    };
    view! {
        <div class="docs-layout" on:pointerover=on_pointer>
            <nav class="docs-nav" aria-label="Documentation pages">{nav_list(p.nav, "Pages")}</nav>
            <article class="docs-content" node_ref=article inner_html=html on:click=copy_code></article>
            <nav class="docs-toc" aria-label="On this page">{nav_list(p.toc, "Sections")}</nav>
        </div>
    }
    .into_any()
}

/// A "Copy" button on every code block (the portal's own element, added after the
/// sanitized HTML is in place).
fn add_copy_buttons(article: &web_sys::HtmlElement) {
    let Ok(blocks) = article.query_selector_all("pre") else { return };
    for i in 0..blocks.length() {
        let Some(pre) = blocks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        // Line-number columns are `pre`s too; only the code gets a button.
        if pre.closest(".linenos").ok().flatten().is_some() {
            continue;
        }
        if let Ok(button) = document().create_element("button") {
            let _ = button.set_attribute("type", "button");
            let _ = button.set_attribute("class", "docs-copy button small secondary");
            let _ = button.set_attribute("aria-label", "Copy code");
            button.set_text_content(Some("Copy"));
            let _ = pre.before_with_node_1(&button);
        }
    }
}

/// One listener for every copy button: copies the code block after it.
fn copy_code(ev: leptos::ev::MouseEvent) {
    let Some(button) = event_closest(&ev, "button.docs-copy") else { return };
    let code = button.next_element_sibling().and_then(|pre| pre.text_content()).unwrap_or_default();
    spawn_local(async move {
        let done = copy_text(&code).await;
        button.set_text_content(Some(if done { "Copied" } else { "Copy failed" }));
        let _ = button.set_attribute("aria-label", if done { "Code copied" } else { "Copying failed" });
    });
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(docs_reader, docs_reader_page, (EntityRef, String), |(entity, path): (EntityRef, String)| {
    view! { <DocsReaderPage entity=entity path=path/> }.into_any()
});
