use leptos::prelude::*;

use crate::api::session::{Session, SessionState};
use crate::model::entity_ref::EntityRef;
use crate::shell::routes::Route;

/// The signed-in user's name, with a menu holding Settings and Sign out.
#[component]
pub fn UserMenu() -> impl IntoView {
    let session = expect_context::<Session>();
    let open = RwSignal::new(false);
    let state = session.state;
    let name = move || match state.get() {
        SessionState::SignedIn(s) => s
            .profile
            .display_name
            .clone()
            .or_else(|| EntityRef::parse(&s.user_entity_ref, Some("user"), "default").map(|r| r.name))
            .unwrap_or_else(|| s.user_entity_ref.clone()),
        _ => String::new(),
    };
    let sign_out = move |_| {
        open.set(false);
        session.sign_out();
    };
    view! {
        <div class="user-menu">
            <button
                type="button"
                class="user-button"
                aria-haspopup="true"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="user-menu-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">"Signed in as "</span>
                {name}
            </button>
            <ul id="user-menu-list" class="user-menu-list" hidden=move || !open.get()>
                <li><a href=Route::Settings.href() on:click=move |_| open.set(false)>"Settings"</a></li>
                <li><button type="button" class="menu-item" on:click=sign_out>"Sign out"</button></li>
            </ul>
        </div>
    }
}
