use leptos::prelude::*;

use crate::shell::paths::{href, is_in_section};
use crate::shell::router::use_router;

/// The portal's sections, in Backstage's order.
pub const SECTIONS: [(&str, &str); 5] = [
    ("Catalog", "/catalog"),
    ("Create", "/create"),
    ("Docs", "/docs"),
    ("Search", "/search"),
    ("Settings", "/settings"),
];

/// Main navigation; the current section carries `aria-current="page"`.
#[component]
pub fn Nav() -> impl IntoView {
    let router = use_router();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {SECTIONS
                    .into_iter()
                    .map(|(label, path)| {
                        let current = move || router.location.with(|l| is_in_section(&l.path, path)).then_some("page");
                        view! { <li><a href=href(path) aria-current=current>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
