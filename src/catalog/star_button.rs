use leptos::prelude::*;

use crate::catalog::stars::Stars;
use crate::model::entity_ref::EntityRef;

/// Star / unstar one entity; `aria-pressed` tells its state.
#[component]
pub fn StarButton(entity_ref: EntityRef, #[prop(into)] label: String) -> impl IntoView {
    let stars = expect_context::<Stars>();
    let key = entity_ref.canonical();
    let k = key.clone();
    let on = Memo::new(move |_| stars.is_starred(&k));
    let name = Memo::new(move |_| if on.get() { format!("Unstar {label}") } else { format!("Star {label}") });
    view! {
        <button
            type="button"
            class="star-button"
            class:starred=on
            aria-pressed=move || if on.get() { "true" } else { "false" }
            aria-label=name
            title=name
            on:click=move |_| stars.toggle(&key)
        >
            {move || if on.get() { "★" } else { "☆" }}
        </button>
    }
}
