//! Runtime configuration: one static build serves any backend.
//!
//! The keys mirror Backstage's own app-config (`app.title`, `backend.baseUrl`,
//! `auth.environment`, `auth.providers`) so platform teams recognise them.
//! Unknown keys are ignored; a missing or wrong field is reported by its path.

use crate::model::text::capitalized;
use serde_json::Value;
use std::fmt;

/// Where the configuration came from, named in every error message.
pub const CONFIG_FILE: &str = "config.json";
pub const EMBEDDED_CONFIG: &str = "window.STAGEDOOR_CONFIG";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemePreference {
    Auto,
    Light,
    Dark,
}

impl ThemePreference {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "auto" => Some(Self::Auto),
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub app_title: String,
    /// `app.logoUrl`: an image shown before the title in the header.
    pub app_logo_url: Option<String>,
    pub theme: ThemePreference,
    /// Backend base URL without a trailing slash, e.g. `http://127.0.0.1:7007`.
    pub backend_base_url: String,
    pub auth_environment: String,
    /// `auth.providers`: the sign-in choices, in the order given.
    pub auth_providers: Vec<SignInProvider>,
    /// `app.embed`: hide the portal's header and navigation so one page can sit in
    /// an iframe (also `?embed=1` in the address).
    pub embed: bool,
    /// `app.embedParentOrigins`: the pages allowed to frame the portal, which get
    /// its content height by `postMessage` (e.g. `https://intranet.acme.example`).
    pub embed_parent_origins: Vec<String>,
    /// `app.mountSelector`: the host page element to mount into (read from
    /// `window.STAGEDOOR_CONFIG`; see `mount.rs`).
    pub mount_selector: Option<String>,
    /// `techdocs.allowedHosts`: outside hosts whose images and frames docs pages
    /// may load (none by default, as in an air-gapped intranet).
    pub docs_allowed_hosts: Vec<String>,
}

/// A sign-in choice: a Backstage auth provider id (`guest`, `oidc`, `github`…)
/// and the name the sign-in page gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInProvider {
    pub id: String,
    pub title: String,
}

impl Config {
    /// The name of a provider as this deployment calls it (`auth.providers[].title`),
    /// else as Backstage's sign-in page does.
    pub fn provider_title(&self, id: &str) -> String {
        self.auth_providers.iter().find(|p| p.id == id).map(|p| p.title.clone()).unwrap_or_else(|| provider_title(id))
    }
}

/// A configuration problem, worded for the platform engineer who deployed the portal.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub source: String,
    pub field: Option<String>,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: field \"{}\" {}", self.source, field, self.problem),
            None => write!(f, "{}: {}", self.source, self.problem),
        }
    }
}

impl ConfigError {
    pub fn file(source: &str, problem: impl Into<String>) -> Self {
        Self { source: source.to_string(), field: None, problem: problem.into() }
    }
    fn field(source: &str, field: &str, problem: impl Into<String>) -> Self {
        Self { source: source.to_string(), field: Some(field.to_string()), problem: problem.into() }
    }
}

/// Parses the text of `config.json`.
pub fn parse_config_text(text: &str, source: &str) -> Result<Config, ConfigError> {
    if text.trim().is_empty() {
        return Err(ConfigError::file(source, "is empty; it must hold a JSON object"));
    }
    let value = crate::model::json_text::parse(text).map_err(|e| {
        // A static host's SPA fallback answers a missing file with index.html.
        if text.trim_start().starts_with('<') {
            ConfigError::file(source, "is not JSON (the server answered with an HTML page; is the file deployed beside index.html?)")
        } else {
            ConfigError::file(source, format!("is not valid JSON: {e}"))
        }
    })?;
    parse_config_value(&value, source)
}

