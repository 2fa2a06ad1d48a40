//! The JSON Schema form engine behind the template wizard. The pure core (schema
//! resolution, validation, defaults and pruning, review rows, drafts, the
//! backend's validation errors, repo URLs) is tested natively; `field` (the form's
//! state and a field's shell), `widgets` and `extensions/` (one file per
//! `ui:field`) render it.

pub mod check;
pub mod draft;
pub mod extensions;
pub mod field;
pub mod formats;
pub mod keywords;
pub mod path;
pub mod picker_query;
pub mod regexp;
pub mod repo_url;
pub mod schema;
pub mod standalone;
pub mod submit_errors;
pub mod validate;
pub mod values;
pub mod widgets;
