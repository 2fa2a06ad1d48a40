//! Adding to the catalog, as Backstage's `catalog-import` plugin does: register
//! an existing entity file or repository (`register`), or check entity YAML
//! without registering it (`validate`). Both pages are one wasm chunk.
pub mod checks;
pub mod plan;
pub mod reasons;
pub mod register;
pub mod suggestion;
pub mod validate;
