//! "Export" on the catalog list: the rows as a file (`file`, pure) and the page
//! that pages through them (`page`, in the catalog-management chunk).
pub mod file;
pub mod page;
