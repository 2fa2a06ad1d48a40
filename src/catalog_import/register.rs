//! `/catalog-import`: register an existing component. The user gives the URL of
//! an entity file (dry-run at once, as Backstage's page does) or of a repository
//! (analysed; on a plain file host its default `catalog-info.yaml` is tried);
//! the dry run shows what will be added and what clashes; Import registers it,
//! or Refresh re-reads a location that is registered already. A repository with
//! no entity file gets a ready-to-copy `catalog-info.yaml`. The URL stays in its
//! box through every step and failure.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::permission::{allowed, denied, LOCATION_CREATE};
use crate::api::{ApiError, Backend};
use crate::browser::{copy_text, sleep};
use crate::catalog::entity::yaml::to_yaml;
use crate::catalog_import::plan::Plan;
use crate::catalog_import::reasons::{advice, default_file, is_entity_file, is_missing_file, read_url};
use crate::catalog_import::suggestion;
use crate::model::entity_ref::EntityRef;
use crate::scaffolder::forms::standalone::single_form;
use crate::scaffolder::forms::widgets::step_form;
use crate::shell::routes::Route;
use crate::ui::entity_link::EntityLink;
use crate::ui::focus::focus_later;
use crate::ui::page_header::PageHeader;
use crate::ui::submit::submit_with;

const CONFLICT_FIELDS: [&str; 4] = ["kind", "metadata.name", "metadata.namespace", "metadata.annotations"];

#[derive(Clone)]
enum Stage {
    Start,
    Review(Vec<Plan>),
    Suggest { repo: String, guess: serde_json::Value },
    Done { plans: Vec<Plan>, refreshed: bool },
}

/// Dry-runs `target`; with the catalog's entities of the same names, to name clashes.
async fn plan(backend: &Backend, target: &str) -> Result<Plan, ApiError> {
    let mut p = Plan::new(target.to_string(), backend.add_location(target, true).await?);
    let found = backend.entities_by_refs(&p.refs(), &CONFLICT_FIELDS).await?;
    p.find_conflicts(&found);
    Ok(p)
}

