//! Backstage's field extensions, named by `ui:field`. Every entity picker searches
//! the catalog as the user types (`fullTextFilterTerm`, 20 results); none loads a
//! whole kind, so they stay quick with tens of thousands of users or groups.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::path::Path;
use crate::scaffolder::forms::picker_query::{filter_strings, typed_ref};
use crate::scaffolder::forms::repo_url::RepoUrl;
use crate::scaffolder::forms::schema::{plain, Field};
use crate::scaffolder::forms::widgets::{description, help, required_mark, FormCtx, Ids};
use crate::api::catalog::EntityQuery;
use crate::api::types::Entity;
use crate::api::Backend;
use crate::ui::debounce::Debounce;
use crate::ui::focus::focus_now_or_later;
use crate::api::session::Session;

const SEARCH_FIELDS: [&str; 5] = ["kind", "metadata.name", "metadata.namespace", "metadata.title", "spec.profile.displayName"];

/// The catalog query a picker's options come from.
fn picker_filters(f: &Field, session: &Session) -> Vec<String> {
    let ext = f.extension().unwrap_or_default();
    let default_kinds: &[&str] = if ext == "OwnerPicker" { &["Group", "User"] } else { &[] };
    let extra: Vec<(String, String)> = if ext == "OwnedEntityPicker" {
        session.ownership_refs().into_iter().map(|r| ("relations.ownedBy".to_string(), r)).collect()
    } else {
        vec![]
    };
    filter_strings(f.ui("catalogFilter"), default_kinds, &extra)
}

fn option_label(e: &Entity) -> String {
    let r = e.entity_ref();
    match e.profile_str("displayName").or(e.title()) {
        Some(t) => format!("{t} ({r})"),
        None => r.to_string(),
    }
}

