//! Which optional plugins the backend has. A deployment may leave out search,
//! TechDocs or the scaffolder; a page that needs one says so instead of failing
//! on its first call.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::api::backend::Backend;
use crate::api::http::{self, RawRequest};

thread_local! {
    /// One probe a plugin for the page's life.
    static KNOWN: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
}

impl Backend {
    /// Whether the backend serves `plugin` (`search`, `techdocs`, `scaffolder`).
    /// Every plugin of Backstage's backend system serves its public keys at
    /// `/.backstage/auth/v1/jwks.json` without sign-in; a path no plugin serves
    /// is a 404. Only that 404 counts as absent: an unreachable backend is
    /// reported by the page's own calls, not as a missing plugin.
    pub async fn has_plugin(&self, plugin: &str) -> bool {
        if let Some(known) = KNOWN.with_borrow(|k| k.get(plugin).copied()) {
            return known;
        }
        let url = self.plugin_url(plugin, "/.backstage/auth/v1/jwks.json");
        let request = RawRequest { method: "GET", url: &url, body: None, bearer: None, with_credentials: false, headers: &[] };
        let present = http::send(request).await.map_or(true, |r| r.status != 404);
        KNOWN.with_borrow_mut(|k| k.insert(plugin.to_string(), present));
        present
    }
}
