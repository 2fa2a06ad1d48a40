//! `Backend`: the HTTP core every plugin client hangs off. It adds the Bearer
//! token (only for URLs under the configured backend), turns every failure into
//! `ApiError`, and on a 401 refreshes the session once and retries before sending
//! the user to the sign-in page.

use serde::de::DeserializeOwned;

use crate::api::error::{ApiError, ApiErrorKind};
use crate::api::http::{self, parse_json, parse_value, RawRequest, RawResponse};
use crate::api::json::{self, FromJson};
use crate::api::session::Session;
use crate::api::sse;

#[derive(Clone)]
pub struct Backend {
    base: String,
    session: Session,
}

/// Whether `url` points into the backend (the token must go nowhere else).
pub fn is_backend_url(base: &str, url: &str) -> bool {
    url.strip_prefix(base).is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
}

impl Backend {
    pub fn new(base: &str, session: Session) -> Self {
        Self { base: base.to_string(), session }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// `{base}/api/{plugin}{path}`.
    pub fn plugin_url(&self, plugin: &str, path: &str) -> String {
        format!("{}/api/{plugin}{path}", self.base)
    }

    /// The session's token, for URLs under the backend only.
    fn token_for(&self, url: &str) -> Option<String> {
        if is_backend_url(&self.base, url) {
            self.session.token()
        } else {
            None
        }
    }

    async fn send_once(&self, method: &str, url: &str, body: Option<&str>, with_credentials: bool) -> Result<RawResponse, ApiError> {
        let token = self.token_for(url);
        http::send(RawRequest { method, url, body, bearer: token.as_deref(), with_credentials, headers: &[] }).await
    }

    /// Sends a request; 401 → one session refresh and retry → sign-in page. Any
    /// other answer comes back as it is, for callers that read error bodies.
    pub async fn request_raw(&self, method: &str, url: &str, body: Option<&str>) -> Result<RawResponse, ApiError> {
        let mut resp = self.send_once(method, url, body, false).await?;
        if resp.status == 401 && self.session.token().is_some() {
            if self.session.refresh().await.is_ok() {
                resp = self.send_once(method, url, body, false).await?;
            }
            if resp.status == 401 {
                self.session.expire();
            }
        }
        Ok(resp)
    }

    /// Sends a request; the body of a 2xx answer, or the error in words.
    pub async fn request(&self, method: &str, url: &str, body: Option<&str>) -> Result<String, ApiError> {
        success_body(self.request_raw(method, url, body).await?, url)
    }

    /// A request that also sends and accepts the backend's cookies (CORS with
    /// credentials), Bearer token included.
    pub async fn request_with_cookies(&self, method: &str, url: &str) -> Result<String, ApiError> {
        success_body(self.send_once(method, url, None, true).await?, url)
    }

    /// Streams a `text/event-stream` from the backend, calling `on_event` per event
    /// until the server ends it (`Ok`) or it fails or is cut (`Err`).
    pub async fn stream_events(&self, url: &str, mut on_event: impl FnMut(sse::SseEvent)) -> Result<(), ApiError> {
        match self.stream_once(url, &mut on_event).await {
            Err(e) if e.kind == ApiErrorKind::Unauthorized && self.session.refresh().await.is_ok() => {
                self.stream_once(url, &mut on_event).await
            }
            other => other,
        }
    }

    async fn stream_once(&self, url: &str, on_event: &mut impl FnMut(sse::SseEvent)) -> Result<(), ApiError> {
        let token = self.token_for(url);
        http::stream_events(
            RawRequest { method: "GET", url, body: None, bearer: token.as_deref(), with_credentials: false, headers: &[] },
            on_event,
        )
        .await
    }

    pub async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        let body = self.request("GET", url, None).await?;
        parse_json(&body, url)
    }

    /// `get_json` for the types read by hand (`api::json`): the first page's.
    pub async fn get_as<T: FromJson>(&self, url: &str) -> Result<T, ApiError> {
        let body = self.request("GET", url, None).await?;
        json::read(parse_value(&body, url)?, url)
    }

    pub async fn post_as<T: FromJson>(&self, url: &str, payload: &serde_json::Value) -> Result<T, ApiError> {
        let body = self.request("POST", url, Some(&json::to_text(payload))).await?;
        json::read(parse_value(&body, url)?, url)
    }

    pub async fn post_json<T: DeserializeOwned>(&self, url: &str, payload: &serde_json::Value) -> Result<T, ApiError> {
        let body = self.request("POST", url, Some(&json::to_text(payload))).await?;
        parse_json(&body, url)
    }
}

/// The body of a 2xx answer, or the error it stands for.
fn success_body(resp: RawResponse, url: &str) -> Result<String, ApiError> {
    if (200..300).contains(&resp.status) {
        Ok(resp.body)
    } else {
        Err(ApiError::from_status(resp.status, &resp.body, url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_goes_only_to_the_backend() {
        let base = "http://127.0.0.1:7007";
        assert!(is_backend_url(base, "http://127.0.0.1:7007/api/catalog/entities"));
        assert!(is_backend_url(base, "http://127.0.0.1:7007"));
        assert!(!is_backend_url(base, "http://127.0.0.1:70071/api"));
        assert!(!is_backend_url(base, "http://127.0.0.1:7007.evil.example/api"));
        assert!(!is_backend_url(base, "https://fonts.example/x"));
        assert!(is_backend_url("https://b.example/backstage", "https://b.example/backstage/api/x"));
        assert!(!is_backend_url("https://b.example/backstage", "https://b.example/backstagex/api"));
    }
}