/// A search box with the matching entities below it as buttons (Tab or ↓ reaches
/// them; Enter picks). `on_text` sees every keystroke, `on_pick` a chosen ref.
#[allow(clippy::too_many_arguments)]
fn entity_search(
    ids: &Ids,
    f: &Field,
    ctx: FormCtx,
    filters: Vec<String>,
    text: RwSignal<String>,
    on_text: Callback<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let term = RwSignal::new(None::<String>);
    let debounce = Debounce::new(100);
    let results = LocalResource::new(move || {
        let (backend, term, filters) = (backend.clone(), term.get(), filters.clone());
        async move {
            let Some(term) = term else { return Ok(vec![]) };
            let q = EntityQuery {
                filters,
                fields: SEARCH_FIELDS.to_vec(),
                limit: Some(20),
                order_field: Some("metadata.name,asc".into()),
                full_text: Some(term),
                full_text_fields: vec!["metadata.name", "metadata.title", "spec.profile.displayName"],
                skip_total: true,
                ..Default::default()
            };
            backend.query_entities(&q).await.map(|p| p.items)
        }
    });
    let list_id = format!("{}-options", ids.input);
    let first_option_of = list_id.clone();
    let id = f.id();
    let err = ctx.error(f.id());
    let search = move |v: String| debounce.run(move || term.set(Some(v)));
    view! {
        <input
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-controls=list_id.clone()
            aria-expanded=move || if term.get().is_some() { "true" } else { "false" }
            id=ids.input.clone()
            name=f.id()
            placeholder=f.ui_str("placeholder").map(str::to_string).unwrap_or_else(|| "Type to search".into())
            disabled=f.ui_bool("disabled") || f.ui_bool("readonly")
            data-autofocus=f.ui_bool("autofocus").then_some("")
            aria-required=f.required.then_some("true")
            aria-invalid=move || err.get().map(|_| "true")
            aria-describedby=ids.described_by(f)
            prop:value=move || text.get()
            on:input=move |ev| {
                let v = event_target_value(&ev);
                text.set(v.clone());
                on_text.run(v.clone());
                search(v);
            }
            on:focus=move |_| search(text.get_untracked())
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    term.set(None);
                } else if ev.key() == "ArrowDown" {
                    ev.prevent_default();
                    focus_now_or_later(format!("#{first_option_of} button"));
                }
            }
            on:blur=move |_| ctx.touch(&id)
        />
        <div id=list_id class="picker-options" aria-live="polite">
            {move || term.get().map(|_| match results.get() {
                None => view! { <p class="muted">"Searching…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="field-error">{format!("Could not search the catalog: {}", e.user_message())}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p class="muted">"Nothing in the catalog matches."</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <ul role="list">
                        {items.into_iter().map(|e| {
                            let r = e.entity_ref().to_string();
                            view! {
                                <li><button type="button" class="picker-option" on:click=move |_| {
                                    on_pick.run(r.clone());
                                    term.set(None);
                                }>{option_label(&e)}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </div>
    }
}

/// `EntityPicker`, `OwnerPicker`, `OwnedEntityPicker`: one entity ref.
pub fn entity_picker(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let session = expect_context::<Session>();
    let filters = picker_filters(f, &session);
    let path: Path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(value.get_untracked().map(|v| plain(&v)).unwrap_or_default());
    let allow_free = f.ui("allowArbitraryValues").and_then(Value::as_bool).unwrap_or(true);
    let default_kind = f.ui_str("defaultKind").map(str::to_string).or_else(|| (f.extension() == Some("OwnerPicker")).then(|| "Group".into()));
    let default_ns = f.ui_str("defaultNamespace").map(str::to_string);
    let p2 = path.clone();
    let on_text = Callback::new(move |t: String| {
        let v = (allow_free && !t.trim().is_empty()).then(|| Value::String(typed_ref(&t, default_kind.as_deref(), default_ns.as_deref())));
        ctx.set_value(&p2, v);
    });
    let id = f.id();
    let on_pick = Callback::new(move |r: String| {
        text.set(r.clone());
        ctx.set_value(&path, Some(Value::String(r)));
        ctx.touch(&id);
    });
    entity_search(ids, f, ctx, filters, text, on_text, on_pick).into_any()
}

fn string_list(v: Option<Value>) -> Vec<String> {
    v.and_then(|v| v.as_array().map(|a| a.iter().map(plain).collect())).unwrap_or_default()
}

/// Chosen values as removable chips.
fn chips(label: String, value: Memo<Option<Value>>, ctx: FormCtx, path: Path) -> impl IntoView {
    view! {
        <ul class="chips" aria-label=label>
            {move || string_list(value.get()).into_iter().enumerate().map(|(i, item)| {
                let path = path.clone();
                view! {
                    <li class="chip">{item.clone()}
                        <button type="button" class="chip-remove" aria-label=format!("Remove {item}") on:click=move |_| {
                            let mut list = string_list(value.get_untracked());
                            list.remove(i);
                            ctx.set_value(&path, (!list.is_empty()).then(|| Value::from(list)));
                        }>"×"</button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn push_unique(ctx: FormCtx, value: Memo<Option<Value>>, path: &Path, item: String) {
    let mut list = string_list(value.get_untracked());
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
    ctx.set_value(path, Some(Value::from(list)));
}

/// `MultiEntityPicker`: a list of entity refs.
pub fn multi_entity_picker(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let session = expect_context::<Session>();
    let filters = picker_filters(f, &session);
    let path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(String::new());
    let on_text = Callback::new(|_: String| {});
    let p2 = path.clone();
    let id = f.id();
    let on_pick = Callback::new(move |r: String| {
        text.set(String::new());
        push_unique(ctx, value, &p2, r);
        ctx.touch(&id);
    });
    view! {
        {chips(format!("Chosen for {}", f.title()), value, ctx, path)}
        {entity_search(ids, f, ctx, filters, text, on_text, on_pick)}
    }
    .into_any()
}

/// `MyGroupsPicker`: the groups the signed-in user is a member of.
pub fn my_groups_picker(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let backend = expect_context::<Backend>();
    let user = expect_context::<Session>().user_entity_ref().unwrap_or_default();
    let groups = LocalResource::new(move || {
        let (backend, user) = (backend.clone(), user.clone());
        async move {
            let q = EntityQuery {
                filters: vec![format!("kind=group,relations.hasMember={user}")],
                fields: SEARCH_FIELDS.to_vec(),
                limit: Some(100),
                order_field: Some("metadata.name,asc".into()),
                skip_total: true,
                ..Default::default()
            };
            backend.query_entities(&q).await.map(|p| p.items)
        }
    });
    let path = f.path.clone();
    let value = ctx.value(&path);
    let id = f.id();
    let input_id = ids.input.clone();
    let described = ids.described_by(f);
    let required = f.required;
    (move || match groups.get() {
        None => view! { <p class="muted" id=input_id.clone()>"Loading your groups…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="field-error" id=input_id.clone()>{format!("Could not load your groups: {}", e.user_message())}</p> }.into_any(),
        Some(Ok(items)) => {
            let refs: Vec<(String, String)> = items.iter().map(|e| (e.entity_ref().to_string(), option_label(e))).collect();
            let (path, id) = (path.clone(), id.clone());
            view! {
                <select id=input_id.clone() aria-describedby=described.clone() aria-required=required.then_some("true")
                    prop:value=move || value.get().map(|v| plain(&v)).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.set_value(&path, (!v.is_empty()).then(|| Value::String(v)));
                        ctx.touch(&id);
                    }>
                    <option value="">{if refs.is_empty() { "You are not a member of any group" } else { "Choose…" }}</option>
                    {refs.into_iter().map(|(r, label)| view! { <option value=r>{label}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    })
    .into_any()
}

/// `EntityTagsPicker`: tags, suggested from the catalog's existing ones.
pub fn tags_picker(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let backend = expect_context::<Backend>();
    let kinds = f.ui_strings("kinds");
    let known = LocalResource::new(move || {
        let (backend, kinds) = (backend.clone(), kinds.clone());
        async move {
            let filter = kinds.iter().map(|k| format!("kind={k}")).collect::<Vec<_>>().join(",");
            backend.entity_facets(&["metadata.tags"], &filter).await.map(|f| f.facets.get("metadata.tags").map(|v| v.iter().map(|c| c.value.clone()).collect::<Vec<_>>()).unwrap_or_default())
        }
    });
    let path = f.path.clone();
    let value = ctx.value(&path);
    let text = RwSignal::new(String::new());
    let list_id = format!("{}-known", ids.input);
    let (p2, id) = (path.clone(), f.id());
    let add = Callback::new(move |_: ()| {
        let t = text.get_untracked().trim().trim_end_matches(',').to_string();
        text.set(String::new());
        push_unique(ctx, value, &p2, t);
        ctx.touch(&id);
    });
    let err = ctx.error(f.id());
    view! {
        {chips(format!("Tags for {}", f.title()), value, ctx, path)}
        <div class="inline-form">
            <input type="text" id=ids.input.clone() list=list_id.clone() autocomplete="off"
                placeholder="Type a tag, then Enter"
                aria-invalid=move || err.get().map(|_| "true")
                aria-describedby=ids.described_by(f)
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let done = v.ends_with(',');
                    text.set(v);
                    if done { add.run(()); }
                }
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add.run(()); }/>
            <button type="button" class="button" on:click=move |_| add.run(())>"Add tag"</button>
        </div>
        <datalist id=list_id>
            {move || known.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|t| view! { <option value=t/> }).collect_view()}
        </datalist>
    }
    .into_any()
}

/// `RepoUrlPicker`: host, (organization,) owner and repository name, stored as
/// `host?owner=…&repo=…`.
pub fn repo_url_picker(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = StoredValue::new(f.path.clone());
    let value = ctx.value(&f.path);
    let mut hosts = f.ui_strings("allowedHosts");
    if hosts.is_empty() {
        hosts.push("github.com".into());
    }
    let (orgs, owners, repos) = (f.ui_strings("allowedOrganizations"), f.ui_strings("allowedOwners"), f.ui_strings("allowedRepos"));
    // The first host shows as chosen, as in Backstage, but nothing is stored
    // until the user enters a part (an untouched optional field stays empty).
    let part = RepoPart { ctx, value, path, id: StoredValue::new(f.id()), default_host: StoredValue::new(hosts[0].clone()) };
    let base = ids.input.clone();
    let err = ctx.error(f.id());
    view! {
        <fieldset class="form-field repo-field" class:has-error=move || err.get().is_some() aria-describedby=ids.described_by(f)>
            <legend>{f.title()}{required_mark(f.required)}</legend>
            {description(f, ids)}
            <div class="repo-url" id=ids.input.clone()>
                {part.view("Host", format!("{base}-host"), hosts, |r| r.host.clone(), |r, v| r.host = v)}
                {(!orgs.is_empty()).then(|| part.view("Organization", format!("{base}-organization"), orgs, |r| r.organization.clone(), |r, v| r.organization = v))}
                {part.view("Repository owner", format!("{base}-owner"), owners, |r| r.owner.clone(), |r, v| r.owner = v)}
                {part.view("Repository name", format!("{base}-repo"), repos, |r| r.repo.clone(), |r, v| r.repo = v)}
            </div>
            {help(f)}
            <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// One part of a repo URL: a text box, or a select when the template lists the
/// allowed values.
#[derive(Clone, Copy)]
struct RepoPart {
    ctx: FormCtx,
    value: Memo<Option<Value>>,
    path: StoredValue<Path>,
    id: StoredValue<String>,
    default_host: StoredValue<String>,
}

impl RepoPart {
    fn parse(self, v: Option<&Value>) -> RepoUrl {
        let mut r = RepoUrl::parse(&v.map(plain).unwrap_or_default());
        if r.host.is_empty() {
            r.host = self.default_host.get_value();
        }
        r
    }

    fn current(self) -> RepoUrl {
        self.value.with(|v| self.parse(v.as_ref()))
    }

    fn set(self, put: fn(&mut RepoUrl, String), v: String) {
        let mut r = self.value.with_untracked(|x| self.parse(x.as_ref()));
        put(&mut r, v);
        self.ctx.set_value(&self.path.get_value(), Some(Value::String(r.format())));
    }

    fn view(self, label: &'static str, input_id: String, allowed: Vec<String>, get: fn(&RepoUrl) -> String, put: fn(&mut RepoUrl, String)) -> AnyView {
        let control = if allowed.is_empty() {
            view! {
                <input type="text" id=input_id.clone() autocomplete="off" prop:value=move || get(&self.current())
                    on:input=move |ev| self.set(put, event_target_value(&ev))
                    on:blur=move |_| self.ctx.touch(&self.id.get_value())/>
            }
            .into_any()
        } else {
            view! {
                <select id=input_id.clone() prop:value=move || get(&self.current())
                    on:change=move |ev| { self.set(put, event_target_value(&ev)); self.ctx.touch(&self.id.get_value()); }>
                    <option value="">"Choose…"</option>
                    {allowed.into_iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view()}
                </select>
            }
            .into_any()
        };
        view! { <div class="repo-part"><label for=input_id>{label}</label>{control}</div> }.into_any()
    }
}

