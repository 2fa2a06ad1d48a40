//! Where the user's stars are kept, in words, and "Try again" when the backend
//! could not read or save them.

use leptos::prelude::*;

use crate::catalog::stars::{KeptIn, Stars};

/// A problem is always shown; where the stars are kept only when `info` is on.
#[component]
pub fn StarsNote(#[prop(into)] info: Signal<bool>) -> impl IntoView {
    let stars = expect_context::<Stars>();
    move || match stars.kept_in.get() {
        KeptIn::BrowserAfterError(problem) => view! {
            <div class="notice warning" role="status">
                <p>{problem}" Until then your stars are kept in this browser; nothing is lost."</p>
                <button type="button" class="button" on:click=move |_| stars.retry()>"Try again"</button>
            </div>
        }
        .into_any(),
        kept => {
            // One view for the three sentences: each distinct view is compiled apart.
            let sentence = match kept {
                KeptIn::Checking => "Looking up where your stars are kept…",
                KeptIn::Server => "Your stars are kept by the backend: they follow you to every browser you sign in with.",
                KeptIn::Browser | KeptIn::BrowserAfterError(_) => {
                    "Your stars are kept in this browser only: this backend has no user-settings plugin to keep them."
                }
            };
            info.get().then(|| view! { <p class="muted stars-note">{sentence}</p> }).into_any()
        }
    }
}
