//! A form for one JSON schema outside the wizard (the import page's suggested
//! entity): the same state, fields, widgets and rules as a wizard step, so an
//! `OwnerPicker` there is the wizard's own.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::check::Check;
use crate::scaffolder::forms::field::FormCtx;
use crate::scaffolder::forms::regexp::browser_patterns;
use crate::scaffolder::forms::schema::{Choices, Field, Resolver};
use crate::scaffolder::forms::validate::validate_fields;
use crate::scaffolder::forms::values::fill_defaults;

/// The form's state for `schema`, starting from `initial` (defaults fill in
/// what it lacks). Render it with `widgets::step_form`.
pub fn single_form(schema: Value, initial: Value) -> FormCtx {
    let schema = Memo::new(move |_| Some(schema.clone()));
    let data = RwSignal::new(initial);
    let choices = RwSignal::new(Choices::new());
    let secrets = RwSignal::new(BTreeMap::<String, String>::new());
    let (fields, errors) = step_fields_and_errors(schema, data, choices, secrets);
    follow_defaults(fields, data);
    FormCtx {
        data,
        secrets,
        choices,
        touched: RwSignal::new(BTreeSet::new()),
        show_all: RwSignal::new(false),
        fields,
        errors,
        server_errors: RwSignal::new(BTreeMap::new()),
    }
}

/// The fields a step's schema gives for the values and choices so far.
pub fn fields_of(schema: &Value, data: &Value, choices: &Choices) -> Vec<Field> {
    Resolver::new(schema, choices, &browser_patterns).step_fields(data)
}

/// The fields of the step whose schema `schema` holds (none without one) and
/// their errors, following the values: what the wizard, its preview in the
/// template editor and a single form all show.
pub fn step_fields_and_errors(
    schema: Memo<Option<Value>>,
    data: RwSignal<Value>,
    choices: RwSignal<Choices>,
    secrets: RwSignal<BTreeMap<String, String>>,
) -> (Memo<Vec<Field>>, Memo<BTreeMap<String, String>>) {
    let fields =
        Memo::new(move |_| schema.with(|s| s.as_ref().map(|s| data.with(|d| choices.with(|c| fields_of(s, d, c)))).unwrap_or_default()));
    let errors = Memo::new(move |_| {
        schema.with(|s| {
            let Some(s) = s else { return BTreeMap::new() };
            let check = Check::new(s, &browser_patterns);
            fields.with(|f| data.with(|d| secrets.with(|sec| validate_fields(f, d, sec, &check))))
        })
    });
    (fields, errors)
}

/// Fields that appear get their defaults (once each: a default the user cleared
/// stays cleared). The fields seen so far, which starting over forgets.
pub fn follow_defaults(fields: Memo<Vec<Field>>, data: RwSignal<Value>) -> StoredValue<BTreeSet<String>> {
    let seen = StoredValue::new(BTreeSet::<String>::new());
    Effect::new(move |_| {
        let f = fields.get();
        let mut d = data.get_untracked();
        let mut s = seen.get_value();
        if fill_defaults(&f, &mut d, &mut s) {
            data.set(d);
        }
        seen.set_value(s);
    });
    seen
}