/// Validates an already parsed configuration object.
pub fn parse_config_value(value: &Value, source: &str) -> Result<Config, ConfigError> {
    let root = value.as_object().ok_or_else(|| ConfigError::file(source, "must hold a JSON object at the top level"))?;

    let section = |name: &str| -> Result<Option<&serde_json::Map<String, Value>>, ConfigError> {
        match root.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m)),
            Some(_) => Err(ConfigError::field(source, name, "must be an object")),
        }
    };
    let app = section("app")?;
    let backend = section("backend")?;
    let auth = section("auth")?;
    let techdocs = section("techdocs")?;

    let string_at = |sec: Option<&serde_json::Map<String, Value>>, path: &str, key: &str| -> Result<Option<String>, ConfigError> {
        match sec.and_then(|s| s.get(key)) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ConfigError::field(source, path, "must be a string")),
        }
    };
    // A list of strings, each checked (and normalised) by `read`; a bad item is
    // named by its index.
    let string_list_at = |sec: Option<&serde_json::Map<String, Value>>,
                          path: &str,
                          key: &str,
                          read: &dyn Fn(&str) -> Option<String>,
                          item_problem: &str,
                          list_problem: &str|
     -> Result<Vec<String>, ConfigError> {
        match sec.and_then(|s| s.get(key)) {
            None | Some(Value::Null) => Ok(vec![]),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| v.as_str().and_then(read).ok_or_else(|| ConfigError::field(source, &format!("{path}[{i}]"), item_problem)))
                .collect(),
            Some(_) => Err(ConfigError::field(source, path, list_problem)),
        }
    };

    let app_title = string_at(app, "app.title", "title")?.unwrap_or_else(|| "Stagedoor".to_string());
    if app_title.trim().is_empty() {
        return Err(ConfigError::field(source, "app.title", "must not be empty"));
    }
    let app_logo_url = match string_at(app, "app.logoUrl", "logoUrl")? {
        None => None,
        Some(u) if u.trim().is_empty() => None,
        Some(u) if is_image_url(u.trim()) => Some(u.trim().to_string()),
        Some(u) => {
            return Err(ConfigError::field(
                source,
                "app.logoUrl",
                format!("is \"{u}\"; use an https:// address, a path beside index.html such as \"logo.png\", or a data:image URL"),
            ));
        }
    };
    let theme = match string_at(app, "app.theme", "theme")? {
        None => ThemePreference::Auto,
        Some(t) => ThemePreference::parse(&t)
            .ok_or_else(|| ConfigError::field(source, "app.theme", format!("is \"{t}\"; use \"auto\", \"light\" or \"dark\"")))?,
    };

    let embed = match app.and_then(|a| a.get("embed")) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ConfigError::field(source, "app.embed", "must be true or false")),
    };
    let embed_parent_origins = string_list_at(
        app,
        "app.embedParentOrigins",
        "embedParentOrigins",
        &normalize_origin,
        "must be an origin such as \"https://intranet.example.com\" (scheme, host and port only)",
        "must be a list of origins",
    )?;
    let mount_selector = match string_at(app, "app.mountSelector", "mountSelector")? {
        Some(sel) if sel.trim().is_empty() => {
            return Err(ConfigError::field(source, "app.mountSelector", "must not be empty; use a CSS selector such as \"#portal\""))
        }
        other => other,
    };

    let base = string_at(backend, "backend.baseUrl", "baseUrl")?.ok_or_else(|| {
        ConfigError::field(
            source,
            "backend.baseUrl",
            "is missing; set it to your Backstage backend, e.g. \"https://backstage.example.com\"",
        )
    })?;
    let backend_base_url = normalize_base_url(&base).ok_or_else(|| {
        ConfigError::field(source, "backend.baseUrl", format!("is \"{base}\"; it must be an absolute http:// or https:// URL"))
    })?;

    let auth_environment = string_at(auth, "auth.environment", "environment")?.unwrap_or_else(|| "development".to_string());
    if auth_environment.trim().is_empty() {
        return Err(ConfigError::field(source, "auth.environment", "must not be empty"));
    }
    let auth_providers = match auth.and_then(|a| a.get("providers")) {
        None | Some(Value::Null) => vec![SignInProvider { id: "guest".into(), title: provider_title("guest") }],
        Some(Value::Array(items)) => {
            let mut out: Vec<SignInProvider> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = format!("auth.providers[{i}]");
                let p = parse_provider(item, &path, source)?;
                if !out.iter().any(|o| o.id == p.id) {
                    out.push(p);
                }
            }
            if out.is_empty() {
                return Err(ConfigError::field(source, "auth.providers", "is empty; list at least one sign-in provider"));
            }
            out
        }
        Some(_) => return Err(ConfigError::field(source, "auth.providers", "must be a list of provider ids")),
    };

    let host_name = |h: &str| (!h.is_empty() && !h.contains('/')).then(|| h.to_string());
    let docs_allowed_hosts = string_list_at(
        techdocs,
        "techdocs.allowedHosts",
        "allowedHosts",
        &host_name,
        "must be a host name such as \"img.example.com\"",
        "must be a list of host names",
    )?;

    Ok(Config {
        app_title,
        app_logo_url,
        theme,
        embed,
        embed_parent_origins,
        mount_selector,
        backend_base_url,
        auth_environment,
        auth_providers,
        docs_allowed_hosts,
    })
}

