//! One error type for every backend call, built from the shapes Backstage answers
//! with (see `shared/backstage-api.md`), with a message a user can read.

use serde_json::Value;

use crate::model::text::clipped;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiErrorKind {
    /// The request never got an answer: backend down, wrong URL, or CORS refused.
    Unreachable,
    /// 401: the token is missing, expired or rejected.
    Unauthorized,
    /// Any other non-2xx answer.
    Status(u16),
    /// A 2xx answer whose body is not the JSON we expected.
    BadBody,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub kind: ApiErrorKind,
    /// Backstage's error name (`NotFoundError`, `InputError`, …) when it sent one.
    pub name: Option<String>,
    /// What the backend (or the browser) said, already trimmed for display.
    pub detail: String,
    pub url: String,
}

impl ApiError {
    pub fn unreachable(url: &str, cause: &str) -> Self {
        Self { kind: ApiErrorKind::Unreachable, name: None, detail: cause.to_string(), url: url.to_string() }
    }

    pub fn bad_body(url: &str, cause: &str) -> Self {
        Self { kind: ApiErrorKind::BadBody, name: None, detail: cause.to_string(), url: url.to_string() }
    }

    /// Builds the error for a non-2xx answer from its status and body text.
    pub fn from_status(status: u16, body: &str, url: &str) -> Self {
        let (name, detail) = parse_error_body(body);
        let kind = if status == 401 { ApiErrorKind::Unauthorized } else { ApiErrorKind::Status(status) };
        Self { kind, name, detail: detail.unwrap_or_default(), url: url.to_string() }
    }

    pub fn status(&self) -> Option<u16> {
        match self.kind {
            ApiErrorKind::Unauthorized => Some(401),
            ApiErrorKind::Status(s) => Some(s),
            _ => None,
        }
    }

