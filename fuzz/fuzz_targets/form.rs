//! The template form engine on any schema and data (`{"schema": …, "data": …,
//! "choices": …}`):
//! fields, defaults, validation, review and the descriptions' Markdown never
//! panic or loop forever, recursive schemas included.
#![no_main]
use std::collections::{BTreeMap, BTreeSet};

use libfuzzer_sys::fuzz_target;
use stagedoor::scaffolder::forms::{check::Check, schema::{Choices, Resolver}, validate::validate_fields, values};

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
    let check = Check::new(&schema, &patterns);
    let _ = validate_fields(&fields, &form, &secrets, &check);
    let _ = check.is_valid(&form, &schema);
    // Descriptions are Markdown.
    for f in &fields {
        let _ = f.description().map(stagedoor::ui::markdown::parse);
    }
    let _ = values::visible_values(&fields, &form);
    let _ = values::review_rows(&fields, &form, &secrets);
});
