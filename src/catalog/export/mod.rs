//! "Export" on the catalog list: the rows as a file (`file`, pure) and the panel
//! that pages through them (`panel`, a chunk of its own).
pub mod file;
pub mod panel;
