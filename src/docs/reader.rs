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
use crate::docs::in_browser::{self, add_copy_buttons};
use crate::docs::page::{nav_html, DocsPage, NavItem};
use crate::docs::pages::{self, Article, PageError};
use crate::docs::search::DocsSearch;
use crate::docs::state::{Build, Check, DocsState, OnScreen, SiteBuild};
use crate::model::entity_ref::EntityRef;
use crate::shell::lazy::code_missing;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::entity_link::EntityLink;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;
use crate::ui::loading::Loading;

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
    let router = use_router();
    let hash = router.location.get_untracked().hash;
    // A link to a heading waits for the whole page, where the heading is.
    let preview = hash.is_empty();
    let page = {
        let (backend, entity, path, allowed_hosts) = (backend.clone(), entity.clone(), path.clone(), allowed_hosts.clone());
        Loaded::new(move || {
            let (backend, entity, path, allowed_hosts) = (backend.clone(), entity.clone(), path.clone(), allowed_hosts.clone());
            async move {
                let (_, page) =
                    futures::join!(state.ensure_cookie(&backend), pages::load(&backend, &entity, &path, &allowed_hosts, preview));
                page
            }
        })
    };
    let on_screen = move || match page.get_untracked() {
        None => OnScreen::Reading,
        Some(Ok(Some(_))) => OnScreen::Page,
        Some(_) => OnScreen::NoPage,
    };

    let site = SiteBuild { build, log, stale };
    let retry = {
        let (backend, entity) = (backend.clone(), entity.clone());
        StoredValue::new_local(move || site.start(&backend, &entity, &state, on_screen, move || page.refetch()))
    };
    match check {
        None => retry.with_value(|f| f()),
        Some(Check::Done) => {}
        // Another page of this site started the check: wait for its outcome.
        Some(Check::Running) => site.follow(state, key, on_screen, move || page.refetch(), move || retry.with_value(|f| f())),
    }
    let show_log = RwSignal::new(false);
    let build_log =
        move || view! { <pre class="task-log" role="log" tabindex="0" aria-label="Build log">{move || log.get().join("\n")}</pre> };
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
            // What the build and the page's state say, apart from the page itself:
            // the build ending must not lay out a big page a second time.
            {move || match (page.with(|p| p.as_ref().map(|r| r.as_ref().map(Option::is_some).map_err(|_| ()))), build.get()) {
                (Some(Err(())), _) | (Some(Ok(true)), Build::Running | Build::Done) => ().into_any(),
                (Some(Ok(true)), Build::Failed(m)) => {
                    view! { <p class="notice warning" role="status">{format!("The docs could not be rebuilt, so this is the last version built. {m}")}</p> }.into_any()
                }
                (_, Build::Failed(message)) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-title">"The docs could not be built"</p>
                        <p class="error-message">{message}</p>
                        {build_log()}
                        <button type="button" class="button" on:click=move |_| retry.with_value(|f| f())>"Try again"</button>
                    </div>
                }.into_any(),
                (Some(Ok(false)), Build::Running) => view! {
                    <div class="notice" role="status">
                        <p>"Building the docs… This takes a moment the first time."</p>
                        <button type="button" class="button small" aria-expanded=move || show_log.get().to_string() on:click=move |_| show_log.update(|s| *s = !*s)>
                            {move || if show_log.get() { "Hide the build log" } else { "Show the build log" }}
                        </button>
                        <Show when=move || show_log.get()>{build_log()}</Show>
                    </div>
                }.into_any(),
                (Some(Ok(false)), Build::Done) => view! {
                    <div class="error-panel" role="alert">
                        <p class="error-title">"This page is not part of the docs"</p>
                        <p class="error-message">"The docs were built, but they have no page at this address."</p>
                    </div>
                }.into_any(),
                (None, _) => view! { <Loading what="the page"/> }.into_any(),
            }}
            {move || match page.get() {
                Some(Ok(Some(p))) => docs_view(p, hash.clone(), Prefetch { backend: backend.clone(), entity: entity.clone(), allowed_hosts: allowed_hosts.clone() }),
                Some(Err(PageError::Backend(e))) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| page.refetch())/> }.into_any(),
                Some(Err(PageError::Code)) => code_missing(Callback::new(move |_| page.refetch())),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// "Documentation of Checkout Service · Owner: Payments Team", linking to both.
#[component]
fn DocsOwner(entity: EntityRef) -> impl IntoView {
    let (backend, state) = (expect_context::<Backend>(), DocsState::session());
    let key = entity.canonical();
    let about = Loaded::new(move || {
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

fn docs_view(p: DocsPage<Article>, hash: String, prefetch: Prefetch) -> AnyView {
    crate::shell::mount::set_title(&p.title);
    // Sanitized by the browser's Sanitizer or `docs::page::sanitize`: an allowlist
    // of tags and attributes, no script or handler, every URL checked.
    let (html, nodes) = match p.content {
        Article::Html(html) => (Some(html), None),
        Article::Nodes(nodes) => (None, Some(nodes)),
    };
    let article = NodeRef::<leptos::html::Article>::new();
    let nav = p.nav.clone();
    let neighbours = prefetch.clone();
    let (toc_html, toc_rest) = in_browser::toc_html(&p.toc, "Sections");
    let toc = NodeRef::<leptos::html::Nav>::new();
    toc.on_load(move |el| in_browser::toc_rest(&el, &toc_rest));
    article.on_load(move |el| {
        // Moved in (from the last visit's page, if any): no copy, no parse; its
        // copy buttons were added when it was read.
        match nodes {
            Some(nodes) => in_browser::show(&el, &nodes, !hash.is_empty()),
            None => spawn_local(async move { add_copy_buttons(&el).await }),
        }
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
        <div class=in_browser::LAYOUT_CLASS on:pointerover=on_pointer>
            <nav class="docs-nav" aria-label="Documentation pages" inner_html=nav_html(&p.nav, "Pages")></nav>
            <article class="docs-content" node_ref=article inner_html=html on:click=copy_code></article>
            <nav class=in_browser::TOC_CLASS aria-label="On this page" node_ref=toc inner_html=toc_html></nav>
        </div>
    }
    .into_any()
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
