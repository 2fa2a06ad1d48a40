//! Pure catalog concepts, with no browser or network in them.
pub mod entity_ref;
pub mod route;
pub mod percent;
pub mod catalog_filter;
pub mod starred;
pub mod task_log;
pub mod relations;
pub mod yaml;
pub mod graph;
pub mod yaml_parse;
pub mod openapi;
pub mod highlight;
pub mod search;
pub mod switcher;