/// One `auth.providers` entry: `"oidc"` or `{ "id": "oidc", "title": "Acme SSO" }`.
fn parse_provider(item: &Value, path: &str, source: &str) -> Result<SignInProvider, ConfigError> {
    let (id, title) = match item {
        Value::String(id) => (id.as_str(), None),
        Value::Object(o) => {
            let id = o
                .get("id")
                .and_then(Value::as_str)
                .ok_or_else(|| ConfigError::field(source, &format!("{path}.id"), "is missing; give the provider id, such as \"oidc\""))?;
            let title = match o.get("title") {
                None | Some(Value::Null) => None,
                Some(Value::String(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
                Some(_) => return Err(ConfigError::field(source, &format!("{path}.title"), "must be a non-empty string")),
            };
            (id, title)
        }
        _ => {
            return Err(ConfigError::field(
                source,
                path,
                "must be a provider id string such as \"guest\" or \"github\", or an object with \"id\" and \"title\"",
            ))
        }
    };
    if !is_provider_id(id) {
        return Err(ConfigError::field(
            source,
            path,
            format!("is \"{id}\", which is not a provider id (lower-case letters, digits and dashes)"),
        ));
    }
    Ok(SignInProvider { id: id.to_string(), title: title.unwrap_or_else(|| provider_title(id)) })
}

/// An address an `<img>` may load the logo from: http(s), a relative path, or a
/// raster data image (an SVG data URL could carry script).
fn is_image_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains('/'));
    match scheme {
        None => !lower.starts_with("//"),
        Some("http") | Some("https") => true,
        Some("data") => lower.starts_with("data:image/") && !lower.starts_with("data:image/svg"),
        Some(_) => false,
    }
}

fn is_provider_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Accepts `http(s)://host[:port][/path]` and drops trailing slashes.
pub fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '?' || c == '#') {
        return None;
    }
    if url.contains(['?', '#']) {
        return None;
    }
    Some(url.trim_end_matches('/').to_string())
}

