//! The auth plugin (`/api/auth`): guest and OAuth refresh, the OAuth popup flow,
//! and sign-out. These calls carry the provider's cookie, never a Bearer token.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::error::{origin_of, ApiError};
use crate::api::http::{self, parse_value, RawRequest};
use crate::api::json::{self, FromJson};
use crate::api::types::AuthResponse;
use crate::model::query::encode_query;

const XHR: (&str, &str) = ("X-Requested-With", "XMLHttpRequest");

pub fn refresh_url(base: &str, provider: &str, environment: &str) -> String {
    format!("{base}/api/auth/{provider}/refresh?optional&env={}", encode_query(environment))
}

pub fn start_url(base: &str, provider: &str, environment: &str, app_origin: &str) -> String {
    format!("{base}/api/auth/{provider}/start?scope=&origin={}&flow=popup&env={}", encode_query(app_origin), encode_query(environment))
}

/// Asks the provider for a fresh Backstage token (guest: a new guest session;
/// OAuth: uses the provider's refresh cookie). `Ok(None)`: no session to restore.
pub async fn refresh(base: &str, provider: &str, environment: &str) -> Result<Option<AuthResponse>, ApiError> {
    let url = refresh_url(base, provider, environment);
    let resp =
        http::send(RawRequest { method: "GET", url: &url, body: None, bearer: None, with_credentials: true, headers: &[XHR] }).await?;
    match resp.status {
        200..=299 if resp.body.trim().is_empty() => Ok(None),
        200..=299 => json::read(parse_value(&resp.body, &url)?, &url).map(Some),
        _ => Err(ApiError::from_status(resp.status, &resp.body, &url)),
    }
}

/// Ends the provider's session on the backend (clears its refresh cookie).
pub async fn logout(base: &str, provider: &str, environment: &str) -> Result<(), ApiError> {
    let url = format!("{base}/api/auth/{provider}/logout?env={}", encode_query(environment));
    let resp =
        http::send(RawRequest { method: "POST", url: &url, body: None, bearer: None, with_credentials: true, headers: &[XHR] }).await?;
    if (200..300).contains(&resp.status) {
        Ok(())
    } else {
        Err(ApiError::from_status(resp.status, &resp.body, &url))
    }
}

/// What a popup message means for the sign-in, given where it came from.
#[derive(Debug, PartialEq)]
pub enum PopupMessage {
    /// Not for us (other origin, or another kind of message): keep waiting.
    Ignore,
    SignedIn(Box<AuthResponse>),
    Failed(String),
}

/// Reads a `message` event's data. Only the backend's origin may answer.
pub fn read_popup_message(backend_origin: &str, event_origin: &str, data: &Value) -> PopupMessage {
    if event_origin != backend_origin || data.get("type").and_then(Value::as_str) != Some("authorization_response") {
        return PopupMessage::Ignore;
    }
    if let Some(err) = data.get("error") {
        let msg = err.get("message").and_then(Value::as_str).unwrap_or("the provider refused the sign-in");
        return PopupMessage::Failed(msg.to_string());
    }
    match data.get("response").map(|r| AuthResponse::from_json(r.clone())) {
        Some(Ok(r)) => PopupMessage::SignedIn(Box::new(r)),
        _ => PopupMessage::Failed("the backend's answer did not carry a Backstage identity".to_string()),
    }
}

