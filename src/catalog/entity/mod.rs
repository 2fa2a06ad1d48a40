//! An entity's page: header, about, relations (list and graph), API definition,
//! the raw entity as YAML and JSON, its processing errors and unregistering it.
pub mod api_definition;
pub mod graph;
pub mod graph_view;
pub mod health;
pub mod openapi;
pub mod page;
pub mod unregister;
pub mod yaml;
pub mod yaml_parse;
