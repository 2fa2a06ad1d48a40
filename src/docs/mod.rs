//! TechDocs: the HTML pipeline from a page mkdocs built to what the reader shows
//! (pure and natively tested), and the session's cache of read pages (`pages`).

pub mod links;
pub mod page;
pub mod pages;
