//! The frame around the features: configuration gate, mount point, routes and the
//! router, header (nav, user menu, theme), sign-in, settings and the error pages.
pub mod app;
pub mod boot;
pub mod config_error;
pub mod embed;
pub mod lazy;
pub mod mount;
pub mod nav;
pub mod not_found;
pub mod panic_page;
pub mod paths;
pub mod quick_switcher;
pub mod router;
pub mod routes;
pub mod settings;
pub mod sign_in;
pub mod theme;
pub mod theme_switch;
pub mod user_menu;
