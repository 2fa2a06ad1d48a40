//! `/create/templates/:namespace/:name`: the template wizard. One step per entry of
//! the template's `parameters`, a review, then Create. What the user types is
//! kept as a draft in session storage (never secrets), restored on reload; a
//! failed submit keeps everything and shows the backend's complaints at their
//! fields.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};

use crate::api::permission::{allowed, denied, TASK_CREATE};
use crate::api::scaffolder::SubmitError;
use crate::api::types::{TemplateParameterSchema, TemplateStep};
use crate::api::{ApiError, Backend};
use crate::browser::session_storage;
use crate::model::entity_ref::EntityRef;
use crate::scaffolder::forms::draft::{draft_key, form_data_param, Draft};
use crate::scaffolder::forms::field::FormCtx;
use crate::scaffolder::forms::schema::{Choices, Field};
use crate::scaffolder::forms::standalone::{fields_of, follow_defaults, step_fields_and_errors};
use crate::scaffolder::forms::submit_errors::{field_errors, step_of};
use crate::scaffolder::forms::values::{review_rows, visible_values};
use crate::scaffolder::forms::widgets::step_form;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::focus::focus_later;
use crate::ui::loaded::Loaded;
use crate::ui::markdown::Markdown;
use crate::ui::page_header::PageHeader;

#[component]
pub fn WizardPage(namespace: String, name: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let schema = {
        let (namespace, name) = (namespace.clone(), name.clone());
        Loaded::new(move || {
            let (backend, namespace, name) = (backend.clone(), namespace.clone(), name.clone());
            async move { backend.template_parameter_schema(&namespace, &name).await }
        })
    };
    let template_ref = EntityRef::new("template", &namespace, &name);
    move || {
        match schema.get() {
        // The scaffolder reads the template with the user's own credentials: a
        // template the permission policy hides answers 404 like a missing one.
        Some(Err(e)) if e.is_not_found() => view! {
            <PageHeader title="Template not found"/>
            <p class="empty">{format!(
                "There is no template \"{}\" in namespace \"{}\" that you may use: it was removed or renamed, or the backend's permission policy does not show it to you.",
                template_ref.name, template_ref.namespace
            )}</p>
            <p><a href=Route::Create.href()>"Choose another template"</a></p>
        }
        .into_any(),
        _ => {
            let template_ref = template_ref.clone();
            async_view(schema, "the template's form", move |s| view! { <Wizard schema=s template_ref=template_ref.clone()/> }).into_any()
        }
    }
    }
}

/// The values the backend receives: each step's visible fields' values.
pub fn all_values(all_fields: &[Vec<Field>], data: &Value) -> Map<String, Value> {
    let mut values = Map::new();
    for f in all_fields {
        values.extend(visible_values(f, data));
    }
    values
}

pub fn step_fields(step: &TemplateStep, data: &Value, choices: &Choices) -> Vec<Field> {
    fields_of(&step.schema, data, choices)
}

fn load_draft(key: &str) -> Option<Draft> {
    let text = session_storage().and_then(|s| s.get_item(key).ok().flatten());
    Draft::from_json(text.as_deref())
}

