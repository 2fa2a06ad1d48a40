//! Reusable widgets; pages compose them.
pub mod api_definition;
pub mod async_view;
pub mod catalog_filters;
pub mod debounce;
pub mod entity_link;
pub mod entity_table;
pub mod error_panel;
pub mod focus;
pub mod loading;
pub mod nav;
pub mod page_header;
pub mod pager;
pub mod relations_graph;
pub mod star_button;
pub mod theme_switch;
pub mod user_menu;
