//! The browser side of HTTP: `fetch` with a timeout, and a streaming reader for
//! server-sent events. Everything above this speaks `ApiError`.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, ReadableStreamDefaultReader, Request, RequestCredentials, RequestInit, Response};

use serde::de::DeserializeOwned;

use crate::api::error::ApiError;
use crate::api::sse::{SseEvent, SseParser};

/// How long a plain call may take before the portal says the backend is too slow.
pub const TIMEOUT_MS: i32 = 30_000;

pub struct RawRequest<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub body: Option<&'a str>,
    pub bearer: Option<&'a str>,
    /// Send cookies (auth refresh needs the provider's session cookie).
    pub with_credentials: bool,
    pub headers: &'a [(&'a str, &'a str)],
}

pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

/// A JavaScript error's message, without `{:?}` (which would ship wasm-bindgen's
/// debug printer in the first load).
pub fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser gave no reason".to_string())
}

fn build_request(r: &RawRequest<'_>, signal: Option<&web_sys::AbortSignal>) -> Result<Request, ApiError> {
    let init = RequestInit::new();
    init.set_method(r.method);
    let headers = Headers::new().map_err(|e| ApiError::unreachable(r.url, &js_message(&e)))?;
    for (k, v) in r.headers {
        let _ = headers.set(k, v);
    }
    if let Some(body) = r.body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(token) = r.bearer {
        let _ = headers.set("Authorization", &format!("Bearer {token}"));
    }
    init.set_headers(&headers);
    if r.with_credentials {
        init.set_credentials(RequestCredentials::Include);
    }
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    Request::new_with_str_and_init(r.url, &init).map_err(|e| ApiError::unreachable(r.url, &js_message(&e)))
}

/// The boot script's answer to this request if it sent it (shell/boot.js) and it
/// arrived, else `fetch()`: a guess that failed is sent again here. `settled`:
/// wait until the script has sent all it guessed first (its `config.json` is
/// sent at once, so `load_config` does not wait).
pub async fn early_or_fetch(
    method: &str,
    url: &str,
    bearer: Option<&str>,
    settled: bool,
    fetch: impl FnOnce() -> js_sys::Promise,
) -> Result<Response, JsValue> {
    if let Some(answer) = take_early(method, url, bearer, settled).await {
        if let Some(resp) = JsFuture::from(answer).await.ok().and_then(|v| v.dyn_into::<Response>().ok()) {
            return Ok(resp);
        }
    }
    Ok(JsFuture::from(fetch()).await?.unchecked_into())
}

/// An answer the boot script asked for before the wasm was there, under
/// "METHOD url token"; taken once, so nothing is used twice.
async fn take_early(method: &str, url: &str, bearer: Option<&str>, settled: bool) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    if settled {
        if let Ok(ready) = Reflect::get(&window, &JsValue::from_str("__stagedoorEarlyReady")).and_then(|v| v.dyn_into::<js_sys::Promise>())
        {
            let _ = JsFuture::from(ready).await;
        }
    }
    let answers: js_sys::Map = Reflect::get(&window, &JsValue::from_str("__stagedoorEarly")).ok()?.dyn_into().ok()?;
    let key = JsValue::from_str(&format!("{method} {url} {}", bearer.unwrap_or("")));
    let answer = answers.get(&key);
    answers.delete(&key);
    answer.dyn_into().ok()
}

