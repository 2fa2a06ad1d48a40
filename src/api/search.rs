//! The search plugin (`/api/search`).

use crate::api::backend::Backend;
use crate::api::error::ApiError;
use crate::api::types::SearchResultSet;
use crate::model::query::query_string;

impl Backend {
    /// One page (25 results) of `GET /query`, with `SearchQuery::api_query` pairs.
    pub async fn search(&self, pairs: &[(&str, String)]) -> Result<SearchResultSet, ApiError> {
        self.get_json(&self.plugin_url("search", &format!("/query{}", query_string(pairs)))).await
    }
}
