//! `/create/edit`: the template editor. A template's YAML beside the form it
//! gives, a dry run of its steps and the files they produce.
pub mod dry_run;
pub mod fields;
pub mod folder;
pub mod in_place;
pub mod page;
pub mod preview;
pub mod results;
pub mod template_doc;
pub mod zip;
