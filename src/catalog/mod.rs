//! The software catalog: the list page with its filters (URL ⇄ state ⇄ server
//! query), the table, stars, and an entity's page (`entity/`).
pub mod data;
pub mod entity;
pub mod export;
pub mod filter;
pub mod filters;
pub mod list;
pub mod star_button;
pub mod starred;
pub mod stars;
pub mod stars_note;
pub mod table;
