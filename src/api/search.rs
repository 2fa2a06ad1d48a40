//! The search plugin (`/api/search`).

use super::types::SearchResultSet;
use super::{query_string, ApiError, Backend};

impl Backend {
    /// One page (25 results) of `GET /query`.
    pub async fn search(&self, term: &str, page_cursor: Option<&str>) -> Result<SearchResultSet, ApiError> {
        let mut pairs = vec![("term", term.to_string())];
        if let Some(c) = page_cursor {
            pairs.push(("pageCursor", c.to_string()));
        }
        self.get_json(&self.plugin_url("search", &format!("/query{}", query_string(&pairs)))).await
    }
}
