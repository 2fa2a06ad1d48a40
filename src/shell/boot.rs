//! Loading the runtime configuration in the browser.

use wasm_bindgen_futures::JsFuture;

use crate::api::http::{early_or_fetch, js_message};
use crate::config::{parse_config_text, parse_config_value, Config, ConfigError, CONFIG_FILE, EMBEDDED_CONFIG};
use crate::model::json_text::from_js;

/// `window.STAGEDOOR_CONFIG` if an embedding page set it, else `config.json`
/// beside `index.html` (resolved against the document base, so sub-paths work).
pub async fn load_config() -> Result<Config, ConfigError> {
    let window = web_sys::window().ok_or_else(|| ConfigError::file(CONFIG_FILE, "cannot be read: no browser window"))?;
    let embedded = js_sys::Reflect::get(&window, &"STAGEDOOR_CONFIG".into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
    if let Some(v) = embedded {
        let value = from_js(&v).map_err(|_| ConfigError::file(EMBEDDED_CONFIG, "is not a plain JSON object"))?;
        return parse_config_value(&value, EMBEDDED_CONFIG);
    }
    let url = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(CONFIG_FILE, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| CONFIG_FILE.to_string());
    let unreadable = |why: String| ConfigError::file(CONFIG_FILE, format!("could not be loaded from {url}: {why}"));
    // The boot script has usually fetched it already (shell/boot.js).
    let resp = early_or_fetch("GET", &url, None, false, || window.fetch_with_str(&url)).await.map_err(|e| unreadable(js_message(&e)))?;
    if !resp.ok() {
        return Err(unreadable(format!("the server answered {}", resp.status())));
    }
    let text = JsFuture::from(resp.text().map_err(|e| unreadable(js_message(&e)))?)
        .await
        .map_err(|e| unreadable(js_message(&e)))?
        .as_string()
        .unwrap_or_default();
    parse_config_text(&text, CONFIG_FILE)
}

/// The boot script (`boot.js`) guesses a page's first backend call from the URL
/// before the wasm is there; this keeps its catalog query in step with the app's.
#[cfg(test)]
mod boot_script_tests {
    use crate::catalog::data::page_query;
    use crate::catalog::filter::CatalogFilter;

    const BOOT_JS: &str = include_str!("boot.js");

    /// The text between `/*NAME*/` and the next `/*END*/` in boot.js.
    fn table(name: &str) -> &'static str {
        let start = BOOT_JS.find(&format!("/*{name}*/")).expect("marker") + name.len() + 4;
        let len = BOOT_JS[start..].find("/*END*/").expect("end marker");
        BOOT_JS[start..start + len].trim()
    }

    /// boot.js fetches a first page's wasm in one file named after its chunk
    /// (`firstPage`, scripts/build/first-pages.mjs): each name must be the chunk
    /// the router opens for that URL, and the build must pack that page.
    #[test]
    fn boot_script_names_the_chunk_the_router_opens() {
        use crate::shell::routes::Route;
        let body = &BOOT_JS[BOOT_JS.find("function firstPage").expect("firstPage")..];
        let body = &body[..body.find("\n}").expect("its end")];
        let packer = include_str!("../../scripts/build/first-pages.mjs");
        let cases = [
            ("/catalog/default/component/checkout-service", "entity"),
            ("/create/templates/default/new-library", "create"),
            ("/docs/default/component/checkout-service/operations/runbook/", "docs_reader"),
        ];
        for (path, chunk) in cases {
            assert_eq!(Route::parse(path).chunk(), Some(chunk), "{path}");
            assert!(body.contains(&format!("return '{chunk}';")), "boot.js does not tell {chunk}");
            assert!(packer.contains(&format!("'{chunk}'")), "first-pages.mjs does not pack {chunk}");
        }
        assert_eq!(body.matches("return '").count(), cases.len(), "a name boot.js returns is not checked here");
    }

    #[test]
    fn boot_script_asks_for_the_catalogs_first_page() {
        let js = table("CATALOG_FIRST_PAGE").trim_matches('\'');
        assert_eq!(js, page_query(&CatalogFilter::from_query(&[]), &[]).to_query_string());
    }
}
