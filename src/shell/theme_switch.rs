use leptos::prelude::*;

use crate::shell::theme::Theme;

/// One button that flips between light and dark; its name says what it will do.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = expect_context::<Theme>();
    let label = move || if theme.is_dark() { "Switch to light theme" } else { "Switch to dark theme" };
    view! {
        <button type="button" class="icon-button" aria-label=label title=label on:click=move |_| theme.toggle()>
            {move || if theme.is_dark() { "☀" } else { "☾" }}
        </button>
    }
}
