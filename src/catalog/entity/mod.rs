//! An entity's page: header, about, relations (list and graph), API definition,
//! and the raw entity as YAML and JSON.
pub mod api_definition;
pub mod graph;
pub mod graph_view;
pub mod highlight;
pub mod openapi;
pub mod page;
pub mod yaml;
pub mod yaml_parse;
