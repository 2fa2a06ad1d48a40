//! What every field of the form shares: the form's state (`FormCtx`, provided
//! once by the wizard and passed to each widget), the DOM ids a field derives from
//! its path, and the shell around an input (label, description, help, error).

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::path::{get, path_id, set, Path};
use crate::scaffolder::forms::schema::{Choices, Field, Kind};
use crate::ui::markdown::Markdown;

/// The state of one wizard's form, shared by every widget.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub data: RwSignal<Value>,
    /// `Secret` fields: never in `data`, never stored.
    pub secrets: RwSignal<BTreeMap<String, String>>,
    pub choices: RwSignal<Choices>,
    /// Fields the user has left at least once: their errors show.
    pub touched: RwSignal<BTreeSet<String>>,
    /// Set by Next/Create: every error of the step shows.
    pub show_all: RwSignal<bool>,
    /// The current step's fields and errors.
    pub fields: Memo<Vec<Field>>,
    pub errors: Memo<BTreeMap<String, String>>,
    /// Errors the backend named on submit, until the field is edited.
    pub server_errors: RwSignal<BTreeMap<String, String>>,
}

impl FormCtx {
    pub fn value(&self, path: &Path) -> Memo<Option<Value>> {
        let (data, path) = (self.data, path.clone());
        Memo::new(move |_| data.with(|d| get(d, &path).cloned()))
    }

    pub fn set_value(&self, path: &Path, v: Option<Value>) {
        self.data.update(|d| set(d, path, v));
        self.forget_server_error(path);
    }

    pub fn set_secret(&self, path: &Path, v: String) {
        let id = path_id(path);
        self.secrets.update(|s| {
            if v.is_empty() {
                s.remove(&id);
            } else {
                s.insert(id, v);
            }
        });
        self.forget_server_error(path);
    }

    fn forget_server_error(&self, path: &Path) {
        let id = path_id(path);
        if self.server_errors.with_untracked(|e| e.contains_key(&id)) {
            self.server_errors.update(|e| {
                e.remove(&id);
            });
        }
    }

    pub fn touch(&self, id: &str) {
        if !self.touched.with_untracked(|t| t.contains(id)) {
            self.touched.update(|t| {
                t.insert(id.to_string());
            });
        }
    }

    /// The message to show under a field now.
    pub fn error(&self, id: String) -> Signal<Option<String>> {
        let ctx = *self;
        Signal::derive(move || {
            ctx.server_errors.with(|s| s.get(&id).cloned()).or_else(|| {
                let shown = ctx.show_all.get() || ctx.touched.with(|t| t.contains(&id));
                if shown {
                    ctx.errors.with(|e| e.get(&id).cloned())
                } else {
                    None
                }
            })
        })
    }

    /// The current version of the field at `path` (its children change with the data).
    pub fn lookup(&self, path: &Path) -> Option<Field> {
        self.fields.with(|fields| find(fields, path).cloned())
    }
}

fn find<'a>(fields: &'a [Field], path: &Path) -> Option<&'a Field> {
    let f = fields.iter().find(|f| path.starts_with(&f.path))?;
    if f.path.len() == path.len() {
        Some(f)
    } else {
        find(f.children(), path)
    }
}

/// DOM ids derived from the field path.
pub struct Ids {
    pub input: String,
    pub description: String,
    pub error: String,
}

impl Ids {
    pub fn of(f: &Field) -> Ids {
        let base: String = f.id().chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
        Ids { input: format!("field-{base}"), description: format!("field-{base}-description"), error: format!("field-{base}-error") }
    }

    pub fn described_by(&self, f: &Field) -> String {
        if f.description().is_some() {
            format!("{} {}", self.description, self.error)
        } else {
            self.error.clone()
        }
    }
}

/// Keys a field for `<For>`: same path, schema and shape, same DOM. (A recursive
/// part's shape changes with the data: "Add …" becomes its fields.)
pub fn field_key(f: &Field) -> String {
    let unexpanded = f.kind == Kind::Unexpanded;
    format!("{}|{}|{}|{unexpanded}", f.id(), serde_json::to_string(&f.schema).unwrap_or_default(), f.required)
}

/// Label, description, the input, help and the error message.
pub fn field_shell(f: &Field, ctx: FormCtx, ids: &Ids, input: AnyView) -> AnyView {
    let err = ctx.error(f.id());
    let error_id = ids.error.clone();
    view! {
        <div class="form-field" class:has-error=move || err.get().is_some()>
            <label for=ids.input.clone()>{f.title()}{required_mark(f.required)}</label>
            {description(f, ids)}
            {input}
            {help(f)}
            <p class="field-error" id=error_id aria-live="polite">{move || err.get()}</p>
        </div>
    }
    .into_any()
}

pub fn required_mark(required: bool) -> Option<impl IntoView> {
    required.then(|| view! { <span class="required" title="required">" *"</span> })
}

pub fn description(f: &Field, ids: &Ids) -> Option<impl IntoView> {
    f.description().map(|d| view! { <Markdown text=d class="field-description" id=ids.description.clone()/> })
}

pub fn help(f: &Field) -> Option<impl IntoView> {
    f.ui_str("help").map(|h| view! { <p class="field-help">{h.to_string()}</p> })
}
