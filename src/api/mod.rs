//! Typed clients for the Backstage plugins the portal talks to, over one HTTP core
//! (`backend`). Inside `api` the layers go one way: `http`, `error`, `sse` →
//! `auth` → `session` → `backend` → one client per plugin.

pub mod auth;
pub mod backend;
pub mod catalog;
pub mod error;
pub mod http;
pub mod json;
pub mod permission;
pub mod plugins;
pub mod scaffolder;
pub mod search;
pub mod session;
pub mod sse;
pub mod techdocs;
pub mod types;
pub mod user_settings;

pub use backend::Backend;
pub use error::{ApiError, ApiErrorKind};
pub use http::RawResponse;
