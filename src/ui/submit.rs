//! A form's submit handler that runs an action instead of navigating: Enter in
//! a field and the submit button both do the page's one thing.

/// `on:submit=submit_with(action)`.
pub fn submit_with(action: impl Fn() + 'static) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    move |ev| {
        ev.prevent_default();
        action();
    }
}
