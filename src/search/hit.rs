//! One search result: its title linked to the portal's own page, what it is, and
//! the matched words marked. Backend text only ever becomes text nodes.

use leptos::prelude::*;

use crate::api::types::SearchResult;
use crate::search::state::{excerpt, marked_field, result_link, type_label, ResultLink};
use crate::shell::paths;

/// Text runs with the matched ones in `<mark>`.
pub fn marked(runs: Vec<(String, bool)>) -> impl IntoView {
    runs.into_iter().map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }).collect_view()
}

/// A link to where a result lives (or plain text when its location is unsafe).
pub fn result_title(location: &str, title: AnyView) -> AnyView {
    match result_link(location) {
        ResultLink::App(p) => view! { <a href=paths::href(&p)>{title}</a> }.into_any(),
        ResultLink::Outside(u) => view! { <a href=u rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
        ResultLink::None => title,
    }
}

#[component]
pub fn SearchHit(hit: SearchResult) -> impl IntoView {
    let doc = hit.document;
    let h = hit.highlight.unwrap_or_default();
    let title = marked_field(&h, "title").unwrap_or_else(|| vec![(doc.title.clone(), false)]);
    let text = excerpt(marked_field(&h, "text").unwrap_or_else(|| vec![(doc.text.clone(), false)]), 240);
    let title = if doc.title.trim().is_empty() { vec![("(untitled)".to_string(), false)] } else { title };
    let context = match (hit.result_type.as_str(), doc.entity_title.is_empty()) {
        ("techdocs", false) => format!("{} · {}", type_label(&hit.result_type), doc.entity_title),
        _ if !doc.kind.is_empty() => format!("{} · {}", type_label(&hit.result_type), doc.kind),
        _ => type_label(&hit.result_type).to_string(),
    };
    view! {
        <li class="search-hit">
            <p class="search-hit-title">{result_title(&doc.location, marked(title).into_any())}</p>
            <p class="muted search-hit-context">{context}</p>
            <p class="search-hit-text">{marked(text)}</p>
        </li>
    }
}