    /// 404 for an item the backend does not have; not for a plugin it lacks.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404) && self.missing_plugin().is_none()
    }

    /// The optional plugin the backend lacks, when this is its answer for one
    /// of that plugin's endpoints: Backstage's root router answers a path no
    /// plugin serves with a bare 404, while a plugin's own 404 carries its
    /// `{"error": …}` body. Only endpoints every version of the plugin serves
    /// count (a TechDocs page file that is not there is also a bare 404).
    pub fn missing_plugin(&self) -> Option<&'static str> {
        if self.status() != Some(404) || self.name.is_some() || !self.detail.is_empty() {
            return None;
        }
        let path = self.url.split_once("/api/").map(|(_, p)| p)?;
        [("search/query", "search"), ("techdocs/metadata/", "TechDocs"), ("techdocs/sync/", "TechDocs"), ("scaffolder/v2/", "scaffolder")]
            .into_iter()
            .find(|(prefix, _)| path.starts_with(prefix))
            .map(|(_, plugin)| plugin)
    }

    /// A sentence for the page: what happened, in the user's words, then the
    /// backend's own detail.
    pub fn user_message(&self) -> String {
        let what = match &self.kind {
            ApiErrorKind::Unreachable => format!(
                "Could not reach the Backstage backend at {}. Either it is down or not reachable from this browser, or its CORS settings (backend.cors.origin, with credentials: true) do not allow this portal's origin{}.",
                origin_of(&self.url),
                page_origin().map(|o| format!(" ({o})")).unwrap_or_default()
            ),
            ApiErrorKind::Unauthorized => "The backend did not accept your sign-in (401). Your session may have expired; sign in again.".to_string(),
            ApiErrorKind::Status(404) => match self.missing_plugin() {
                Some(plugin) => format!(
                    "This Backstage backend does not have the {plugin} plugin installed (404 for {}), so this page cannot work with it. Its administrators can add the plugin to the backend.",
                    self.url.split('?').next().unwrap_or_default()
                ),
                None => "The backend has no such item (404).".to_string(),
            },
            ApiErrorKind::Status(403) => "You are not allowed to do this: the backend's permission policy denies it (403).".to_string(),
            ApiErrorKind::Status(400) => "The backend rejected the request as invalid (400).".to_string(),
            ApiErrorKind::Status(409) => "The backend reports a conflict (409).".to_string(),
            ApiErrorKind::Status(413) => "The request was too large for the backend (413).".to_string(),
            ApiErrorKind::Status(s) if *s >= 500 => format!("The backend failed while answering ({s}). Try again in a moment."),
            ApiErrorKind::Status(s) => format!("The backend answered with an unexpected status ({s})."),
            ApiErrorKind::BadBody => "The backend sent an answer this portal could not read.".to_string(),
        };
        if self.detail.is_empty() {
            what
        } else {
            format!("{what} Details: {}", self.detail)
        }
    }

    /// Whether trying the same call again can help.
    pub fn is_retryable(&self) -> bool {
        match self.kind {
            ApiErrorKind::Unreachable | ApiErrorKind::BadBody => true,
            ApiErrorKind::Status(s) => s >= 500 || s == 408 || s == 429,
            ApiErrorKind::Unauthorized => false,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

/// The portal's own origin, to name in CORS advice (none outside a browser).
fn page_origin() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().origin().ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// `http://host:port/api/x?y` → `http://host:port`.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

const MAX_DETAIL: usize = 300;

/// Reads Backstage's error bodies: `{error:{name,message}}`, the scaffolder's
/// `{errors:[{message|stack}]}`, a bare `{message}`, plain text, or nothing.
pub fn parse_error_body(body: &str) -> (Option<String>, Option<String>) {
    let body = body.trim();
    if body.is_empty() {
        return (None, None);
    }
    match crate::model::json_text::parse(body) {
        Ok(v) => {
            if let Some(err) = v.get("error") {
                let name = err.get("name").and_then(Value::as_str).map(str::to_string);
                let msg = err.get("message").and_then(Value::as_str).map(clip);
                if name.is_some() || msg.is_some() {
                    return (name, msg);
                }
                if let Some(s) = err.as_str() {
                    return (None, Some(clip(s)));
                }
            }
            if let Some(list) = v.get("errors").and_then(Value::as_array) {
                let msgs: Vec<String> = list
                    .iter()
                    .filter_map(|e| {
                        e.as_str()
                            .map(str::to_string)
                            .or_else(|| {
                                e.get("message").and_then(Value::as_str).map(|m| match e.get("property").and_then(Value::as_str) {
                                    Some(p) if !p.is_empty() => format!("{p} {m}"),
                                    _ => m.to_string(),
                                })
                            })
                            .or_else(|| e.get("stack").and_then(Value::as_str).map(str::to_string))
                    })
                    .collect();
                if !msgs.is_empty() {
                    return (Some("ValidationError".into()), Some(clip(&msgs.join("; "))));
                }
            }
            if let Some(m) = v.get("message").and_then(Value::as_str) {
                return (v.get("name").and_then(Value::as_str).map(str::to_string), Some(clip(m)));
            }
            (None, None)
        }
        // An HTML error page from a proxy says nothing useful in a sentence.
        Err(_) if body.starts_with('<') => (None, None),
        Err(_) => (None, Some(clip(body))),
    }
}

fn clip(s: &str) -> String {
    clipped(s, MAX_DETAIL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_404_from_an_optional_plugin_means_the_backend_lacks_it() {
        let base = "http://127.0.0.1:7007/api";
        let lacking = ApiError::from_status(404, "", &format!("{base}/search/query?term=x"));
        assert_eq!(lacking.missing_plugin(), Some("search"));
        assert!(!lacking.is_not_found());
        let msg = lacking.user_message();
        assert!(msg.contains("does not have the search plugin") && msg.contains("/api/search/query)") && !msg.contains("term=x"), "{msg}");
        let scaffolder = ApiError::from_status(404, "", &format!("{base}/scaffolder/v2/templates/default/template/x/parameter-schema"));
        assert_eq!(scaffolder.missing_plugin(), Some("scaffolder"));

        // The plugin's own 404 names what is missing: a template, not the plugin.
        let template = ApiError::from_status(
            404,
            r#"{"error":{"name":"NotFoundError","message":"No template named 'x'"}}"#,
            &format!("{base}/scaffolder/v2/templates/default/template/x/parameter-schema"),
        );
        assert_eq!(template.missing_plugin(), None);
        assert!(template.is_not_found());
        // A docs page file that is not there is a bare 404 from a present plugin.
        let page = ApiError::from_status(404, "", &format!("{base}/techdocs/static/docs/default/component/x/nope/index.html"));
        assert_eq!(page.missing_plugin(), None);
        assert!(page.is_not_found());
    }

    #[test]
    fn standard_backstage_error_body() {
        let body = r#"{"error":{"name":"NotFoundError","message":"No entity named 'x' found, with kind 'component' in namespace 'default'"},"request":{"method":"GET","url":"/entities/by-name/component/default/x"},"response":{"statusCode":404}}"#;
        let e = ApiError::from_status(404, body, "http://127.0.0.1:7007/api/catalog/entities/by-name/component/default/x");
        assert_eq!(e.name.as_deref(), Some("NotFoundError"));
        assert!(e.is_not_found());
        assert!(e.user_message().contains("404"));
        assert!(e.user_message().contains("No entity named 'x'"));
        assert!(!e.is_retryable());
    }

    #[test]
    fn unauthorized_is_its_own_kind() {
        let body = r#"{"error":{"name":"AuthenticationError","message":"Missing credentials"}}"#;
        let e = ApiError::from_status(401, body, "http://b/api/catalog/entities");
        assert_eq!(e.kind, ApiErrorKind::Unauthorized);
        assert!(e.user_message().contains("sign in again"));
        assert!(e.user_message().contains("Missing credentials"));
    }

    #[test]
    fn scaffolder_validation_errors_are_joined() {
        let body =
            r#"{"errors":[{"property":"instance.name","message":"does not match pattern"},{"message":"requires property \"owner\""}]}"#;
        let (name, msg) = parse_error_body(body);
        assert_eq!(name.as_deref(), Some("ValidationError"));
        assert_eq!(msg.as_deref(), Some("instance.name does not match pattern; requires property \"owner\""));
    }

    #[test]
    fn empty_text_and_html_bodies() {
        assert_eq!(parse_error_body(""), (None, None));
        assert_eq!(parse_error_body("<html><body>Bad Gateway</body></html>"), (None, None));
        assert_eq!(parse_error_body("upstream timed out"), (None, Some("upstream timed out".into())));
        let e = ApiError::from_status(404, "", "http://b/api/x");
        assert_eq!(e.user_message(), "The backend has no such item (404).");
        let e = ApiError::from_status(502, "<html>", "http://b/api/x");
        assert!(e.is_retryable());
        assert!(e.user_message().contains("502"));
    }

    #[test]
    fn long_details_are_clipped() {
        let long = "x".repeat(1000);
        let (_, msg) = parse_error_body(&long);
        assert_eq!(msg.unwrap().chars().count(), MAX_DETAIL + 1);
    }

    #[test]
    fn unreachable_names_the_backend_and_cors() {
        let e = ApiError::unreachable("http://127.0.0.1:7999/api/auth/guest/refresh", "TypeError: Failed to fetch");
        let m = e.user_message();
        assert!(m.contains("http://127.0.0.1:7999"), "{m}");
        assert!(m.contains("CORS"));
        assert!(e.is_retryable());
    }

    #[test]
    fn origins() {
        assert_eq!(origin_of("http://a:1/api/x"), "http://a:1");
        assert_eq!(origin_of("https://a"), "https://a");
    }
}
