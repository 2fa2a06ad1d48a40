//! The TechDocs plugin (`/api/techdocs`).

use crate::api::backend::Backend;
use crate::api::error::ApiError;
use crate::model::entity_ref::{encode_segment, EntityRef};

/// `{namespace}/{kind}/{name}`: TechDocs puts the namespace first.
pub fn docs_path(r: &EntityRef) -> String {
    format!(
        "{}/{}/{}",
        encode_segment(&r.namespace.to_ascii_lowercase()),
        encode_segment(&r.kind.to_ascii_lowercase()),
        encode_segment(&r.name)
    )
}

/// What the backend's docs build said (`GET /sync/...`, an event stream).
#[derive(Clone, Debug, PartialEq)]
pub enum SyncEvent {
    Log(String),
    /// Done; `updated` when a newer build replaced what was there.
    Finish {
        updated: bool,
    },
    Error(String),
}

/// Reads one event of the sync stream.
pub fn sync_event(event: &str, data: &str) -> Option<SyncEvent> {
    let value: serde_json::Value = serde_json::from_str(data).unwrap_or(serde_json::Value::String(data.to_string()));
    match event {
        "log" => Some(SyncEvent::Log(value.as_str().map(str::to_string).unwrap_or_else(|| value.to_string()))),
        "finish" => Some(SyncEvent::Finish { updated: value.get("updated").and_then(serde_json::Value::as_bool).unwrap_or(false) }),
        "error" => Some(SyncEvent::Error(
            value
                .as_str()
                .map(str::to_string)
                .or_else(|| value.get("message").and_then(|m| m.as_str()).map(str::to_string))
                .unwrap_or_else(|| value.to_string()),
        )),
        _ => None,
    }
}

impl Backend {
    /// The site's static root on the backend (ends in `/`).
    pub fn techdocs_static_base(&self, r: &EntityRef) -> String {
        self.plugin_url("techdocs", &format!("/static/docs/{}/", docs_path(r)))
    }

    /// One page of a built site, as HTML.
    pub async fn techdocs_page(&self, r: &EntityRef, path: &str) -> Result<String, ApiError> {
        self.request("GET", &format!("{}{path}index.html", self.techdocs_static_base(r)), None).await
    }

    /// Asks the backend for the `backstage-auth` cookie, so images and files the
    /// browser fetches itself (without the Bearer header) are let through.
    pub async fn techdocs_cookie(&self) -> Result<(), ApiError> {
        self.request_with_cookies("GET", &self.plugin_url("techdocs", "/.backstage/auth/v1/cookie")).await.map(|_| ())
    }

    /// Builds the docs if needed, reporting as it goes, until the backend says done.
    pub async fn sync_techdocs(&self, r: &EntityRef, mut on_event: impl FnMut(SyncEvent)) -> Result<(), ApiError> {
        let url = self.plugin_url("techdocs", &format!("/sync/{}", docs_path(r)));
        self.stream_events(&url, |e| {
            if let Some(ev) = sync_event(&e.event, &e.data) {
                on_event(ev);
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_events() {
        assert_eq!(sync_event("log", "\"Step 1\""), Some(SyncEvent::Log("Step 1".into())));
        assert_eq!(sync_event("finish", r#"{"updated":true}"#), Some(SyncEvent::Finish { updated: true }));
        assert_eq!(sync_event("error", "\"Failed to build\""), Some(SyncEvent::Error("Failed to build".into())));
        assert_eq!(sync_event("other", "x"), None);
    }

    #[test]
    fn namespace_comes_first() {
        assert_eq!(docs_path(&EntityRef::new("Component", "default", "checkout-service")), "default/component/checkout-service");
    }
}
