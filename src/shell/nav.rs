use leptos::prelude::*;

use crate::shell::paths::is_in_section;
use crate::shell::router::use_router;
use crate::shell::routes::Route;

/// The portal's sections, in Backstage's order.
pub const SECTIONS: [(&str, Route); 5] = [
    ("Catalog", Route::Catalog),
    ("Create", Route::Create),
    ("Docs", Route::Docs),
    ("Search", Route::Search),
    ("Settings", Route::Settings),
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
                    .map(|(label, route)| {
                        let section = route.path();
                        let current = move || router.location.with(|l| is_in_section(&l.path, &section)).then_some("page");
                        view! { <li><a href=route.href() aria-current=current>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