/// Sends one request and reads the whole body as text.
pub async fn send(r: RawRequest<'_>) -> Result<RawResponse, ApiError> {
    let window = web_sys::window().ok_or_else(|| ApiError::unreachable(r.url, "no browser window"))?;
    let controller = AbortController::new().ok();
    let request = build_request(&r, controller.as_ref().map(|c| c.signal()).as_ref())?;

    // Abort a call that hangs, so the page can say so instead of spinning forever.
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = abort
        .as_ref()
        .and_then(|cb| window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), TIMEOUT_MS).ok());
    let result = async {
        // The boot script may have sent this very request already.
        let resp = if r.body.is_none() {
            early_or_fetch(r.method, r.url, r.bearer, true, || window.fetch_with_request(&request)).await
        } else {
            JsFuture::from(window.fetch_with_request(&request)).await.map(JsCast::unchecked_into)
        }
        .map_err(|e| fetch_error(r.url, &e))?;
        // The bytes, copied into wasm memory as they are: faster than a JS string
        // re-encoded (an API entity can carry a 10 MB definition).
        let bytes = resp.array_buffer().map_err(|e| ApiError::unreachable(r.url, &js_message(&e)))?;
        let bytes = JsFuture::from(bytes).await.map_err(|e| fetch_error(r.url, &e))?;
        let body = js_sys::Uint8Array::new(&bytes).to_vec();
        let body = String::from_utf8(body).map_err(|_| ApiError::bad_body(r.url, "the answer was not UTF-8 text"))?;
        Ok(RawResponse { status: resp.status(), body })
    }
    .await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(abort);
    result
}

fn fetch_error(url: &str, e: &JsValue) -> ApiError {
    let is_abort = e.dyn_ref::<web_sys::DomException>().map(|d| d.name() == "AbortError").unwrap_or(false);
    if is_abort {
        ApiError::unreachable(url, &format!("no answer within {} seconds", TIMEOUT_MS / 1000))
    } else {
        ApiError::unreachable(url, &js_message(e))
    }
}

/// Opens a `text/event-stream` with `fetch` and calls `on_event` for each event
/// until the stream ends. Returns the HTTP status if it was not 2xx.
pub async fn stream_events(r: RawRequest<'_>, mut on_event: impl FnMut(SseEvent)) -> Result<(), ApiError> {
    let window = web_sys::window().ok_or_else(|| ApiError::unreachable(r.url, "no browser window"))?;
    let request = build_request(&r, None)?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&request)).await.map_err(|e| fetch_error(r.url, &e))?.unchecked_into();
    if !resp.ok() {
        let body = match resp.text() {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        return Err(ApiError::from_status(resp.status(), &body, r.url));
    }
    let body = resp.body().ok_or_else(|| ApiError::bad_body(r.url, "the stream had no body"))?;
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut parser = SseParser::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| ApiError::unreachable(r.url, &format!("the stream was cut: {}", js_message(&e))))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            return Ok(());
        }
        if let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) {
            let bytes = Uint8Array::new(&value).to_vec();
            for event in parser.push(&bytes) {
                on_event(event);
            }
        }
    }
}

/// Parses a 2xx body as JSON, with a readable error when it is not.
pub fn parse_value(body: &str, url: &str) -> Result<serde_json::Value, ApiError> {
    crate::model::json_text::parse(body).map_err(|e| {
        if body.trim_start().starts_with('<') {
            ApiError::bad_body(url, "it sent an HTML page instead of JSON; check that backend.baseUrl points at the Backstage backend")
        } else if body.trim().is_empty() {
            ApiError::bad_body(url, "the answer was empty")
        } else {
            ApiError::bad_body(url, &format!("it is not valid JSON ({e})"))
        }
    })
}

/// `parse_value`, then read as `T` by its derived deserializer.
pub fn parse_json<T: DeserializeOwned>(body: &str, url: &str) -> Result<T, ApiError> {
    serde_json::from_value(parse_value(body, url)?)
        .map_err(|e| ApiError::bad_body(url, &format!("the JSON did not have the expected shape ({e})")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::ApiErrorKind;

    #[test]
    fn json_bodies_that_are_not_json() {
        let e = parse_json::<serde_json::Value>("<!doctype html>", "u").unwrap_err();
        assert_eq!(e.kind, ApiErrorKind::BadBody);
        assert!(e.user_message().contains("HTML page"));
        assert!(parse_json::<serde_json::Value>("", "u").unwrap_err().user_message().contains("empty"));
        let e = parse_json::<Vec<String>>(r#"{"items":3}"#, "u").unwrap_err();
        assert!(e.user_message().contains("expected shape"));
        let e = parse_value(r#"{"items": [1, 2}"#, "u").unwrap_err();
        assert!(e.user_message().contains("not valid JSON"), "{}", e.user_message());
    }
}
