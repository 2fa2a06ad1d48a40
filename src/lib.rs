//! Stagedoor: a Backstage-compatible developer portal (Leptos CSR, WebAssembly).
pub mod api;
pub mod app;
pub mod boot;
pub mod components;
pub mod config;
pub mod docs;
pub mod forms;
pub mod lazy;
pub mod model;
pub mod pages;
pub mod panic_page;
pub mod paths;
pub mod router;
pub mod session;
pub mod stars;
pub mod theme;
pub mod timer;