/// What the URL leads to: the plans to review, a suggestion, or why not.
async fn analyse(backend: &Backend, url: &str) -> Result<Stage, String> {
    if is_entity_file(url) {
        return plan(backend, url).await.map(|p| Stage::Review(vec![p])).map_err(|e| advice(&e, url));
    }
    let found = backend.analyze_location(url).await.map_err(|e| advice(&e, url))?;
    if !found.existing_entity_files.is_empty() {
        let mut plans = vec![];
        for f in &found.existing_entity_files {
            plans.push(plan(backend, &f.location.target).await.map_err(|e| advice(&e, &f.location.target))?);
        }
        return Ok(Stage::Review(plans));
    }
    // Only hosts with an integration are searched; elsewhere try the default file.
    let file = default_file(url);
    match plan(backend, &file).await {
        Ok(p) => Ok(Stage::Review(vec![p])),
        Err(e) if is_missing_file(&e) => {
            let guess = found.generate_entities.into_iter().next().map(|g| g.entity).unwrap_or_default();
            Ok(Stage::Suggest { repo: url.to_string(), guess })
        }
        Err(e) => Err(advice(&e, &file)),
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let url = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Start);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(None::<&'static str>);
    let may_register = allowed(&backend, LOCATION_CREATE, None);
    let cannot_register = move || may_register.get() == Some(false);

    let run = {
        let backend = backend.clone();
        move || {
            if busy.get_untracked().is_some() {
                return;
            }
            let target = match read_url(&url.get_untracked()) {
                Ok(u) => u,
                Err(e) => {
                    problem.set(Some(e));
                    focus_later("#import-url".into());
                    return;
                }
            };
            problem.set(None);
            busy.set(Some("Reading the location…"));
            let backend = backend.clone();
            spawn_local(async move {
                match analyse(&backend, &target).await {
                    Ok(s) => {
                        let _ = stage.try_set(s);
                        focus_later("#import-step".into());
                    }
                    Err(e) => {
                        let _ = problem.try_set(Some(e));
                        let _ = stage.try_set(Stage::Start);
                    }
                }
                let _ = busy.try_set(None);
            });
        }
    };
    let submit = submit_with(run.clone());

    let import = {
        let backend = backend.clone();
        move |plans: Vec<Plan>| {
            if busy.get_untracked().is_some() {
                return;
            }
            busy.set(Some("Registering…"));
            problem.set(None);
            let backend = backend.clone();
            spawn_local(async move {
                let mut refreshed = false;
                for p in &plans {
                    let result = if p.is_registered() {
                        refreshed = true;
                        match p.location_ref() {
                            Some(r) => backend.refresh_entity(&r).await,
                            None => Ok(()),
                        }
                    } else {
                        backend.add_location(&p.target, false).await.map(|_| ())
                    };
                    if let Err(e) = result {
                        let _ = problem.try_set(Some(advice(&e, &p.target)));
                        let _ = busy.try_set(None);
                        return;
                    }
                }
                let _ = stage.try_set(Stage::Done { plans, refreshed });
                let _ = busy.try_set(None);
                focus_later("#import-step".into());
            });
        }
    };

    let start_over = move |_| {
        stage.set(Stage::Start);
        problem.set(None);
        focus_later("#import-url".into());
    };

    view! {
        <PageHeader title="Register an existing component" subtitle="Add the entities of a catalog-info.yaml file to the catalog.">
            <a class="button secondary" href=Route::ValidateEntities.href()>"Validate entity YAML"</a>
        </PageHeader>
        <form class="card import-form" on:submit=submit novalidate>
            <label for="import-url">"URL of a catalog-info.yaml file, or of a repository"</label>
            <p class="field-description" id="import-url-help">
                "For example https://github.com/acme/checkout/blob/main/catalog-info.yaml. The backend reads the file, so its host must be one the backend may read."
            </p>
            <div class="inline-form">
                <input id="import-url" type="url" inputmode="url" autocomplete="url" spellcheck="false"
                    aria-describedby="import-url-help import-problem" aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                <button type="submit" class="button primary" disabled=move || busy.get().is_some() || cannot_register()>"Analyze"</button>
            </div>
            {move || cannot_register().then(|| view! { <p class="notice warning" role="status">{denied("register entities in this catalog")}</p> })}
            {move || busy.get().map(|b| view! { <p class="muted" role="status">{b}</p> })}
            <div id="import-problem">
                {move || problem.get().map(|p| view! { <p class="notice warning" role="alert">{p}</p> })}
            </div>
        </form>
        {move || match stage.get() {
            Stage::Start => ().into_any(),
            Stage::Review(plans) => review(plans, import.clone(), start_over).into_any(),
            Stage::Suggest { repo, guess } => suggest(repo, guess).into_any(),
            Stage::Done { plans, refreshed } => done(plans, refreshed, start_over).into_any(),
        }}
    }
}

fn review(
    plans: Vec<Plan>,
    import: impl Fn(Vec<Plan>) + Clone + 'static,
    start_over: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> impl IntoView {
    let all_registered = plans.iter().all(Plan::is_registered);
    let n: usize = plans.iter().map(|p| p.entities().len()).sum();
    let heading = if all_registered {
        "This location is registered already".to_string()
    } else {
        format!("{n} {} will be added", if n == 1 { "entity" } else { "entities" })
    };
    let action = if all_registered { "Refresh" } else { "Import" };
    let go = {
        let plans = plans.clone();
        move |_| import(plans.clone())
    };
    view! {
        <section class="card" aria-labelledby="import-step">
            <h2 id="import-step" tabindex="-1">{heading}</h2>
            {plans.into_iter().map(|p| {
                let rows = p.entities().into_iter().map(|e| {
                    let owner = e.owner().map(|o| o.humanize(Some("group"))).unwrap_or_else(|| "—".into());
                    view! { <tr><td>{e.kind().to_string()}</td><td>{e.entity_ref().humanize(Some(e.kind()))}</td><td>{owner}</td></tr> }
                }).collect_view();
                let registered = p.is_registered().then(|| view! {
                    <p class="notice" role="status">"Registered already: Refresh asks the catalog to read this file again now."</p>
                });
                let conflicts = p.conflicts.iter().map(|c| view! {
                    <li>{format!(
                        "{} is already in the catalog, registered from {}. The catalog keeps that one and refuses this file's copy: rename it in the file, or unregister the other first.",
                        c.entity, if c.origin.is_empty() { "another location".to_string() } else { c.origin.clone() }
                    )}</li>
                }).collect_view();
                let has_conflicts = !p.conflicts.is_empty();
                view! {
                    <h3 class="import-location">{p.target.clone()}</h3>
                    {registered}
                    {has_conflicts.then(|| view! { <div class="notice warning" role="alert"><p>"Conflicts"</p><ul>{conflicts}</ul></div> })}
                    <table class="data-table compact">
                        <caption class="visually-hidden">{format!("Entities in {}", p.target)}</caption>
                        <thead><tr><th scope="col">"Kind"</th><th scope="col">"Name"</th><th scope="col">"Owner"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            }).collect_view()}
            <div class="card-actions">
                <button type="button" class="button primary" on:click=go>{action}</button>
                <button type="button" class="button" on:click=start_over>"Start over"</button>
            </div>
        </section>
    }
}

fn done(plans: Vec<Plan>, refreshed: bool, start_over: impl Fn(leptos::ev::MouseEvent) + Copy + 'static) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let refs: Vec<String> = plans.iter().flat_map(Plan::refs).collect();
    // The catalog processes a new location in the background: say which entities
    // are there yet, asking again for a while.
    let present = RwSignal::new(vec![false; refs.len()]);
    {
        let refs = refs.clone();
        spawn_local(async move {
            for _ in 0..30 {
                if let Ok(found) = backend.entities_by_refs(&refs, &["kind"]).await {
                    let now: Vec<bool> = found.iter().map(Option::is_some).collect();
                    let all = now.iter().all(|p| *p);
                    // `try_set` hands the value back once the page is gone.
                    let gone = present.try_set(now).is_some();
                    if gone || all {
                        return;
                    }
                }
                sleep(1000).await;
            }
        });
    }
    let heading = if refreshed { "Refresh scheduled" } else { "Registered" };
    let what = if refreshed {
        "The catalog is reading the location again; changes show on the entities' pages in a moment."
    } else {
        "The location is registered. The catalog reads its entities in the background:"
    };
    view! {
        <section class="card" aria-labelledby="import-step">
            <h2 id="import-step" tabindex="-1">{heading}</h2>
            <p>{what}</p>
            <ul class="plain-list" aria-label="Entities">
                {refs.into_iter().enumerate().map(|(i, r)| {
                    let r = EntityRef::parse(&r, None, "default").unwrap_or_else(|| EntityRef::new("component", "default", &r));
                    view! {
                        <li>
                            <EntityLink entity_ref=r/>
                            <span class="muted">{move || if present.with(|p| p.get(i).copied().unwrap_or(false)) { " · in the catalog" } else { " · being processed…" }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="card-actions">
                <button type="button" class="button" on:click=start_over>"Register another"</button>
                <a class="button secondary" href=Route::Catalog.href()>"Back to the catalog"</a>
            </div>
        </section>
    }
}

fn suggest(repo: String, guess: serde_json::Value) -> impl IntoView {
    let ctx = single_form(suggestion::schema(), suggestion::initial_values(&guess));
    let yaml = Memo::new(move |_| ctx.data.with(|d| to_yaml(&suggestion::entity(d))));
    let copied = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = yaml.get_untracked();
        spawn_local(async move {
            let note = if copy_text(&text).await {
                "Copied. Add it to the repository as catalog-info.yaml, then register its URL here."
            } else {
                "The browser did not allow copying: select the text and copy it."
            };
            let _ = copied.try_set(Some(note.to_string()));
        });
    };
    view! {
        <section class="card" aria-labelledby="import-step">
            <h2 id="import-step" tabindex="-1">"No catalog-info.yaml found"</h2>
            <p>{format!("The backend found no entity file at {repo}. Describe the component below and add the file it makes to the repository.")}</p>
            <form class="wizard" novalidate on:submit=|ev| ev.prevent_default()>
                {step_form(ctx)}
            </form>
            <h3 id="suggested-yaml">"catalog-info.yaml"</h3>
            <pre tabindex="0" aria-labelledby="suggested-yaml"><code>{move || yaml.get()}</code></pre>
            <div class="card-actions">
                <button type="button" class="button primary" on:click=copy>"Copy YAML"</button>
            </div>
            {move || copied.get().map(|c| view! { <p class="notice" role="status">{c}</p> })}
        </section>
    }
}
