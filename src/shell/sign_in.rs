//! The sign-in page, shown in place of any page while nobody is signed in, so the
//! address the user came to is kept and shown after sign-in.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::session::Session;
use crate::config::Config;

#[component]
pub fn SignInPage(notice: Option<String>) -> impl IntoView {
    let config = expect_context::<Config>();
    let session = expect_context::<Session>();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(None::<String>);

    let sign_in = move |provider: String| {
        let session = session.clone();
        error.set(None);
        busy.set(Some(provider.clone()));
        spawn_local(async move {
            let result = session.sign_in(&provider).await;
            busy.set(None);
            if let Err(e) = result {
                error.set(Some(e));
            }
        });
    };
    let providers = config.auth_providers.clone();
    view! {
        <main class="sign-in" id="main">
            <h1>{format!("Sign in to {}", config.app_title)}</h1>
            {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <ul class="sign-in-providers">
                {providers.into_iter().map(|p| {
                    let label = if p.id == "guest" { "Enter as guest".to_string() } else { format!("Sign in with {}", p.title) };
                    let sign_in = sign_in.clone();
                    let id = p.id.clone();
                    view! {
                        <li class="card">
                            <h2>{p.title}</h2>
                            <button type="button" class="button" disabled=move || busy.get().is_some() on:click=move |_| sign_in(id.clone())>{label}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || busy.get().map(|_| view! { <p class="loading" role="status">"Signing in…"</p> })}
            {move || error.get().map(|e| view! {
                <div class="error-panel" role="alert">
                    <p class="error-title">"Sign-in failed"</p>
                    <p class="error-message">{e}</p>
                </div>
            })}
        </main>
    }
}
