//! The shell: configuration, session, theme, router and layout.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::Backend;
use crate::boot::load_config;
use crate::components::loading::Loading;
use crate::components::nav::Nav;
use crate::components::quick_switcher::QuickSwitcher;
use crate::components::theme_switch::ThemeSwitch;
use crate::components::user_menu::UserMenu;
use crate::config::Config;
use crate::lazy::lazy_page;
use crate::pages::{
    catalog::CatalogPage, config_error::ConfigErrorPage, not_found::NotFoundPage, sign_in::SignInPage, split,
};
use crate::model::route::{match_route, Route};
use crate::paths;
use crate::router::Router;
use crate::session::{Phase, Session, SessionState};
use crate::stars::Stars;
use crate::theme::Theme;

/// Loads the configuration, then starts the portal or explains why it cannot.
#[component]
pub fn Root() -> impl IntoView {
    let config = LocalResource::new(load_config);
    move || match config.get() {
        None => view! { <Loading what="Stagedoor"/> }.into_any(),
        Some(Ok(c)) => view! { <App config=c/> }.into_any(),
        Some(Err(e)) => view! { <ConfigErrorPage error=e/> }.into_any(),
    }
}

/// The page for a route (signed in).
fn page(route: Route) -> AnyView {
    match route {
        Route::Home | Route::Catalog => view! { <CatalogPage/> }.into_any(),
        Route::Entity(r) => lazy_page(split::entity_page, r),
        Route::Create => lazy_page(split::create_page, ()),
        Route::Template { namespace, name } => lazy_page(split::wizard_page, (namespace, name)),
        Route::Tasks => lazy_page(split::tasks_page, ()),
        Route::Task(id) => lazy_page(split::task_page, id),
        Route::Actions => lazy_page(split::actions_page, ()),
        Route::Docs => lazy_page(split::docs_page, ()),
        Route::DocsPage { entity, path } => lazy_page(split::docs_reader_page, (entity, path)),
        Route::Search => lazy_page(split::search_page, ()),
        Route::Settings => lazy_page(split::settings_page, ()),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    paths::init_from_document(crate::mount::in_host_page());
    let router = Router::install();
    // Embed mode (no header or navigation) is decided once: links followed
    // inside the frame keep it, and so does a reload of the frame.
    let embedded = crate::embed::active(config.embed, &router.location.get_untracked().query);
    let session = Session::new(&config.backend_base_url, &config.auth_environment);
    let backend = Backend::new(&config.backend_base_url, session.clone());
    let theme = Theme::install(config.theme);
    let stars = Stars::load(&config.backend_base_url);
    crate::mount::set_title(&config.app_title);
    provide_context(config.clone());
    provide_context(router);
    provide_context(session.clone());
    provide_context(backend);
    provide_context(theme);
    provide_context(stars);

    {
        let session = session.clone();
        spawn_local(async move { session.restore().await });
    }
    // Only a change of phase swaps the page; a token refresh does not.
    let state = session.state;
    let phase = Memo::new(move |_| state.with(SessionState::phase));
    // Only a change of route rebuilds the page; a query change does not.
    let route = Memo::new(move |_| router.location.with(|l| match_route(&l.path)));
    // Backstage's home is the catalog here: `/` becomes `/catalog`.
    Effect::new(move |_| {
        if route.get() == Route::Home {
            router.navigate("/catalog", true);
        }
    });
    if embedded {
        // After the first render, so the root element is there to measure.
        let origins = config.embed_parent_origins.clone();
        request_animation_frame(move || crate::embed::post_height_to_parent(&origins));
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
                <a class="app-title" href=paths::href("/catalog")>{logo}{title}</a>
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
