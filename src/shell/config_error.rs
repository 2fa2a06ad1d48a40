use leptos::prelude::*;

use crate::config::ConfigError;

/// A full page instead of a blank one when the configuration cannot be used.
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    view! {
        <main class="full-page-message" id="main">
            <h1>"Stagedoor cannot start: its configuration has a problem"</h1>
            <p class="error-message" role="alert">{error.to_string()}</p>
            <p>
                "Whoever deployed this portal needs to fix "
                <code>{error.source.clone()}</code>
                {error.field.clone().map(|f| view! { ", field " <code>{f}</code> })}
                ". The file sits beside index.html; see the README for its keys."
            </p>
        </main>
    }
}
