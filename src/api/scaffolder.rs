//! The scaffolder plugin (`/api/scaffolder`).

use super::types::ScaffolderAction;
use super::{ApiError, Backend};

impl Backend {
    /// The actions installed on the backend (`GET /v2/actions`).
    pub async fn scaffolder_actions(&self) -> Result<Vec<ScaffolderAction>, ApiError> {
        self.get_json(&self.plugin_url("scaffolder", "/v2/actions")).await
    }
}