#[component]
fn Wizard(schema: TemplateParameterSchema, template_ref: EntityRef) -> impl IntoView {
    let router = use_router();
    let backend = expect_context::<Backend>();
    let steps = StoredValue::new(schema.steps.clone());
    let n_steps = schema.steps.len();
    let key = draft_key(&paths::base(), &template_ref.to_string());

    // Where the values come from: a `?formData=` link, else the saved draft.
    let mut notice = None;
    let initial = match router.query("formData") {
        Some(raw) => match form_data_param(&raw) {
            Ok(values) => Draft { values, ..Default::default() },
            Err(e) => {
                notice = Some(e);
                Draft::default()
            }
        },
        None => load_draft(&key).unwrap_or_default(),
    };
    let restored = router.query("formData").is_none() && !initial.values.is_empty();
    let data = RwSignal::new(Value::Object(initial.values));
    let choices = RwSignal::new(initial.choices);
    let step = RwSignal::new(initial.step.min(n_steps));
    let secrets = RwSignal::new(BTreeMap::<String, String>::new());
    let touched = RwSignal::new(BTreeSet::<String>::new());
    let show_all = RwSignal::new(false);
    let server_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let step_schema = Memo::new(move |_| {
        let i = step.get();
        steps.with_value(|s| s.get(i).map(|st| st.schema.clone()))
    });
    let (fields, errors) = step_fields_and_errors(step_schema, data, choices, secrets);
    let ctx = FormCtx { data, secrets, choices, touched, show_all, fields, errors, server_errors };

    let seen = follow_defaults(fields, data);

    // The draft follows every change (secrets never go in).
    {
        let key = key.clone();
        Effect::new(move |_| {
            let draft =
                Draft { step: step.get(), values: data.with(|d| d.as_object().cloned().unwrap_or_default()), choices: choices.get() };
            if let Some(s) = session_storage() {
                let _ = s.set_item(&key, &draft.to_json());
            }
        });
    }

    // A new step: focus its autofocus field, else its heading.
    Effect::new(move |prev: Option<usize>| {
        let i = step.get();
        if prev != Some(i) {
            let has_autofocus = fields.with_untracked(|f| f.iter().any(|x| x.ui_bool("autofocus")));
            if has_autofocus {
                focus_later("#wizard [data-autofocus]".into());
            } else if prev.is_some() {
                focus_later("#wizard-step-title".into());
            }
        }
        i
    });

    let next = move |_| {
        if errors.with_untracked(|e| e.is_empty()) {
            show_all.set(false);
            step.update(|s| *s += 1);
        } else {
            show_all.set(true);
            focus_later("#wizard [aria-invalid=true]".into());
        }
    };
    let back = move |_| step.update(|s| *s = s.saturating_sub(1));

    let pending = RwSignal::new(false);
    let may_create = allowed(&backend, TASK_CREATE, None);
    let cannot_create = move || may_create.get() == Some(false);
    let submit_error = RwSignal::new(None::<ApiError>);
    let submit_note = RwSignal::new(None::<String>);
    let create = {
        let (key, template_ref) = (key.clone(), template_ref.to_string());
        move |_| {
            // One task per click burst: the button is disabled while this runs.
            if pending.get_untracked() {
                return;
            }
            let d = data.get_untracked();
            let c = choices.get_untracked();
            let all_fields: Vec<Vec<Field>> = steps.with_value(|s| s.iter().map(|st| step_fields(st, &d, &c)).collect());
            let values = all_values(&all_fields, &d);
            let secret_values: Map<String, Value> = secrets.get_untracked().into_iter().map(|(k, v)| (k, Value::String(v))).collect();
            pending.set(true);
            submit_error.set(None);
            submit_note.set(None);
            let (backend, key, template_ref) = (backend.clone(), key.clone(), template_ref.clone());
            spawn_local(async move {
                match backend.create_task(&template_ref, values, secret_values).await {
                    Ok(id) => {
                        if let Some(s) = session_storage() {
                            let _ = s.remove_item(&key);
                        }
                        router.navigate(&Route::Task(id).path(), false);
                    }
                    Err(SubmitError::Fields(errs)) => {
                        let errs = field_errors(&errs);
                        let first = errs.first().map(|e| step_of(&e.field, &all_fields)).unwrap_or(0);
                        let mut map = BTreeMap::new();
                        for e in &errs {
                            map.insert(e.field.clone(), format!("The backend says this value {}.", e.message));
                        }
                        let _ = server_errors.try_set(map);
                        let _ = submit_note.try_set(Some(format!(
                            "The backend did not accept {} value{}; it is marked below. Nothing you entered was lost.",
                            errs.len(),
                            if errs.len() == 1 { "" } else { "s" }
                        )));
                        let _ = step.try_set(first);
                        let _ = pending.try_set(false);
                        focus_later("#wizard [aria-invalid=true]".into());
                    }
                    Err(SubmitError::Api(e)) => {
                        let _ = submit_error.try_set(Some(e));
                        let _ = pending.try_set(false);
                    }
                }
            });
        }
    };
    let start_over = {
        let key = key.clone();
        move |_| {
            if let Some(s) = session_storage() {
                let _ = s.remove_item(&key);
            }
            data.set(Value::Object(Map::new()));
            secrets.set(BTreeMap::new());
            choices.set(Choices::new());
            touched.set(BTreeSet::new());
            server_errors.set(BTreeMap::new());
            seen.set_value(BTreeSet::new());
            show_all.set(false);
            step.set(0);
        }
    };

    let titles: Vec<String> = schema.steps.iter().map(|s| s.title.clone()).collect();
    let template_path = Route::Entity(template_ref.clone()).path();
    view! {
        <PageHeader title=schema.title.clone()/>
        {schema.description.clone().map(|d| view! { <Markdown text=d class="page-subtitle"/> })}
        <p class="muted">
            <a href=paths::href(&template_path)>"About this template"</a>
            " · "
            <a href=Route::Create.href()>"All templates"</a>
        </p>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {move || cannot_create().then(|| view! {
            <p class="notice warning" id="wizard-denied">{denied("run templates")}" You can still fill in the form and see its review."</p>
        })}
        {restored.then(|| view! { <p class="notice" role="status">"Your earlier input was restored. Secrets are never kept, so enter them again."</p> })}
        <ol class="stepper" aria-label="Steps">
            {titles.into_iter().chain(std::iter::once("Review".to_string())).enumerate().map(|(i, t)| view! {
                <li class:done=move || i < step.get() aria-current=move || (i == step.get()).then_some("step")>{t}</li>
            }).collect_view()}
        </ol>
        <form id="wizard" class="wizard" novalidate on:submit=move |ev| ev.prevent_default()>
            {move || {
                let i = step.get();
                match steps.with_value(|s| s.get(i).cloned()) {
                    Some(st) => view! {
                        <h2 id="wizard-step-title" tabindex="-1">{format!("Step {} of {}: {}", i + 1, n_steps + 1, st.title)}</h2>
                        {st.description.map(|d| view! { <Markdown text=d class="muted"/> })}
                        {step_form(ctx)}
                    }.into_any(),
                    None => steps.with_value(|s| review(ctx, s, step)).into_any(),
                }
            }}
            {move || submit_note.get().map(|n| view! { <p class="notice warning" role="alert">{n}</p> })}
            {move || submit_error.get().map(|e| view! { <ErrorPanel error=e/> <p class="muted">"Your input is kept: press Create to try again."</p> })}
            <div class="wizard-actions">
                <button type="button" class="button" disabled=move || step.get() == 0 on:click=back>"Back"</button>
                {move || if step.get() < n_steps {
                    view! { <button type="submit" class="button primary" on:click=next>"Next"</button> }.into_any()
                } else {
                    view! {
                        <button type="submit" class="button primary" disabled=move || pending.get() || cannot_create() aria-busy=move || pending.get().then_some("true")
                            aria-describedby="wizard-denied" on:click=create.clone()>
                            {move || if pending.get() { "Creating…" } else { "Create" }}
                        </button>
                    }.into_any()
                }}
                <button type="button" class="button subtle" on:click=start_over>"Start over"</button>
            </div>
        </form>
    }
}

/// The review step: each step's values with a button to change them.
pub fn review(ctx: FormCtx, steps: &[TemplateStep], step: RwSignal<usize>) -> impl IntoView {
    let n = steps.len();
    let d = ctx.data.get_untracked();
    let c = ctx.choices.get_untracked();
    let s = ctx.secrets.get_untracked();
    view! {
        <h2 id="wizard-step-title" tabindex="-1">{format!("Step {} of {}: Review", n + 1, n + 1)}</h2>
        {steps.iter().enumerate().map(|(i, st)| {
            let rows = review_rows(&step_fields(st, &d, &c), &d, &s);
            view! {
                <section class="review-step">
                    <h3>{st.title.clone()}</h3>
                    <dl class="review">
                        {rows.into_iter().map(|r| view! { <dt>{r.label}</dt><dd>{r.value}</dd> }).collect_view()}
                    </dl>
                    <button type="button" class="button small" on:click=move |_| step.set(i)>{format!("Change “{}”", st.title)}</button>
                </section>
            }
        }).collect_view()}
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(create, wizard_page, (String, String), |(namespace, name): (String, String)| {
    view! { <WizardPage namespace=namespace name=name/> }.into_any()
});
