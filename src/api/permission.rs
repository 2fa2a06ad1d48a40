//! The permission plugin (`POST /api/permission/authorize`): may the signed-in
//! user do this? Pages ask before they offer an action. Questions asked in the
//! same moment go in one request, and answers are kept for the session (per
//! user), as Backstage's frontend keeps them. A backend without the permission
//! plugin (404) or an answer that cannot be read counts as "allowed": the
//! action's own call then says whether it was.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::backend::Backend;

/// A permission as Backstage's plugins define them (`catalog-common`,
/// `scaffolder-common`): name, action, and the resource type for resource permissions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Permission {
    pub name: &'static str,
    pub action: Option<&'static str>,
    pub resource_type: Option<&'static str>,
}

const fn basic(name: &'static str, action: &'static str) -> Permission {
    Permission { name, action: Some(action), resource_type: None }
}
const fn entity(name: &'static str, action: &'static str) -> Permission {
    Permission { name, action: Some(action), resource_type: Some("catalog-entity") }
}

pub const LOCATION_CREATE: Permission = basic("catalog.location.create", "create");
pub const LOCATION_DELETE: Permission = basic("catalog.location.delete", "delete");
pub const ENTITY_DELETE: Permission = entity("catalog.entity.delete", "delete");
pub const ENTITY_REFRESH: Permission = entity("catalog.entity.refresh", "update");
pub const TASK_CREATE: Permission = basic("scaffolder.task.create", "create");
/// The dry run's own permission (Backstage 1.30 on); the endpoint also asks for
/// TASK_CREATE.
pub const TEMPLATE_DRY_RUN: Permission = Permission { name: "scaffolder.template.dry-run", action: None, resource_type: None };
pub const TASK_CANCEL: Permission = Permission { name: "scaffolder.task.cancel", action: None, resource_type: Some("scaffolder-task") };

impl Permission {
    fn to_json(self) -> Value {
        let mut p = json!({ "type": if self.resource_type.is_some() { "resource" } else { "basic" }, "name": self.name, "attributes": {} });
        if let Some(a) = self.action {
            p["attributes"]["action"] = a.into();
        }
        if let Some(t) = self.resource_type {
            p["resourceType"] = t.into();
        }
        p
    }
}

/// The request body for several questions; ids are their positions.
pub fn request_body(questions: &[(Permission, Option<String>)]) -> Value {
    let items: Vec<Value> = questions
        .iter()
        .enumerate()
        .map(|(i, (p, resource))| {
            let mut item = json!({ "id": i.to_string(), "permission": p.to_json() });
            if let Some(r) = resource.as_ref().filter(|_| p.resource_type.is_some()) {
                item["resourceRef"] = r.clone().into();
            }
            item
        })
        .collect();
    json!({ "items": items })
}

#[derive(Deserialize)]
struct Answers {
    items: Vec<Answer>,
}

#[derive(Deserialize)]
struct Answer {
    id: String,
    result: String,
}

/// Reads the answer: `true` for ALLOW (and CONDITIONAL, which only a backend
/// evaluating the resource can settle: its own call decides), in question order.
pub fn read_answers(body: &str, n: usize) -> Option<Vec<bool>> {
    let a: Answers = serde_json::from_str(body).ok()?;
    let mut out = vec![true; n];
    for item in a.items {
        if let Some(slot) = item.id.parse::<usize>().ok().and_then(|i| out.get_mut(i)) {
            *slot = item.result != "DENY";
        }
    }
    Some(out)
}

type Key = (Permission, Option<String>);

#[derive(Default)]
struct Cache {
    user: String,
    // Reference-counted signals: the cache outlives the page that first asked.
    answers: HashMap<Key, ArcRwSignal<Option<bool>>>,
    queued: Vec<(Key, ArcRwSignal<Option<bool>>)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Whether the user may do `p` (to `resource`, an entity ref or task id, for
/// resource permissions): `None` until the backend has answered.
pub fn allowed(backend: &Backend, p: Permission, resource: Option<String>) -> Signal<Option<bool>> {
    let user = backend.session().user_entity_ref().unwrap_or_default();
    let key = (p, resource);
    let (signal, first_in_batch) = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.user != user {
            *c = Cache { user, ..Cache::default() };
        }
        if let Some(s) = c.answers.get(&key) {
            return (s.clone(), false);
        }
        let s = ArcRwSignal::new(None);
        c.answers.insert(key.clone(), s.clone());
        c.queued.push((key, s.clone()));
        (s, c.queued.len() == 1)
    });
    if first_in_batch {
        let backend = backend.clone();
        spawn_local(async move {
            // Let the rest of this render ask its questions first: a microtask
            // runs right after it, where a timer could wait behind layout.
            let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
            let batch = CACHE.with(|c| std::mem::take(&mut c.borrow_mut().queued));
            let questions: Vec<Key> = batch.iter().map(|(k, _)| k.clone()).collect();
            let url = backend.plugin_url("permission", "/authorize");
            let answers = match backend.request("POST", &url, Some(&request_body(&questions).to_string())).await {
                Ok(body) => read_answers(&body, batch.len()),
                Err(_) => None,
            };
            for (i, (_, s)) in batch.iter().enumerate() {
                s.set(Some(answers.as_ref().is_none_or(|a| a[i])));
            }
        });
    }
    signal.into()
}

/// Why an action is not offered, in words.
pub fn denied(what: &str) -> String {
    format!("You are not allowed to {what}: the backend's permission policy denies it. Ask the portal's administrators if you need to.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_written_as_backstage_defines_them() {
        let body = request_body(&[
            (LOCATION_CREATE, None),
            (ENTITY_DELETE, Some("component:default/x".into())),
            (LOCATION_DELETE, Some("ignored".into())),
        ]);
        assert_eq!(
            body,
            json!({"items": [
                {"id": "0", "permission": {"type": "basic", "name": "catalog.location.create", "attributes": {"action": "create"}}},
                {"id": "1", "permission": {"type": "resource", "name": "catalog.entity.delete", "attributes": {"action": "delete"}, "resourceType": "catalog-entity"}, "resourceRef": "component:default/x"},
                {"id": "2", "permission": {"type": "basic", "name": "catalog.location.delete", "attributes": {"action": "delete"}}}
            ]})
        );
    }

    #[test]
    fn answers_are_read_in_question_order() {
        let body = r#"{"items":[{"id":"1","result":"DENY"},{"id":"0","result":"ALLOW"},{"id":"2","result":"CONDITIONAL"}]}"#;
        assert_eq!(read_answers(body, 3), Some(vec![true, false, true]));
        assert_eq!(read_answers("not json", 1), None);
    }
}
