//! Search: the search page (URL state, type tabs, filters, marked matches) and the
//! Ctrl/⌘-K quick switcher's panel.
pub mod hit;
pub mod page;
pub mod state;
pub mod switcher;
pub mod switcher_panel;
