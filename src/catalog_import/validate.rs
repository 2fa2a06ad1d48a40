//! `/catalog-import/validate`: paste, open or drop entity YAML (one or more
//! documents) and see what the catalog would say of each one, at its lines,
//! without registering anything. The text is kept as a draft in the tab.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::error::{parse_error_body, ApiError};
use crate::api::types::EntityValidation;
use crate::api::Backend;
use crate::browser::{caret_to_line, file_text, session_storage};
use crate::catalog::entity::yaml_parse::{documents, YamlError};
use crate::catalog_import::checks::{problems, shape_problem, title, Problem};
use crate::shell::routes::Route;
use crate::ui::page_header::PageHeader;
use crate::ui::submit::submit_with;

const DRAFT_KEY: &str = "stagedoor:validate-entities";

#[derive(Clone, Debug)]
struct Outcome {
    title: String,
    line: usize,
    /// Empty: the catalog accepts it.
    problems: Vec<Problem>,
}

/// Asks the catalog about one entity; its problems (none when valid).
async fn check_one(
    backend: &Backend,
    doc: &crate::catalog::entity::yaml_parse::Document,
    location: &str,
) -> Result<Vec<Problem>, ApiError> {
    if let Some(p) = shape_problem(doc) {
        return Ok(vec![p]);
    }
    let resp = backend.validate_entity(&doc.value, location).await?;
    match resp.status {
        200..=299 => Ok(vec![]),
        400 => match serde_json::from_str::<EntityValidation>(&resp.body) {
            Ok(v) if !v.errors.is_empty() => Ok(problems(doc, &v)),
            _ => {
                let message = parse_error_body(&resp.body).1.unwrap_or_else(|| "The catalog refused this entity.".into());
                Ok(vec![Problem { field: None, line: doc.line, message }])
            }
        },
        s => Err(ApiError::from_status(s, &resp.body, "validate-entity")),
    }
}

#[component]
pub fn ValidatePage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let text = RwSignal::new(session_storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten()).unwrap_or_default());
    Effect::new(move |_| {
        let t = text.get();
        if let Some(s) = session_storage() {
            let _ = s.set_item(DRAFT_KEY, &t);
        }
    });
    let outcomes = RwSignal::new(None::<Vec<Outcome>>);
    let unreadable = RwSignal::new(None::<YamlError>);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let validate = move || {
        if busy.get_untracked() {
            return;
        }
        let (docs, error) = documents(&text.get_untracked());
        unreadable.set(error);
        failure.set(None);
        busy.set(true);
        let backend = backend.clone();
        spawn_local(async move {
            let location = format!("url:{}", window().location().href().unwrap_or_default());
            let mut out = Vec::with_capacity(docs.len());
            for (i, doc) in docs.iter().enumerate() {
                match check_one(&backend, doc, &location).await {
                    Ok(problems) => out.push(Outcome { title: title(doc, i), line: doc.line, problems }),
                    Err(e) => {
                        let _ = failure.try_set(Some(e));
                        break;
                    }
                }
            }
            let _ = outcomes.try_set(Some(out));
            let _ = busy.try_set(false);
        });
    };
    let on_submit = submit_with(validate.clone());
    let load = move |file: Option<web_sys::File>| {
        if let Some(f) = file {
            spawn_local(async move {
                match file_text(&f).await {
                    Some(t) => text.set(t),
                    None => {
                        unreadable.set(Some(YamlError { line: 0, column: 0, message: format!("{} could not be read as text", f.name()) }))
                    }
                }
            });
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        load(input.files().and_then(|f| f.get(0)));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        load(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
    };

    view! {
        <PageHeader title="Validate entity YAML" subtitle="Check catalog-info.yaml content against the catalog's own rules; nothing is registered.">
            <a class="button secondary" href=Route::CatalogImport.href()>"Register an existing component"</a>
        </PageHeader>
        <form class="card" on:submit=on_submit novalidate>
            <label for="validate-yaml">"Entity YAML (several documents may be separated by ---)"</label>
            <textarea id="validate-yaml" class="code-input" rows="16" spellcheck="false"
                aria-describedby="validate-help"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop></textarea>
            <p class="field-description" id="validate-help">"Paste the text, drop a file on the box, or open one."</p>
            <div class="card-actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>"Validate"</button>
                <label class="button secondary file-button">
                    "Open a file…"
                    <input type="file" accept=".yaml,.yml,text/yaml,text/plain" class="visually-hidden" on:change=on_pick/>
                </label>
            </div>
        </form>
        {move || busy.get().then(|| view! { <p class="muted" role="status">"Checking…"</p> })}
        <section class="card" aria-labelledby="validate-results" hidden=move || outcomes.with(|o| o.is_none()) && unreadable.with(|u| u.is_none())>
            <h2 id="validate-results">"Results"</h2>
            {move || failure.get().map(|e| view! {
                <div class="error-panel" role="alert">
                    <p class="error-message">{e.user_message()}</p>
                    <p class="muted">"Your text is kept: press Validate to try again."</p>
                </div>
            })}
            <ol class="plain-list validate-results" aria-label="Documents">
                {move || outcomes.get().unwrap_or_default().into_iter().map(|o| {
                    let ok = o.problems.is_empty();
                    view! {
                        <li class="validate-document" class:has-error=!ok>
                            <p>
                                <strong>{o.title.clone()}</strong>
                                <span class="muted">{format!(" · line {}", o.line)}</span>
                                {if ok { view! { <span class="status-completed">" · Valid"</span> }.into_any() } else {
                                    view! { <span class="status-failed">{format!(" · {} problem{}", o.problems.len(), if o.problems.len() == 1 { "" } else { "s" })}</span> }.into_any()
                                }}
                            </p>
                            <ul class="plain-list">
                                {o.problems.into_iter().map(|p| {
                                    let line = p.line;
                                    view! {
                                        <li>
                                            {p.field.map(|f| view! { <code>{f}</code>": " })}
                                            {p.message}
                                            " "
                                            <button type="button" class="link-button" on:click=move |_| caret_to_line("validate-yaml", line)>{format!("Go to line {line}")}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || unreadable.get().map(|e| {
                let line = e.line;
                view! {
                    <p class="notice warning" role="alert">
                        {format!("The YAML could not be read past line {}, column {}: {}. ", e.line, e.column, e.message)}
                        {(line > 0).then(|| view! { <button type="button" class="link-button" on:click=move |_| caret_to_line("validate-yaml", line)>{format!("Go to line {line}")}</button> })}
                    </p>
                }
            })}
        </section>
    }
}
