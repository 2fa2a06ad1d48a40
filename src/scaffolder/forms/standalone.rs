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
    let schema = StoredValue::new(schema);
    let data = RwSignal::new(initial);
    let choices = RwSignal::new(Choices::new());
    let secrets = RwSignal::new(BTreeMap::<String, String>::new());
    let fields =
        Memo::new(move |_| schema.with_value(|s| data.with(|d| choices.with(|c| Resolver::new(s, c, &browser_patterns).step_fields(d)))));
    let errors = Memo::new(move |_| {
        schema.with_value(|s| {
            let check = Check::new(s, &browser_patterns);
            fields.with(|f| data.with(|d| secrets.with(|sec| validate_fields(f, d, sec, &check))))
        })
    });
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
