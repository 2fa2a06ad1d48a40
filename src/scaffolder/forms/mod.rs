//! The JSON Schema form engine behind the template wizard. The pure core (schema
//! resolution, validation, defaults and pruning, review rows, drafts, the
//! backend's validation errors, repo URLs) is tested natively; `widgets` and
//! `pickers` only render it.

pub mod draft;
pub mod path;
pub mod picker_query;
pub mod pickers;
pub mod regexp;
pub mod repo_url;
pub mod schema;
pub mod submit_errors;
pub mod validate;
pub mod values;
pub mod widgets;
