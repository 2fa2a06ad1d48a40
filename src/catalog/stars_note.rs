//! Where the user's stars are kept: drawn by the `stars` chunk once it is there
//! (catalog/stars/note.rs), so the first page does not carry it.

use leptos::prelude::*;

use crate::catalog::stars::{KeptIn, Stars};

#[component]
pub fn StarsNote(#[prop(into)] info: Signal<bool>) -> impl IntoView {
    let stars = expect_context::<Stars>();
    move || match stars.note.get() {
        Some(note) => note(stars, info),
        // The chunk could not be fetched: say so, in the simplest words.
        None => match stars.kept_in.get() {
            KeptIn::BrowserAfterError(problem) => view! { <p class="notice warning" role="status">{problem}</p> }.into_any(),
            _ => ().into_any(),
        },
    }
}
