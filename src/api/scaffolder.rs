//! The scaffolder plugin (`/api/scaffolder`): templates' forms, tasks and their
//! event streams, actions.

use serde_json::{json, Map, Value};

use crate::api::backend::Backend;
use crate::api::error::ApiError;
use crate::api::types::{
    DryRunResult, ScaffolderAction, Task, TaskEvent, TaskList, TemplateParameterSchema, ValidationError, ValidationErrors,
};
use crate::model::entity_ref::encode_segment;
use crate::model::query::query_string;

/// Why a task could not be created.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitError {
    /// The backend checked the values against the template and named the fields.
    Fields(Vec<ValidationError>),
    Api(ApiError),
}

/// A submit's answer: its JSON when accepted, the fields named when the backend
/// checked the values against the template, else the error.
fn submit(resp: Result<crate::api::http::RawResponse, ApiError>, url: &str) -> Result<Value, SubmitError> {
    let resp = resp.map_err(SubmitError::Api)?;
    if (200..300).contains(&resp.status) {
        return crate::api::http::parse_json(&resp.body, url).map_err(SubmitError::Api);
    }
    if resp.status == 400 {
        if let Some(v) = serde_json::from_str::<ValidationErrors>(&resp.body).ok().filter(|v| !v.errors.is_empty()) {
            return Err(SubmitError::Fields(v.errors));
        }
    }
    Err(SubmitError::Api(ApiError::from_status(resp.status, &resp.body, url)))
}

impl Backend {
    /// The actions installed on the backend (`GET /v2/actions`).
    pub async fn scaffolder_actions(&self) -> Result<Vec<ScaffolderAction>, ApiError> {
        self.get_json(&self.plugin_url("scaffolder", "/v2/actions")).await
    }

    pub async fn template_parameter_schema(&self, namespace: &str, name: &str) -> Result<TemplateParameterSchema, ApiError> {
        let path = format!("/v2/templates/{}/template/{}/parameter-schema", encode_segment(namespace), encode_segment(name));
        self.get_json(&self.plugin_url("scaffolder", &path)).await
    }

    /// `POST /v2/tasks`; the new task's id.
    pub async fn create_task(
        &self,
        template_ref: &str,
        values: Map<String, Value>,
        secrets: Map<String, Value>,
    ) -> Result<String, SubmitError> {
        let url = self.plugin_url("scaffolder", "/v2/tasks");
        let body = json!({"templateRef": template_ref, "values": values, "secrets": secrets}).to_string();
        let answer = submit(self.request_raw("POST", &url, Some(&body)).await, &url)?;
        answer
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| SubmitError::Api(ApiError::bad_body(&url, "the answer had no task id")))
    }

    /// `POST /v2/dry-run`: runs the template's steps without side effects, with
    /// the template's folder as `files` (path, base64 content).
    pub async fn dry_run(
        &self,
        template: &Value,
        values: Map<String, Value>,
        secrets: Map<String, Value>,
        files: &[(String, String)],
    ) -> Result<DryRunResult, SubmitError> {
        let url = self.plugin_url("scaffolder", "/v2/dry-run");
        let contents: Vec<Value> = files.iter().map(|(path, b64)| json!({"path": path, "base64Content": b64})).collect();
        let body = json!({"template": template, "values": values, "secrets": secrets, "directoryContents": contents}).to_string();
        let answer = submit(self.request_raw("POST", &url, Some(&body)).await, &url)?;
        serde_json::from_value(answer).map_err(|e| SubmitError::Api(ApiError::bad_body(&url, &e.to_string())))
    }

    pub async fn task(&self, id: &str) -> Result<Task, ApiError> {
        self.get_json(&self.plugin_url("scaffolder", &format!("/v2/tasks/{}", encode_segment(id)))).await
    }

    /// `GET /v2/tasks`, newest first; `created_by` limits it to one user.
    pub async fn tasks(&self, created_by: Option<&str>, limit: u32, offset: u32) -> Result<TaskList, ApiError> {
        let mut pairs = vec![("limit", limit.to_string()), ("offset", offset.to_string()), ("order", "desc:created_at".to_string())];
        if let Some(u) = created_by {
            pairs.push(("createdBy", u.to_string()));
        }
        self.get_json(&self.plugin_url("scaffolder", &format!("/v2/tasks{}", query_string(&pairs)))).await
    }

    pub async fn cancel_task(&self, id: &str) -> Result<(), ApiError> {
        self.request("POST", &self.plugin_url("scaffolder", &format!("/v2/tasks/{}/cancel", encode_segment(id))), None).await.map(|_| ())
    }

    pub async fn retry_task(&self, id: &str) -> Result<(), ApiError> {
        self.request("POST", &self.plugin_url("scaffolder", &format!("/v2/tasks/{}/retry", encode_segment(id))), Some("{}"))
            .await
            .map(|_| ())
    }

    fn task_events_url(&self, id: &str, what: &str, after: Option<u64>) -> String {
        let q = after.map(|a| format!("?after={a}")).unwrap_or_default();
        self.plugin_url("scaffolder", &format!("/v2/tasks/{}/{what}{q}", encode_segment(id)))
    }

    /// The task's events after `after` as one answer (the long-poll call).
    pub async fn task_events(&self, id: &str, after: Option<u64>) -> Result<Vec<TaskEvent>, ApiError> {
        self.get_json(&self.task_events_url(id, "events", after)).await
    }

    /// Streams the task's events after `after` until the backend closes the stream.
    /// Events whose data is not a task event are skipped.
    pub async fn stream_task_events(&self, id: &str, after: Option<u64>, mut on_event: impl FnMut(TaskEvent)) -> Result<(), ApiError> {
        let url = self.task_events_url(id, "eventstream", after);
        self.stream_events(&url, |e| {
            if let Ok(ev) = serde_json::from_str::<TaskEvent>(&e.data) {
                on_event(ev);
            }
        })
        .await
    }
}