/// `https://Host:8443/` → `https://host:8443`: the exact string `postMessage`
/// compares with. Paths, queries, `*` and other schemes are refused.
pub fn normalize_origin(origin: &str) -> Option<String> {
    let o = origin.trim().trim_end_matches('/');
    let (scheme, rest) = o.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if !(scheme == "http" || scheme == "https") || rest.is_empty() {
        return None;
    }
    let ok = rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

/// Display name of a sign-in provider as Backstage's sign-in page shows it.
pub fn provider_title(id: &str) -> String {
    match id {
        "guest" => "Guest".into(),
        "github" => "GitHub".into(),
        "gitlab" => "GitLab".into(),
        "google" => "Google".into(),
        "microsoft" => "Microsoft".into(),
        "oidc" => "OpenID Connect".into(),
        "okta" => "Okta".into(),
        "onelogin" => "OneLogin".into(),
        "bitbucket" => "Bitbucket".into(),
        "atlassian" => "Atlassian".into(),
        "auth0" => "Auth0".into(),
        other => capitalized(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_addresses() {
        let with = |logo: &str| parse(&format!(r#"{{"app":{{"logoUrl":{logo:?}}},"backend":{{"baseUrl":"http://b"}}}}"#));
        assert_eq!(with("logo.png").unwrap().app_logo_url.as_deref(), Some("logo.png"));
        assert_eq!(with("https://cdn.acme.example/logo.svg").unwrap().app_logo_url.as_deref(), Some("https://cdn.acme.example/logo.svg"));
        assert_eq!(with("data:image/png;base64,iVBOR").unwrap().app_logo_url.as_deref(), Some("data:image/png;base64,iVBOR"));
        assert_eq!(with("  ").unwrap().app_logo_url, None);
        for bad in ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "data:text/html,x", "//evil.example/x.png"] {
            let e = with(bad).unwrap_err().to_string();
            assert!(e.contains("app.logoUrl"), "{bad}: {e}");
        }
    }

    fn parse(s: &str) -> Result<Config, ConfigError> {
        parse_config_text(s, CONFIG_FILE)
    }

    #[test]
    fn full_config_is_read_and_unknown_keys_ignored() {
        let c = parse(r#"{"app":{"title":"Acme Portal","theme":"dark","extra":1},"backend":{"baseUrl":"http://127.0.0.1:7007/"},"auth":{"environment":"production","providers":["guest","github","guest"]},"other":{}}"#).unwrap();
        assert_eq!(c.app_logo_url, None);
        assert_eq!(c.app_title, "Acme Portal");
        assert_eq!(c.theme, ThemePreference::Dark);
        assert_eq!(c.backend_base_url, "http://127.0.0.1:7007");
        assert_eq!(c.auth_environment, "production");
        assert_eq!(c.auth_providers.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["guest", "github"]);
        assert_eq!(c.provider_title("github"), "GitHub");
    }

    #[test]
    fn only_backend_is_required() {
        let c = parse(r#"{"backend":{"baseUrl":"https://backstage.acme.example/base"}}"#).unwrap();
        assert_eq!(c.app_title, "Stagedoor");
        assert_eq!(c.theme, ThemePreference::Auto);
        assert_eq!(c.backend_base_url, "https://backstage.acme.example/base");
        assert_eq!(c.auth_environment, "development");
        assert_eq!(c.auth_providers, vec![SignInProvider { id: "guest".into(), title: "Guest".into() }]);
    }

    #[test]
    fn errors_name_the_file_and_field() {
        let e = parse(r#"{"app":{"title":"x"}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("backend.baseUrl"));
        assert!(e.to_string().starts_with("config.json: field \"backend.baseUrl\" is missing"));

        let e = parse(r#"{"backend":{"baseUrl":"ftp://x"}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("backend.baseUrl"));

        let e = parse(r#"{"backend":{"baseUrl":"http://x"},"app":{"theme":"purple"}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("app.theme"));
        assert!(e.problem.contains("purple"));

        let e = parse(r#"{"backend":{"baseUrl":"http://x"},"auth":{"providers":["guest",3]}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("auth.providers[1]"));

        let e = parse(r#"{"backend":{"baseUrl":"http://x"},"auth":{"providers":["Git Hub"]}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("auth.providers[0]"));

        let e = parse(r#"{"backend":"http://x"}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("backend"));

        let e = parse(r#"{"backend":{"baseUrl":"http://x"},"auth":{"providers":[]}}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("auth.providers"));
    }

    #[test]
    fn unreadable_text_is_reported_as_such() {
        let e = parse("{ \"backend\": ").unwrap_err();
        assert_eq!(e.field, None);
        assert!(e.problem.starts_with("is not valid JSON"), "{}", e.problem);

        let e = parse("<!doctype html><html></html>").unwrap_err();
        assert!(e.problem.contains("HTML page"));

        assert!(parse("   ").unwrap_err().problem.contains("empty"));
        assert!(parse("[1,2]").unwrap_err().problem.contains("JSON object"));
    }

    #[test]
    fn embedding_settings() {
        let c = parse(r##"{"app":{"embed":true,"embedParentOrigins":["https://Intranet.Acme.example/","http://127.0.0.1:8093"],"mountSelector":"#portal"},"backend":{"baseUrl":"http://b"}}"##).unwrap();
        assert!(c.embed);
        assert_eq!(c.embed_parent_origins, vec!["https://intranet.acme.example", "http://127.0.0.1:8093"]);
        assert_eq!(c.mount_selector.as_deref(), Some("#portal"));
        let plain = parse(r#"{"backend":{"baseUrl":"http://b"}}"#).unwrap();
        assert!(!plain.embed && plain.embed_parent_origins.is_empty() && plain.mount_selector.is_none());
        for (bad, field) in [
            (r#""embed":"yes""#, "app.embed"),
            (r#""embedParentOrigins":["*"]"#, "app.embedParentOrigins[0]"),
            (r#""embedParentOrigins":["https://a.example/page"]"#, "app.embedParentOrigins[0]"),
            (r#""embedParentOrigins":["javascript:alert(1)"]"#, "app.embedParentOrigins[0]"),
            (r#""embedParentOrigins":"https://a.example""#, "app.embedParentOrigins"),
            (r#""mountSelector":" ""#, "app.mountSelector"),
        ] {
            let e = parse(&format!(r#"{{"app":{{{bad}}},"backend":{{"baseUrl":"http://b"}}}}"#)).unwrap_err();
            assert_eq!(e.field.as_deref(), Some(field), "{bad}");
        }
    }

    #[test]
    fn providers_with_display_titles() {
        let c = parse(
            r#"{"backend":{"baseUrl":"http://b"},"auth":{"providers":[{"id":"oidc","title":" Acme SSO "},"guest",{"id":"github"}]}}"#,
        )
        .unwrap();
        let got: Vec<(&str, &str)> = c.auth_providers.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
        assert_eq!(got, vec![("oidc", "Acme SSO"), ("guest", "Guest"), ("github", "GitHub")]);
        assert_eq!(c.provider_title("oidc"), "Acme SSO");
        assert_eq!(c.provider_title("okta"), "Okta");
        for (bad, field) in [
            (r#"[{"title":"x"}]"#, "auth.providers[0].id"),
            (r#"["guest",{"id":"oidc","title":""}]"#, "auth.providers[1].title"),
            (r#"[{"id":"Bad Id"}]"#, "auth.providers[0]"),
            (r#"[true]"#, "auth.providers[0]"),
        ] {
            let e = parse(&format!(r#"{{"backend":{{"baseUrl":"http://b"}},"auth":{{"providers":{bad}}}}}"#)).unwrap_err();
            assert_eq!(e.field.as_deref(), Some(field), "{bad}");
        }
    }

    #[test]
    fn base_url_shapes() {
        assert_eq!(normalize_base_url("http://a:1//").as_deref(), Some("http://a:1"));
        assert_eq!(normalize_base_url("https://a/b/").as_deref(), Some("https://a/b"));
        assert_eq!(normalize_base_url("/api"), None);
        assert_eq!(normalize_base_url("http://"), None);
        assert_eq!(normalize_base_url("http://a/?x"), None);
        assert_eq!(normalize_base_url("javascript:alert(1)"), None);
    }

    #[test]
    fn provider_titles() {
        assert_eq!(provider_title("github"), "GitHub");
        assert_eq!(provider_title("oidc"), "OpenID Connect");
        assert_eq!(provider_title("keycloak"), "Keycloak");
    }
}
