//! TechDocs: the documented entities (`index`), the reader, and the HTML pipeline
//! from a page mkdocs built to what the reader shows (`links`, `page`; pure and
//! natively tested; `in_browser` the same with the browser's own parser and
//! sanitizer) with the session's cache of read pages (`pages`).

pub mod beginning;
pub mod in_browser;
pub mod index;
pub mod links;
pub mod page;
pub mod pages;
pub mod reader;
pub mod search;
pub mod state;
