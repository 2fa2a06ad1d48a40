use leptos::prelude::*;

/// Shown while a call is under way; announced politely to screen readers.
#[component]
pub fn Loading(#[prop(optional, into)] what: Option<String>) -> impl IntoView {
    let text = match what {
        Some(w) => format!("Loading {w}…"),
        None => "Loading…".to_string(),
    };
    view! { <p class="loading" role="status" aria-live="polite">{text}</p> }
}
