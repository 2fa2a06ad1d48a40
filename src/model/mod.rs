//! What every feature shares, pure: entity refs, percent-encoding and query
//! strings, relation grouping, small text helpers.
pub mod entity_ref;
pub mod percent;
pub mod query;
pub mod relations;
pub mod text;
