use leptos::prelude::*;

use crate::api::Backend;
use crate::ui::loaded::Loaded;

/// Says what the page cannot do when the backend lacks an optional plugin, and
/// nothing when it has it (asked once a page's life, see `Backend::has_plugin`).
#[component]
pub fn MissingPluginNotice(plugin: &'static str, label: &'static str, consequence: &'static str) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let present = Loaded::new(move || {
        let backend = backend.clone();
        async move { backend.has_plugin(plugin).await }
    });
    move || {
        (present.get() == Some(false)).then(|| {
            view! {
                <p class="notice warning" role="status">
                    {format!("This Backstage backend does not have the {label} plugin installed: {consequence}")}
                </p>
            }
        })
    }
}
