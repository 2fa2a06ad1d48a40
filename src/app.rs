//! The shell: configuration, session, theme, router and layout.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Backend;
use crate::boot::load_config;
use crate::components::loading::Loading;
use crate::components::nav::Nav;
use crate::components::theme_switch::ThemeSwitch;
use crate::components::user_menu::UserMenu;
use crate::config::Config;
use crate::pages::{
    catalog::CatalogPage, config_error::ConfigErrorPage, create::CreatePage, docs::DocsPage, entity::EntityPage,
    not_found::NotFoundPage, search::SearchPage, settings::SettingsPage, sign_in::SignInPage,
};
use crate::paths;
use crate::session::{Phase, Session, SessionState};
use crate::theme::Theme;

/// Loads the configuration, then starts the portal or explains why it cannot.
#[component]
pub fn Root() -> impl IntoView {
    let config = LocalResource::new(load_config);
    view! {
        <Suspense fallback=|| view! { <Loading what="Stagedoor"/> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(c) => view! { <App config=c/> }.into_any(),
                    Err(e) => view! { <ConfigErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let base = paths::init_from_document();
    let session = Session::new(&config.backend_base_url, &config.auth_environment);
    let backend = Backend::new(&config.backend_base_url, session.clone());
    let theme = Theme::install(config.theme);
    document().set_title(&config.app_title);
    provide_context(config.clone());
    provide_context(session.clone());
    provide_context(backend);
    provide_context(theme);

    {
        let session = session.clone();
        spawn_local(async move { session.restore().await });
    }
    // Only a change of phase swaps the page; a token refresh does not.
    let state = session.state;
    let phase = Memo::new(move |_| state.with(SessionState::phase));
    let title = config.app_title.clone();

    view! {
        <Router base=base>
            <a class="skip-link" href="#main" on:click=|ev| {
                ev.prevent_default();
                if let Some(m) = document().get_element_by_id("main") {
                    let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }>"Skip to content"</a>
            <header class="app-header">
                <a class="app-title" href=paths::href("/catalog")>{title}</a>
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
            {move || match phase.get() {
                Phase::Restoring => view! { <main id="main" tabindex="-1"><Loading what="your session"/></main> }.into_any(),
                Phase::SignedOut => {
                    let notice = match state.get_untracked() {
                        SessionState::SignedOut { notice } => notice,
                        _ => None,
                    };
                    view! { <SignInPage notice=notice/> }.into_any()
                }
                Phase::SignedIn => view! {
                    <main id="main" tabindex="-1" class="page">
                        <Routes fallback=NotFoundPage>
                            <Route path=path!("/") view=|| view! { <Redirect path="/catalog"/> }/>
                            <Route path=path!("/catalog") view=CatalogPage/>
                            <Route path=path!("/catalog/:namespace/:kind/:name") view=EntityPage/>
                            <Route path=path!("/create") view=CreatePage/>
                            <Route path=path!("/docs") view=DocsPage/>
                            <Route path=path!("/search") view=SearchPage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                        </Routes>
                    </main>
                }
                .into_any(),
            }}
        </Router>
    }
}
