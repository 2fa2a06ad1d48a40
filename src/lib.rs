//! Stagedoor: a Backstage-compatible developer portal (Leptos CSR, WebAssembly).
//!
//! One folder per feature the user sees (`catalog`, `scaffolder`, `docs`,
//! `search`), the frame around them (`shell`), the backend clients (`api`), small
//! shared UI pieces (`ui`) and what every feature shares (`model`, `browser`,
//! `config`). ARCHITECTURE.md maps them.
pub mod api;
pub mod browser;
pub mod catalog;
pub mod catalog_import;
pub mod config;
pub mod docs;
pub mod model;
pub mod scaffolder;
pub mod search;
pub mod shell;
pub mod ui;
