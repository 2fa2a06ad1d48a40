use leptos::prelude::*;

use crate::shell::routes::Route;
use crate::ui::page_header::PageHeader;

/// Any path the portal does not know, inside the shell.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeader title="Page not found"/>
        <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
        <p><a href=Route::Catalog.href()>"Go to the catalog"</a></p>
    }
}
