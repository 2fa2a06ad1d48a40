//! `/create/tasks/:taskId`: a scaffolder task as it runs. Steps with status and
//! duration, the live log (per step or all), outputs when done; cancel, retry,
//! start over. The log is streamed over `fetch`; a cut stream is resumed with
//! `?after=<last id>`, then through the long-poll call if streaming keeps failing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use crate::api::permission::{allowed, denied, TASK_CANCEL};
use crate::api::types::Task;
use crate::api::{ApiError, Backend};
use crate::browser::sleep;
use crate::model::entity_ref::EntityRef;
use crate::model::relations::is_safe_link;
use crate::scaffolder::task_log::{duration_secs, format_duration, Outcome, TaskLog};
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::entity_link::EntityLink;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::loaded::Loaded;
use crate::ui::markdown::Markdown;
use crate::ui::page_header::PageHeader;

/// Follows the task's events into `log` until it finishes or the page goes away.
async fn follow(backend: Backend, id: String, log: RwSignal<TaskLog>, link: RwSignal<Option<String>>) {
    let mut failures = 0u32;
    loop {
        let Some(after) = log.try_with_untracked(|l| l.last_id) else { return };
        if log.try_with_untracked(TaskLog::is_finished) != Some(false) {
            return;
        }
        // After three failed streams, ask with the long-poll call instead.
        let result = if failures < 3 {
            backend
                .stream_task_events(&id, after, |e| {
                    let _ = log.try_update(|l| l.apply(e));
                })
                .await
        } else {
            backend.task_events(&id, after).await.map(|events| {
                let _ = log.try_update(|l| {
                    events.into_iter().for_each(|e| {
                        l.apply(e);
                    })
                });
            })
        };
        match result {
            Ok(()) => {
                failures = 0;
                let _ = link.try_set(None);
            }
            Err(e) => {
                failures += 1;
                if e.status() == Some(404) || e.status() == Some(401) {
                    let _ = link.try_set(Some(e.user_message()));
                    return;
                }
                let _ =
                    link.try_set(Some(format!("The connection to the task's log was interrupted ({}); reconnecting…", e.user_message())));
            }
        }
        sleep(if failures == 0 { 300 } else { 1000 }).await;
    }
}

#[component]
pub fn TaskPage(id: String) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let task = {
        let (backend, id) = (backend.clone(), id.clone());
        Loaded::new(move || {
            let (backend, id) = (backend.clone(), id.clone());
            async move { backend.task(&id).await }
        })
    };
    let log = RwSignal::new(TaskLog::default());
    let link = RwSignal::new(None::<String>);
    {
        let (backend, id) = (backend.clone(), id.clone());
        spawn_local(follow(backend, id, log, link));
    }
    let restart = {
        let (backend, id) = (backend.clone(), id.clone());
        move || spawn_local(follow(backend.clone(), id.clone(), log, link))
    };
    view! {
        <PageHeader title="Task" subtitle=format!("Task {id}")/>
        {async_view(task, "the task", move |t| view! { <TaskView task=t log=log link=link restart=Callback::new({ let r = restart.clone(); move |_| r() })/> })}
    }
}

/// Finishes a task action started with the buttons disabled: its error shows (a
/// success clears an earlier one) and the buttons come back. Whether it worked.
async fn run_action(
    busy: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    action: impl std::future::Future<Output = Result<(), ApiError>>,
) -> bool {
    let result = action.await;
    let ok = result.is_ok();
    let _ = error.try_set(result.err());
    let _ = busy.try_set(false);
    ok
}

fn status_label(log: &TaskLog, task_status: &str) -> String {
    match &log.outcome {
        Some(Outcome::Completed { .. }) => "Completed".into(),
        Some(Outcome::Failed { message }) => format!("Failed: {message}"),
        Some(Outcome::Cancelled) => "Cancelled".into(),
        None => match task_status {
            "open" => "Waiting to start…".into(),
            "cancelled" => "Cancelled".into(),
            _ => "Running…".into(),
        },
    }
}

