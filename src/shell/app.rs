//! The app: the configuration gate (`Root`), then contexts, header, router and
//! the page for the route (`App`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::session::{Phase, Session, SessionState};
use crate::api::Backend;
use crate::catalog::entity::page::entity_page;
use crate::catalog::list::CatalogPage;
use crate::catalog::stars::Stars;
use crate::catalog_import::pages::{manage_view, ManageView};
use crate::config::Config;
use crate::docs::index::docs_page;
use crate::docs::reader::docs_reader_page;
use crate::scaffolder::actions::actions_page;
use crate::scaffolder::editor::fields::field_explorer_page;
use crate::scaffolder::editor::page::template_editor_page;
use crate::scaffolder::task::task_page;
use crate::scaffolder::tasks::tasks_page;
use crate::scaffolder::templates::templates_page;
use crate::scaffolder::wizard::wizard_page;
use crate::search::page::search_page;
use crate::shell::boot::load_config;
use crate::shell::config_error::ConfigErrorPage;
use crate::shell::lazy::lazy_page;
use crate::shell::nav::Nav;
use crate::shell::not_found::NotFoundPage;
use crate::shell::paths;
use crate::shell::quick_switcher::QuickSwitcher;
use crate::shell::router::Router;
use crate::shell::routes::Route;
use crate::shell::settings::settings_page;
use crate::shell::sign_in::SignInPage;
use crate::shell::theme::Theme;
use crate::shell::theme_switch::ThemeSwitch;
use crate::shell::user_menu::UserMenu;
use crate::ui::loaded::Loaded;
use crate::ui::loading::Loading;

/// Loads the configuration, then starts the portal or explains why it cannot.
#[component]
pub fn Root() -> impl IntoView {
    let config = Loaded::new(load_config);
    move || match config.get() {
        None => view! { <Loading what="Stagedoor"/> }.into_any(),
        Some(Ok(c)) => view! { <App config=c/> }.into_any(),
        Some(Err(e)) => view! { <ConfigErrorPage error=e/> }.into_any(),
    }
}

/// Mounts the portal where the page asks for it (`main` calls this).
pub fn start() {
    if let Some(el) = crate::shell::mount::claim() {
        leptos::mount::mount_to(el, Root).forget();
    }
}