/// Backstage's popup flow: open `/start`, wait for `authorization_response` from
/// the backend's origin, ignore every other message.
pub async fn popup_sign_in(base: &str, provider: &str, environment: &str) -> Result<AuthResponse, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let app_origin = window.location().origin().map_err(|_| "no page origin")?;
    let url = start_url(base, provider, environment, &app_origin);
    let popup = window
        .open_with_url_and_target_and_features(&url, "stagedoor-sign-in", "width=450,height=730")
        .ok()
        .flatten()
        .ok_or("The browser blocked the sign-in window. Allow pop-ups for this site and try again.")?;
    let backend_origin = origin_of(base).to_string();

    type Outcome = Result<AuthResponse, String>;
    let outcome: Rc<RefCell<Option<Outcome>>> = Rc::new(RefCell::new(None));
    let waker: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));

    let finish = {
        let outcome = outcome.clone();
        let waker = waker.clone();
        move |o: Outcome| {
            if outcome.borrow().is_none() {
                *outcome.borrow_mut() = Some(o);
                if let Some(w) = waker.borrow_mut().take() {
                    let _ = w.call0(&JsValue::NULL);
                }
            }
        }
    };

    let on_message = {
        let finish = finish.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            // A structured clone of the popup's object, copied as JSON's types.
            let data = crate::model::json_text::from_js(&ev.data()).unwrap_or(Value::Null);
            match read_popup_message(&backend_origin, &ev.origin(), &data) {
                PopupMessage::Ignore => {}
                PopupMessage::SignedIn(r) => finish(Ok(*r)),
                PopupMessage::Failed(m) => finish(Err(format!("Sign-in failed: {m}"))),
            }
        })
    };
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());

    // A user who closes the window must not be left waiting.
    let on_tick = {
        let finish = finish.clone();
        let popup = popup.clone();
        Closure::<dyn FnMut()>::new(move || {
            if popup.closed().unwrap_or(true) {
                finish(Err("The sign-in window was closed before sign-in finished.".to_string()));
            }
        })
    };
    let interval = window.set_interval_with_callback_and_timeout_and_arguments_0(on_tick.as_ref().unchecked_ref(), 500).unwrap_or(0);

    if outcome.borrow().is_none() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            *waker.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(promise).await;
    }
    window.clear_interval_with_handle(interval);
    let _ = window.remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let result = outcome.borrow_mut().take().unwrap_or_else(|| Err("Sign-in did not finish.".to_string()));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BACKEND: &str = "http://127.0.0.1:7007";

    fn ok_response() -> Value {
        json!({"type":"authorization_response","response":{"profile":{"email":"a@x"},"providerInfo":{},"backstageIdentity":{"token":"t","identity":{"type":"user","userEntityRef":"user:default/a","ownershipEntityRefs":[]}}}})
    }

    #[test]
    fn only_the_backend_origin_is_heard() {
        assert_eq!(read_popup_message(BACKEND, "http://evil.example", &ok_response()), PopupMessage::Ignore);
        assert_eq!(read_popup_message(BACKEND, "http://127.0.0.1:7008", &ok_response()), PopupMessage::Ignore);
        match read_popup_message(BACKEND, BACKEND, &ok_response()) {
            PopupMessage::SignedIn(r) => assert_eq!(r.backstage_identity.identity.user_entity_ref, "user:default/a"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn other_messages_and_errors() {
        assert_eq!(read_popup_message(BACKEND, BACKEND, &json!({"type":"config_info","targetOrigin":"x"})), PopupMessage::Ignore);
        assert_eq!(read_popup_message(BACKEND, BACKEND, &json!("hello")), PopupMessage::Ignore);
        assert_eq!(
            read_popup_message(
                BACKEND,
                BACKEND,
                &json!({"type":"authorization_response","error":{"name":"Error","message":"Login failed, user not found"}})
            ),
            PopupMessage::Failed("Login failed, user not found".into())
        );
        assert!(matches!(
            read_popup_message(BACKEND, BACKEND, &json!({"type":"authorization_response","response":{}})),
            PopupMessage::Failed(_)
        ));
    }

    #[test]
    fn urls() {
        assert_eq!(refresh_url(BACKEND, "guest", "development"), "http://127.0.0.1:7007/api/auth/guest/refresh?optional&env=development");
        assert_eq!(
            start_url(BACKEND, "github", "production", "http://127.0.0.1:8090"),
            "http://127.0.0.1:7007/api/auth/github/start?scope=&origin=http://127.0.0.1:8090&flow=popup&env=production"
        );
    }
}
