//! Previous/next and the page size of a paged list.

use leptos::prelude::*;

/// The page sizes a user can choose; the first is the default.
pub const PAGE_SIZES: [u32; 3] = [20, 50, 100];

/// Where a page button leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLink {
    pub cursor: Option<String>,
    pub offset: u64,
}

/// "21–40 of 10,240", previous/next and the page size.
#[component]
pub fn Pager(
    offset: u64,
    shown: usize,
    /// `None` while the backend is still counting.
    total: Option<u64>,
    limit: u32,
    prev: Option<PageLink>,
    next: Option<PageLink>,
    on_page: Callback<PageLink>,
    on_limit: Callback<u32>,
) -> impl IntoView {
    let of_total = total.map(|t| format!(" of {t}")).unwrap_or_default();
    let range = if shown == 0 { format!("0{of_total}") } else { format!("{}–{}{of_total}", offset + 1, offset + shown as u64) };
    let (has_prev, has_next) = (prev.is_some(), next.is_some());
    view! {
        <nav class="pager" aria-label="Pages">
            <p class="pager-range" aria-live="polite">{range}</p>
            <button type="button" class="button secondary" disabled=!has_prev on:click=move |_| {
                if let Some(p) = prev.clone() { on_page.run(p) }
            }>"Previous page"</button>
            <button type="button" class="button secondary" disabled=!has_next on:click=move |_| {
                if let Some(n) = next.clone() { on_page.run(n) }
            }>"Next page"</button>
            <label class="pager-size">
                "Rows per page "
                <select on:change:target=move |ev| {
                    if let Ok(l) = ev.target().value().parse() { on_limit.run(l) }
                }>
                    {PAGE_SIZES.into_iter().chain((!PAGE_SIZES.contains(&limit)).then_some(limit)).map(|s| view! { <option value=s.to_string() selected=s == limit>{s.to_string()}</option> }).collect_view()}
                </select>
            </label>
        </nav>
    }
}
