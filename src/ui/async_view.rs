use leptos::prelude::*;

use crate::api::ApiError;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;
use crate::ui::loading::Loading;

/// Renders one backend call: "Loading…" until the first answer, then the result,
/// or the error in words with a retry. While a call is repeated the last result
/// stays on screen (like `<Transition>`). Plain `get()` instead of
/// `<Suspense>`/`Suspend` keeps the wasm smaller: no future per page.
pub fn async_view<T, V>(
    res: Loaded<Result<T, ApiError>>,
    what: &'static str,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match res.get() {
        None => view! { <Loading what=what/> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(error)) => view! { <ErrorPanel error=error on_retry=Callback::new(move |_| res.refetch())/> }.into_any(),
    }
}
