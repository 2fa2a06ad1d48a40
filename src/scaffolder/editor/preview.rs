//! The form a template gives, as the wizard shows it, re-rendered whenever the
//! edited template gives a new one. What was typed stays while the fields it
//! belongs to are still there; the review and the exact values the backend would
//! receive are shown below.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde_json::Value;

use crate::api::types::TemplateParameterSchema;
use crate::scaffolder::forms::field::FormCtx;
use crate::scaffolder::forms::schema::{Choices, Field};
use crate::scaffolder::forms::standalone::{follow_defaults, step_fields_and_errors};
use crate::scaffolder::forms::widgets::step_form;
use crate::scaffolder::wizard::{all_values, review, step_fields};
use crate::ui::markdown::Markdown;

/// The preview's state, which outlives each form the template gives: the values
/// (kept in the editor's draft) and the secrets (never kept).
#[derive(Clone, Copy)]
pub struct PreviewState {
    pub data: RwSignal<Value>,
    pub secrets: RwSignal<BTreeMap<String, String>>,
    pub choices: RwSignal<Choices>,
    pub step: RwSignal<usize>,
}

impl PreviewState {
    pub fn new(values: Value) -> Self {
        PreviewState {
            data: RwSignal::new(values),
            secrets: RwSignal::new(BTreeMap::new()),
            choices: RwSignal::new(Choices::new()),
            step: RwSignal::new(0),
        }
    }

    /// The values the backend would receive for `form`.
    pub fn values(&self, form: &TemplateParameterSchema) -> serde_json::Map<String, Value> {
        let d = self.data.get_untracked();
        let c = self.choices.get_untracked();
        let fields: Vec<Vec<Field>> = form.steps.iter().map(|st| step_fields(st, &d, &c)).collect();
        all_values(&fields, &d)
    }

    /// The secrets typed in the preview, as the backend takes them.
    pub fn secret_values(&self) -> serde_json::Map<String, Value> {
        self.secrets.get_untracked().into_iter().map(|(k, v)| (k, Value::String(v))).collect()
    }
}

#[component]
pub fn FormPreview(#[prop(into)] form: Signal<Option<TemplateParameterSchema>>, state: PreviewState) -> impl IntoView {
    let PreviewState { data, secrets, choices, step } = state;
    let touched = RwSignal::new(BTreeSet::<String>::new());
    let show_all = RwSignal::new(false);
    let n_steps = Memo::new(move |_| form.with(|f| f.as_ref().map_or(0, |f| f.steps.len())));
    // A step the edited template no longer has: the review.
    let at = Memo::new(move |_| step.get().min(n_steps.get()));
    let schema = Memo::new(move |_| {
        let i = at.get();
        form.with(|f| f.as_ref().and_then(|f| f.steps.get(i)).map(|st| st.schema.clone()))
    });
    let (fields, errors) = step_fields_and_errors(schema, data, choices, secrets);
    let ctx = FormCtx { data, secrets, choices, touched, show_all, fields, errors, server_errors: RwSignal::new(BTreeMap::new()) };
    follow_defaults(fields, data);

    let next = move |_: leptos::ev::MouseEvent| {
        if errors.with_untracked(BTreeMap::is_empty) {
            show_all.set(false);
            step.set(at.get_untracked() + 1);
        } else {
            show_all.set(true);
        }
    };
    let back = move |_: leptos::ev::MouseEvent| step.set(at.get_untracked().saturating_sub(1));
    let values_json = move || {
        // `values` reads the state untracked (it also serves the dry run's click).
        data.track();
        choices.track();
        form.with(|f| f.as_ref().map(|f| serde_json::to_string_pretty(&Value::Object(state.values(f))).unwrap_or_default()))
    };

    view! {
        {move || form.with(|f| f.as_ref().map(|f| view! {
            <h3 class="preview-title">{f.title.clone()}</h3>
            {f.description.clone().map(|d| view! { <Markdown text=d class="muted"/> })}
        }))}
        <ol class="stepper" aria-label="Steps of the previewed form">
            {move || form.with(|f| {
                let titles: Vec<String> = f.as_ref().map(|f| f.steps.iter().map(|s| s.title.clone()).collect()).unwrap_or_default();
                titles.into_iter().chain(std::iter::once("Review".to_string())).enumerate().map(|(i, t)| view! {
                    <li class:done=move || i < at.get() aria-current=move || (i == at.get()).then_some("step")>{t}</li>
                }).collect_view()
            })}
        </ol>
        <form class="wizard preview-form" novalidate on:submit=move |ev| ev.prevent_default()>
            // Redrawn only when the step changes: an edit of the template reaches
            // the fields through `fields`, whose list is keyed, so a keystroke in
            // the YAML redraws the field it changed and no other.
            {move || {
                let i = at.get();
                if i < n_steps.get() {
                    let step_text = move |f: &TemplateParameterSchema| f.steps.get(i).map(|st| (st.title.clone(), st.description.clone(), f.steps.len()));
                    let text = Memo::new(move |_| form.with(|f| f.as_ref().and_then(step_text)));
                    view! {
                        <h4>{move || text.get().map(|(title, _, n)| format!("Step {} of {}: {}", i + 1, n + 1, title))}</h4>
                        {move || text.get().and_then(|(_, d, _)| d).map(|d| view! { <Markdown text=d class="muted"/> })}
                        {step_form(ctx)}
                    }.into_any()
                } else {
                    view! { {move || form.with(|f| f.as_ref().map(|f| review(ctx, &f.steps, step)))} }.into_any()
                }
            }}
            <div class="wizard-actions">
                <button type="button" class="button" disabled=move || at.get() == 0 on:click=back>"Back"</button>
                <button type="submit" class="button primary" disabled=move || { at.get() >= n_steps.get() } on:click=next>"Next"</button>
            </div>
        </form>
        <details class="preview-values" open>
            <summary>"Values the backend receives"</summary>
            <pre class="code-block" tabindex="0" aria-label="Values the backend receives">{values_json}</pre>
        </details>
    }
}
