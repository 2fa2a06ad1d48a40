//! `/create/edit`: the template editor. A template's YAML beside the form it
//! gives, a dry run of its steps, and the field explorer.
pub mod folder;
pub mod template_doc;
