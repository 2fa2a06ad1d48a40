//! Small UI pieces every feature uses; none knows a feature.
pub mod async_view;
pub mod code_editor;
pub mod debounce;
pub mod entity_link;
pub mod error_panel;
pub mod focus;
pub mod highlight;
pub mod loaded;
pub mod loading;
pub mod markdown;
pub mod missing_plugin;
pub mod page_header;
pub mod page_style;
pub mod pager;
pub mod submit;
