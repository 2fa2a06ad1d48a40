//! Adding to the catalog, as Backstage's `catalog-import` plugin does: register
//! an existing entity file or repository (`register`), or check entity YAML
//! without registering it (`validate`). Both pages and the catalog's export
//! panel are one wasm chunk (`pages`).
pub mod checks;
pub mod pages;
pub mod plan;
pub mod reasons;
pub mod register;
pub mod suggestion;
pub mod validate;
