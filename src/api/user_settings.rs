//! The user-settings plugin (`/api/user-settings`): small values the backend
//! keeps per signed-in user. Backstage's own frontend keeps a user's stars in
//! its storage namespace `default`, bucket `starredEntities` (joined with a dot)
//! under the key `entityRefs`; using the same place means both frontends share
//! the stars.

use crate::api::backend::Backend;
use crate::api::error::ApiError;
use crate::api::json::{Fields, FromJson};

const STARS: &str = "/buckets/default.starredEntities/keys/entityRefs";

struct Setting {
    value: serde_json::Value,
}

impl FromJson for Setting {
    fn from_json(v: serde_json::Value) -> Result<Self, String> {
        Ok(Setting { value: Fields::of(v)?.opt("value")?.unwrap_or_default() })
    }
}

impl Backend {
    /// The stars the backend keeps for the signed-in user, as stored (any JSON
    /// value: another frontend wrote it); `None` when none were ever saved.
    pub async fn stars_on_server(&self) -> Result<Option<serde_json::Value>, ApiError> {
        match self.get_as::<Setting>(&self.plugin_url("user-settings", STARS)).await {
            Ok(s) => Ok(Some(s.value)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Replaces the user's stars on the backend with `refs`.
    pub async fn save_stars_on_server(&self, refs: &[String]) -> Result<(), ApiError> {
        let body = crate::api::json::to_text(&serde_json::json!({ "value": refs }));
        self.request("PUT", &self.plugin_url("user-settings", STARS), Some(&body)).await.map(|_| ())
    }
}
