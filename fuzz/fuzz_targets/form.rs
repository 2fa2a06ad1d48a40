//! The template form engine on any schema and data (`{"schema": …, "data": …,
//! "choices": …}`):
//! fields, defaults, validation and review never panic or loop forever.
#![no_main]
use std::collections::{BTreeMap, BTreeSet};

use libfuzzer_sys::fuzz_target;
use stagedoor::scaffolder::forms::{schema::{Choices, Resolver}, validate::validate_fields, values};

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let schema = v.get("schema").cloned().unwrap_or_default();
    let mut form = v.get("data").cloned().unwrap_or_default();
    // Choices of `oneOf` shapes, as the user may have picked them.
    let choices: Choices = v.get("choices").and_then(|c| serde_json::from_value(c.clone()).ok()).unwrap_or_default();
    let patterns = |_: &str, _: &str| true;
    let fields = Resolver::new(&schema, &choices, &patterns).step_fields(&form);
    values::fill_defaults(&fields, &mut form, &mut BTreeSet::new());
    let secrets = BTreeMap::new();
    let _ = validate_fields(&fields, &form, &secrets, &patterns);
    let _ = values::visible_values(&fields, &form);
    let _ = values::review_rows(&fields, &form, &secrets);
});