#[component]
fn TaskView(task: Task, log: RwSignal<TaskLog>, link: RwSignal<Option<String>>, restart: Callback<()>) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let steps = task.steps();
    let selected = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let finished = Memo::new(move |_| log.with(TaskLog::is_finished));
    let failed = Memo::new(move |_| log.with(|l| matches!(l.outcome, Some(Outcome::Failed { .. }))));
    let task_status = task.status.clone();
    let id = task.id.clone();

    let cancel = {
        let (backend, id) = (backend.clone(), id.clone());
        move |_| {
            let (backend, id) = (backend.clone(), id.clone());
            busy.set(true);
            spawn_local(async move {
                run_action(busy, action_error, backend.cancel_task(&id)).await;
            });
        }
    };
    let retry = {
        let (backend, id) = (backend.clone(), id.clone());
        move |_| {
            let (backend, id) = (backend.clone(), id.clone());
            busy.set(true);
            spawn_local(async move {
                if run_action(busy, action_error, backend.retry_task(&id)).await {
                    let _ = log.try_update(|l| l.outcome = None);
                    restart.run(());
                }
            });
        }
    };
    let start_over_href = task.template_ref().and_then(|r| EntityRef::parse(r, Some("template"), "default")).map(|r| {
        let form = crate::model::query::encode_query(&task.parameters().to_string());
        Route::Template { namespace: r.namespace, name: r.name }.path_with(&format!("?formData={form}"))
    });
    let may_cancel = allowed(&expect_context::<Backend>(), TASK_CANCEL, Some(task.id.clone()));
    let template_title = task.template_title().or(task.template_ref()).unwrap_or("a template").to_string();

    let step_rows = steps.clone();
    view! {
        <p>{format!("Started from {template_title}")}{task.created_by.clone().map(|u| format!(" by {u}"))}{format!(" at {}.", task.created_at)}</p>
        <p class="task-status" role="status" aria-live="polite">{move || log.with(|l| status_label(l, &task_status))}</p>
        {move || link.get().map(|m| view! { <p class="notice warning" role="status">{m}</p> })}
        {move || action_error.get().map(|e| view! { <ErrorPanel error=e/> })}
        <div class="task-actions">
            <Show when=move || !finished.get()>
                <button type="button" class="button" disabled=move || busy.get() || may_cancel.get() == Some(false) on:click=cancel.clone()>"Cancel"</button>
                {move || (may_cancel.get() == Some(false)).then(|| view! { <span class="muted">{denied("cancel this task")}</span> })}
            </Show>
            <Show when=move || failed.get()>
                <button type="button" class="button" disabled=move || busy.get() on:click=retry.clone()>"Retry"</button>
            </Show>
            {start_over_href.map(|h| {
                let h2 = h.clone();
                view! { <a class="button" href=paths::href(&h) on:click=move |ev| { ev.prevent_default(); router.navigate(&h2, false); }>"Start over"</a> }
            })}
        </div>
        <div class="task-layout">
            <nav aria-label="Task steps">
                <ol class="task-steps">
                    <li>
                        <button type="button" class="link-button" aria-pressed=move || selected.get().is_none().to_string() on:click=move |_| selected.set(None)>"All steps"</button>
                    </li>
                    {step_rows.into_iter().map(|(sid, name)| {
                        let (s1, s2, s3) = (sid.clone(), sid.clone(), sid.clone());
                        let state = Memo::new(move |_| log.with(|l| l.steps.get(&s1).cloned().unwrap_or_default()));
                        view! {
                            <li class="task-step">
                                <button type="button" class="link-button" aria-pressed=move || (selected.get().as_deref() == Some(s2.as_str())).to_string()
                                    on:click=move |_| selected.set(Some(s3.clone()))>{name}</button>
                                <span class=move || format!("step-status status-{}", { let s = state.get().status; if s.is_empty() { "open".to_string() } else { s } })>
                                    {move || { let s = state.get(); if s.status.is_empty() { "open".to_string() } else { s.status } }}
                                </span>
                                <span class="muted">{move || {
                                    let s = state.get();
                                    s.started_at.as_deref().zip(s.ended_at.as_deref()).and_then(|(a, b)| duration_secs(a, b)).map(format_duration)
                                }}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
            <section class="task-log-panel" aria-label="Log">
                <pre class="task-log" role="log" tabindex="0" aria-label="Task log">{move || {
                    let step = selected.get();
                    log.with(|l| l.lines_of(step.as_deref()).map(|x| format!("{}\n", x.message)).collect::<String>())
                }}</pre>
            </section>
        </div>
        {move || log.with(|l| match &l.outcome {
            Some(Outcome::Completed { output }) => Some(outputs(output.clone())),
            _ => None,
        })}
    }
}

/// The task's `output`: links (a URL, or an entity in the catalog) and texts.
pub fn outputs(output: Value) -> impl IntoView {
    let links: Vec<Value> = output.get("links").and_then(Value::as_array).cloned().unwrap_or_default();
    let texts: Vec<Value> = output.get("text").and_then(Value::as_array).cloned().unwrap_or_default();
    view! {
        <section class="task-output" aria-label="Output">
            <h2>"Output"</h2>
            <ul class="output-links">
                {links.into_iter().map(|l| {
                    let title = l.get("title").and_then(Value::as_str).map(str::to_string);
                    let url = l.get("url").and_then(Value::as_str).map(str::to_string);
                    let entity = l.get("entityRef").and_then(Value::as_str).and_then(|r| EntityRef::parse(r, None, "default"));
                    match (entity, url) {
                        (Some(r), _) => view! { <li><EntityLink entity_ref=r.clone() label=title.unwrap_or_else(|| r.to_string())/></li> }.into_any(),
                        (None, Some(u)) if is_safe_link(&u) => {
                            let label = title.unwrap_or_else(|| u.clone());
                            view! { <li><a href=u rel="noopener noreferrer" target="_blank">{label}</a></li> }.into_any()
                        }
                        (None, Some(u)) => view! { <li>{title.unwrap_or_default()}" "<span class="inert">{u}</span></li> }.into_any(),
                        _ => ().into_any(),
                    }
                }).collect_view()}
            </ul>
            {texts.into_iter().map(|t| {
                let title = t.get("title").and_then(Value::as_str).unwrap_or("Text").to_string();
                let content = t.get("content").and_then(Value::as_str).unwrap_or_default().to_string();
                view! { <section class="output-text"><h3>{title}</h3><Markdown text=content class="output-content"/></section> }
            }).collect_view()}
        </section>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(create, task_page, String, |id: String| view! { <TaskPage id=id/> }.into_any());
