use leptos::prelude::*;

use crate::api::ApiError;

/// What went wrong, in words, with a retry button when trying again can help.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let retry = on_retry.filter(|_| error.is_retryable() || error.status().is_some_and(|s| s != 401 && s != 404));
    view! {
        <div class="error-panel" role="alert">
            <p class="error-title">"Something went wrong"</p>
            <p class="error-message">{error.user_message()}</p>
            {retry.map(|cb| view! { <button type="button" class="button" on:click=move |_| cb.run(())>"Try again"</button> })}
        </div>
    }
}
