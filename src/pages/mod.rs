//! One module per route.
pub mod actions;
pub mod catalog;
pub mod config_error;
pub mod create;
pub mod docs;
pub mod docs_reader;
pub mod entity;
pub mod not_found;
pub mod search;
pub mod settings;
pub mod sign_in;
pub mod split;
pub mod task;
pub mod tasks;
pub mod wizard;
