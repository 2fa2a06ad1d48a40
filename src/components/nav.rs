use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::paths::{base, href, is_in_section, strip_base};

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
    let location = use_location();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {SECTIONS
                    .into_iter()
                    .map(|(label, path)| {
                        let current = move || {
                            let pathname = location.pathname.get();
                            is_in_section(strip_base(&base(), &pathname), path).then_some("page")
                        };
                        view! { <li><a href=href(path) aria-current=current>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
