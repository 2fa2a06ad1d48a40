//! What every feature shares, pure: entity refs, percent-encoding and query
//! strings, relation grouping, small text helpers, JSON text (read by the
//! browser's own parser there).
pub mod entity_ref;
pub mod json_text;
pub mod percent;
pub mod query;
pub mod relations;
pub mod text;
