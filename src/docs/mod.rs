//! TechDocs: the HTML pipeline from a page mkdocs built to what the reader shows
//! (pure and natively tested; the reader page is still to come, see issue 5).

pub mod links;
pub mod page;
