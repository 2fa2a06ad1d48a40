//! The catalog's filter sidebar. Every option and count comes from the backend;
//! every change goes into the URL (through `on_change`).

use leptos::prelude::*;

use crate::api::catalog::EntityQuery;
use crate::api::types::{EntityFacets, FacetCount};
use crate::api::Backend;
use crate::catalog::filter::{CatalogFilter, Facet, UserFilter, TEXT_FIELDS};
use crate::catalog::stars_note::StarsNote;
use crate::model::entity_ref::EntityRef;
use crate::ui::debounce::Debounce;
use crate::ui::loaded::Loaded;

fn facet_values(facets: &EntityFacets, field: &str) -> Vec<FacetCount> {
    facets.facets.get(field).cloned().unwrap_or_default()
}

/// A group of checkboxes for one facet, with counts.
fn facet_group(facet: Facet, options: Vec<FacetCount>, filter: Memo<CatalogFilter>, on_change: Callback<CatalogFilter>) -> AnyView {
    let selected = filter.with_untracked(|f| facet.selected(f).to_vec());
    // Keep selected values visible even when the current scope has none of them.
    let mut options = options;
    for s in &selected {
        if !options.iter().any(|o| o.value.eq_ignore_ascii_case(s)) {
            options.push(FacetCount { value: s.clone(), count: 0 });
        }
    }
    if options.is_empty() {
        return ().into_any();
    }
    let id = format!("facet-{}", facet.label().to_ascii_lowercase());
    view! {
        <fieldset class="filter-group">
            <legend>{facet.label()}</legend>
            {options.into_iter().map(|o| {
                let checked = selected.iter().any(|s| s.eq_ignore_ascii_case(&o.value));
                let input_id = format!("{id}-{}", o.value);
                let value = if facet == Facet::Tag { o.value.clone() } else { o.value.to_ascii_lowercase() };
                view! {
                    <div class="check">
                        <input type="checkbox" id=input_id.clone() prop:checked=checked
                            on:change=move |_| on_change.run(filter.get_untracked().toggle(facet, &value))/>
                        <label for=input_id>{o.value.clone()}<span class="count">{format!(" ({})", o.count)}</span></label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// Owner filter: searches groups and users on the server as the user types, so
/// it copes with tens of thousands of them.
#[component]
fn OwnerPicker(filter: Memo<CatalogFilter>, on_change: Callback<CatalogFilter>) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let term = RwSignal::new(String::new());
    let draft = RwSignal::new(String::new());
    let debounce = Debounce::new(250);
    let matches = Loaded::new(move || {
        let (backend, term) = (backend.clone(), term.get());
        async move {
            if term.trim().is_empty() {
                return Ok(vec![]);
            }
            let q = EntityQuery {
                filters: vec!["kind=group".into(), "kind=user".into()],
                fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title", "spec.profile.displayName"],
                limit: Some(20),
                order_field: Some("metadata.name,asc".into()),
                full_text: Some(term),
                full_text_fields: TEXT_FIELDS.to_vec(),
                cursor: None,
                skip_total: true,
            };
            backend.query_entities(&q).await.map(|p| p.items)
        }
    });
    let remove = move |owner: String| {
        let mut f = filter.get_untracked();
        f.owners.retain(|o| *o != owner);
        on_change.run(f.first_page());
    };
    view! {
        <div class="filter-group">
            <label for="owner-search">"Owner"</label>
            <ul class="chips" aria-label="Selected owners">
                {move || filter.get().owners.into_iter().map(|o| {
                    let label = EntityRef::parse(&o, None, "default").map(|r| r.humanize(Some("group"))).unwrap_or_else(|| o.clone());
                    let o2 = o.clone();
                    view! {
                        <li class="chip">{label.clone()}
                            <button type="button" class="chip-remove" aria-label=format!("Remove owner {label}") on:click=move |_| remove(o2.clone())>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input id="owner-search" type="search" placeholder="Search groups and users" autocomplete="off"
                prop:value=move || draft.get()
                on:input:target=move |ev| {
                    let v = ev.target().value();
                    draft.set(v.clone());
                    debounce.run(move || term.set(v));
                }/>
            {move || matches.get().map(|r| match r {
                Ok(items) if items.is_empty() && !term.get().trim().is_empty() => view! { <p class="muted">"No group or user matches."</p> }.into_any(),
                Ok(items) => view! {
                    <ul class="owner-options" aria-label="Matching owners">
                        {items.into_iter().map(|e| {
                            let r = e.entity_ref();
                            let label = e.profile_str("displayName").or(e.title()).map(|t| format!("{t} ({})", r.humanize(Some("group")))).unwrap_or_else(|| r.humanize(Some("group")));
                            let canonical = r.canonical();
                            view! {
                                <li><button type="button" class="link-button" on:click=move |_| {
                                    let mut f = filter.get_untracked();
                                    if !f.owners.contains(&canonical) { f.owners.push(canonical.clone()); }
                                    draft.set(String::new());
                                    term.set(String::new());
                                    on_change.run(f.first_page());
                                }>{format!("Add owner {label}")}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <p class="error-message" role="alert">{e.user_message()}</p> }.into_any(),
            })}
        </div>
    }
}

#[component]
pub fn CatalogFilters(
    filter: Memo<CatalogFilter>,
    kinds: Signal<Vec<FacetCount>>,
    facets: Signal<Option<EntityFacets>>,
    on_change: Callback<CatalogFilter>,
    /// The template list: one kind, no orphans.
    #[prop(optional)]
    one_kind: bool,
) -> impl IntoView {
    let draft = RwSignal::new(filter.get_untracked().text);
    // Back/forward can change the text filter under the box.
    Effect::new(move |_| {
        let t = filter.get().text;
        if t.trim() != draft.get_untracked().trim() {
            draft.set(t);
        }
    });
    let debounce = Debounce::new(100);
    let kind_options = move || {
        let current_kind = filter.get().kind;
        let mut kinds = kinds.get();
        if !kinds.iter().any(|k| k.value.eq_ignore_ascii_case(&current_kind)) {
            kinds.push(FacetCount { value: current_kind.clone(), count: 0 });
        }
        kinds
            .into_iter()
            .map(|k| {
                let v = k.value.to_ascii_lowercase();
                view! { <option value=v.clone() selected=v == current_kind>{k.value.clone()}</option> }
            })
            .collect_view()
    };
    let set_user = move |u: UserFilter| {
        let mut f = filter.get_untracked();
        f.user = u;
        on_change.run(f.first_page());
    };
    let user_choice = move |u: UserFilter, label: &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="user-filter" prop:checked=move || filter.get().user == u on:change=move |_| set_user(u)/>
                {label}
            </label>
        }
    };
    // Only the option lists follow the backend's answers; the inputs above stay
    // put, so nothing being typed is lost when counts refresh.
    let facet_views = move || {
        filter.track();
        facets.get().map(|fs| {
            Facet::ALL.into_iter().map(|facet| facet_group(facet, facet_values(&fs, facet.field()), filter, on_change)).collect_view()
        })
    };
    view! {
        <aside class="catalog-filters" aria-label="Filters">
            <div class="filter-group" hidden=one_kind>
                <label for="catalog-kind">"Kind"</label>
                <select id="catalog-kind" on:change:target=move |ev| {
                    // A new kind starts afresh: other kinds have other types and fields.
                    let f = CatalogFilter { kind: ev.target().value(), user: filter.get_untracked().user, ..CatalogFilter::default() };
                    on_change.run(f);
                }>
                    {kind_options}
                </select>
            </div>
            <fieldset class="filter-group">
                <legend>"Show"</legend>
                {user_choice(UserFilter::All, "All")}
                {user_choice(UserFilter::Owned, "Owned by me")}
                {user_choice(UserFilter::Starred, "Starred")}
                <StarsNote info=Signal::derive(move || filter.with(|f| f.user == UserFilter::Starred))/>
            </fieldset>
            <div class="filter-group">
                <label for="catalog-text">"Filter by name"</label>
                <input id="catalog-text" type="search" autocomplete="off"
                    prop:value=move || draft.get()
                    on:input:target=move |ev| {
                        let v = ev.target().value();
                        draft.set(v.clone());
                        debounce.run(move || {
                            let mut f = filter.get_untracked();
                            if f.text != v.trim() {
                                f.text = v.trim().to_string();
                                on_change.run(f.first_page());
                            }
                        });
                    }/>
            </div>
            <OwnerPicker filter=filter on_change=on_change/>
            {facet_views}
            <div class="check" hidden=one_kind>
                <input type="checkbox" id="orphan-filter" prop:checked=move || filter.get().orphan on:change=move |_| {
                    let mut f = filter.get_untracked();
                    f.orphan = !f.orphan;
                    on_change.run(f.first_page());
                }/>
                <label for="orphan-filter">"Only orphans (source location gone)"</label>
            </div>
        </aside>
    }
}