/// The page for a route (signed in). Every page but the catalog is a chunk of its
/// own (`Route::chunk` names it), defined beside the page (`split_page!`).
fn page(route: Route) -> AnyView {
    let styles = route.styles();
    match route {
        Route::Home | Route::Catalog => view! { <CatalogPage/> }.into_any(),
        Route::Entity(r) => lazy_page(entity_page, styles, r),
        Route::CatalogImport => lazy_page(manage_view, styles, ManageView::Register),
        Route::ValidateEntities => lazy_page(manage_view, styles, ManageView::Validate),
        Route::CatalogExport => lazy_page(manage_view, styles, ManageView::Export),
        Route::Create => lazy_page(templates_page, styles, ()),
        Route::TemplateEditor => lazy_page(template_editor_page, styles, ()),
        Route::FieldExplorer => lazy_page(field_explorer_page, styles, ()),
        Route::Template { namespace, name } => lazy_page(wizard_page, styles, (namespace, name)),
        Route::Tasks => lazy_page(tasks_page, styles, ()),
        Route::Task(id) => lazy_page(task_page, styles, id),
        Route::Actions => lazy_page(actions_page, styles, ()),
        Route::Docs => lazy_page(docs_page, styles, ()),
        Route::DocsPage { entity, path } => lazy_page(docs_reader_page, styles, (entity, path)),
        Route::Search => lazy_page(search_page, styles, ()),
        Route::Settings => lazy_page(settings_page, styles, ()),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// Starts loading the route's chunk at once, while the session is still being
/// restored: the page's `lazy_page` then finds it loaded (the splitter's loader
/// keeps a module it has loaded, so nothing is fetched twice).
fn warm(route: &Route) {
    fn load<T: 'static>(f: impl std::future::Future<Output = T> + 'static) {
        spawn_local(async move {
            let _ = f.await;
        });
    }
    // Its stylesheets too (inserted now; the page waits for them).
    let _ = crate::ui::page_style::start(route.styles());
    match route {
        Route::Entity(_) => load(entity_page()),
        Route::CatalogImport | Route::ValidateEntities | Route::CatalogExport => load(manage_view()),
        Route::Create => load(templates_page()),
        Route::TemplateEditor | Route::FieldExplorer => load(template_editor_page()),
        Route::Template { .. } | Route::Tasks | Route::Task(_) | Route::Actions => load(wizard_page()),
        Route::Docs => load(docs_page()),
        Route::DocsPage { .. } => load(docs_reader_page()),
        Route::Search => load(search_page()),
        Route::Settings => load(settings_page()),
        Route::Home | Route::Catalog | Route::NotFound => {}
    }
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    paths::init_from_document(crate::shell::mount::in_host_page());
    let router = Router::install();
    // Embed mode (no header or navigation) is decided once: links followed
    // inside the frame keep it, and so does a reload of the frame.
    let embedded = crate::shell::embed::active(config.embed, &router.location.get_untracked().query);
    let session = Session::new(&config.backend_base_url, &config.auth_environment);
    let backend = Backend::new(&config.backend_base_url, session.clone());
    let theme = Theme::install(config.theme);
    let stars = Stars::load(&config.backend_base_url);
    crate::shell::mount::set_title(&config.app_title);
    provide_context(config.clone());
    provide_context(router);
    provide_context(session.clone());
    provide_context(backend.clone());
    provide_context(theme);
    provide_context(stars);

    {
        let session = session.clone();
        spawn_local(async move { session.restore().await });
    }
    // Stars are read from the backend once per user signed in, not per refresh.
    {
        let (backend, state) = (backend.clone(), session.state);
        Effect::new(move |last: Option<Option<String>>| {
            let user = state.with(|s| match s {
                SessionState::SignedIn(s) => Some(s.user_entity_ref.clone()),
                _ => None,
            });
            if let Some(u) = user.as_ref().filter(|_| last.as_ref() != Some(&user)) {
                stars.sync(backend.clone(), u.clone());
            }
            user
        });
    }
    // Only a change of phase swaps the page; a token refresh does not.
    let state = session.state;
    let phase = Memo::new(move |_| state.with(SessionState::phase));
    // Only a change of route rebuilds the page; a query change does not.
    let route = Memo::new(move |_| router.location.with(|l| Route::parse(&l.path)));
    warm(&route.get_untracked());
    // Backstage's home is the catalog here: `/` becomes `/catalog`.
    Effect::new(move |_| {
        if route.get() == Route::Home {
            router.navigate(&Route::Catalog.path(), true);
        }
    });
    if embedded {
        // After the first render, so the root element is there to measure.
        let origins = config.embed_parent_origins.clone();
        request_animation_frame(move || crate::shell::embed::post_height_to_parent(&origins));
    }
    let title = config.app_title.clone();
    // Decorative beside the title, which names the portal already.
    let logo = config.app_logo_url.clone().map(|src| view! { <img class="app-logo" src=src alt=""/> });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>"Skip to content"</a>
        {(!embedded).then(|| view! {
            <header class="app-header">
                <a class="app-title" href=Route::Catalog.href()>{logo}{title}</a>
                <Show when=move || phase.get() == Phase::SignedIn>
                    <Nav/>
                </Show>
                <div class="header-tools">
                    <ThemeSwitch/>
                    <Show when=move || phase.get() == Phase::SignedIn>
                        <UserMenu/>
                    </Show>
                </div>
            </header>
        })}
        {move || match phase.get() {
            Phase::Restoring => view! { <main id="main" tabindex="-1"><Loading what="your session"/></main> }.into_any(),
            Phase::SignedOut => {
                let notice = match state.get_untracked() {
                    SessionState::SignedOut { notice } => notice,
                    _ => None,
                };
                view! { <SignInPage notice=notice/> }.into_any()
            }
            Phase::SignedIn => view! { <main id="main" tabindex="-1" class="page">{move || page(route.get())}</main><QuickSwitcher/> }.into_any(),
        }}
    }
}
