//! The kept dry runs: each one's steps with their status, the log, the outputs
//! and the files it produced (a tree, a viewer, each file and the whole result
//! downloadable), or what went wrong and at which step and line.

use leptos::prelude::*;

use crate::api::types::{DryRunFile, DryRunLog, DryRunResult, DryRunStep, TaskEvent};
use crate::browser::{caret_to_line, download};
use crate::scaffolder::editor::dry_run::{Outcome, Run};
use crate::scaffolder::editor::folder::{decode, size_label, tree_rows};
use crate::scaffolder::editor::template_doc::step_line;
use crate::scaffolder::editor::zip;
use crate::scaffolder::task::outputs;
use crate::scaffolder::task_log::TaskLog;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::highlight::{highlight, Language};

#[component]
pub fn DryRunResults(runs: RwSignal<Vec<Run>>) -> impl IntoView {
    // The run shown: its number, or the latest.
    let chosen = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        runs.track();
        chosen.set(None);
    });
    let shown = Memo::new(move |_| {
        let want = chosen.get();
        runs.with(|all| all.iter().rev().find(|r| want.is_none_or(|n| r.number == n)).map(|r| r.number))
    });
    view! {
        {move || (runs.with(Vec::len) > 1).then(|| view! {
            <div class="run-picker" role="group" aria-label="Dry runs to compare">
                {runs.with(|all| all.iter().rev().map(|r| {
                    let n = r.number;
                    let label = format!("Run {n}{}", verdict(&r.outcome));
                    view! { <button type="button" class="button small" aria-pressed=move || (shown.get() == Some(n)).to_string() on:click=move |_| chosen.set(Some(n))>{label}</button> }
                }).collect_view())}
            </div>
        })}
        {move || shown.get().and_then(|n| runs.with(|all| all.iter().find(|r| r.number == n).cloned())).map(run_view)}
    }
}

fn verdict(o: &Outcome) -> &'static str {
    match o {
        Outcome::Done(_) => ": passed",
        Outcome::ValuesRejected(_) => ": values refused",
        Outcome::Failed { .. } => ": failed",
    }
}

fn run_view(run: Run) -> AnyView {
    let heading = format!("Run {}{}", run.number, verdict(&run.outcome));
    match run.outcome {
        Outcome::Done(result) => view! {
            <h3 class="run-heading status-completed">{heading}</h3>
            {steps_and_log(&result.steps, &result.log)}
            {(!result.output.is_null()).then(|| outputs(result.output.clone()))}
            <FilesView result=result/>
        }
        .into_any(),
        Outcome::ValuesRejected(messages) => view! {
            <h3 class="run-heading status-failed">{heading}</h3>
            <div class="notice warning" role="alert">
                <p>"The backend did not accept the preview's values:"</p>
                <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Outcome::Failed { error, step, log } => {
            // A step's own failure is the template's to fix, not a backend to retry.
            let at = step.map(|(i, name)| (i, name, step_line(&run.yaml, i).unwrap_or(1)));
            view! {
                <h3 class="run-heading status-failed">{heading}</h3>
                {match at {
                    Some((i, name, line)) => view! {
                        <div class="notice warning" role="alert">
                            <p>{format!("Step {} “{name}” failed (line {line} of the template). ", i + 1)}
                                <button type="button" class="link-button" on:click=move |_| caret_to_line("template-yaml", line)>{format!("Go to line {line}")}</button>
                            </p>
                            <p>{format!("The backend says: {}", if error.detail.is_empty() { error.user_message() } else { error.detail.clone() })}</p>
                        </div>
                    }.into_any(),
                    None => view! { <ErrorPanel error=error/> }.into_any(),
                }}
                {(!log.is_empty()).then(|| view! {
                    <p class="muted">"The log of the steps before it:"</p>
                    {steps_and_log(&[], &log)}
                })}
            }
            .into_any()
        }
    }
}

/// The steps with their status, and the log, as a task page shows them.
fn steps_and_log(steps: &[DryRunStep], log: &[DryRunLog]) -> impl IntoView {
    let mut task = TaskLog::default();
    for (i, l) in log.iter().enumerate() {
        task.apply(TaskEvent { id: i as u64 + 1, kind: "log".into(), created_at: String::new(), body: l.body.clone() });
    }
    let text: String = task.lines.iter().map(|l| format!("{}\n", l.message)).collect();
    view! {
        {(!steps.is_empty()).then(|| view! {
            <ol class="task-steps" aria-label="Steps">
                {steps.iter().map(|s| {
                    let status = task.steps.get(&s.id).map(|st| st.status.clone()).filter(|s| !s.is_empty()).unwrap_or_else(|| "skipped".into());
                    view! {
                        <li class="task-step">
                            <span>{if s.name.is_empty() { s.id.clone() } else { s.name.clone() }}</span>
                            <span class="muted">{format!(" {}", s.action)}</span>
                            <span class=format!("step-status status-{status}")>{status.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        })}
        <pre class="task-log" role="log" tabindex="0" aria-label="Dry run log">{text}</pre>
    }
}

fn download_bytes(name: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    download(name, "application/octet-stream", &parts);
}

/// The produced files as a tree; the chosen one shown beside it.
#[component]
fn FilesView(result: DryRunResult) -> impl IntoView {
    let files: Vec<(DryRunFile, Option<Vec<u8>>)> = result
        .files
        .into_iter()
        .map(|f| {
            let bytes = decode(&f.base64_content);
            (f, bytes)
        })
        .collect();
    if files.is_empty() {
        return view! { <p class="muted">"The steps produced no files."</p> }.into_any();
    }
    let files = StoredValue::new(files);
    let open = RwSignal::new(Some(0usize));
    let paths: Vec<String> = files.with_value(|f| f.iter().map(|(f, _)| f.path.clone()).collect());
    let rows = tree_rows(&paths.iter().map(String::as_str).collect::<Vec<_>>());
    let zip_all = move |_| {
        let bytes = files.with_value(|all| {
            let entries: Vec<zip::Entry> = all
                .iter()
                .filter_map(|(f, b)| b.as_deref().map(|bytes| zip::Entry { path: &f.path, bytes, executable: f.executable }))
                .collect();
            zip::build(&entries)
        });
        download_bytes("dry-run.zip", &bytes);
    };
    view! {
        <div class="card-actions">
            <span>{format!("{} files produced.", paths.len())}</span>
            <button type="button" class="button secondary" on:click=zip_all>"Download all (.zip)"</button>
        </div>
        <div class="dry-run-files">
            <ul class="plain-list file-tree" aria-label="Produced files">
                {rows.into_iter().map(|row| {
                    // Set through the style object, which a strict style-src allows.
                    let indent = format!("{}em", row.depth);
                    match row.file {
                        None => view! { <li style:padding-left=indent class="file-tree-folder">{format!("{}/", row.name)}</li> }.into_any(),
                        Some(i) => view! {
                            <li style:padding-left=indent>
                                <button type="button" class="link-button" aria-pressed=move || (open.get() == Some(i)).to_string()
                                    on:click=move |_| open.set(Some(i))>{row.name}</button>
                            </li>
                        }.into_any(),
                    }
                }).collect_view()}
            </ul>
            <section class="file-viewer" aria-label="File content">
                {move || open.get().and_then(|i| files.with_value(|all| all.get(i).cloned())).map(file_view)}
            </section>
        </div>
    }
    .into_any()
}

fn file_view((file, bytes): (DryRunFile, Option<Vec<u8>>)) -> AnyView {
    let name = file.path.rsplit('/').next().unwrap_or(&file.path).to_string();
    let Some(bytes) = bytes else {
        return view! { <h4>{file.path}</h4><p class="notice warning">"The backend sent this file's content in a form that could not be read."</p> }.into_any();
    };
    let size = size_label(bytes.len());
    let body = match String::from_utf8(bytes.clone()) {
        Ok(text) if !text.contains('\0') => {
            let lang = if [".yaml", ".yml", ".json"].iter().any(|e| file.path.ends_with(e)) { Some(Language::Data) } else { None };
            let runs = match lang {
                Some(l) => highlight(&text, l),
                None => vec![(crate::ui::highlight::Token::Plain, text)],
            };
            view! { <pre class="code-block file-content" tabindex="0" aria-label=format!("Content of {}", file.path)><code>
                {runs.into_iter().map(|(t, s)| view! { <span class=t.class()>{s}</span> }).collect_view()}
            </code></pre> }
            .into_any()
        }
        _ => view! { <p class="muted">{format!("A binary file of {size}.")}</p> }.into_any(),
    };
    view! {
        <div class="file-viewer-head">
            <h4>{file.path.clone()}</h4>
            <span class="muted">{format!("{size}{}", if file.executable { ", executable" } else { "" })}</span>
            <button type="button" class="button small" aria-label=format!("Download {}", file.path) on:click=move |_| download_bytes(&name, &bytes)>"Download"</button>
        </div>
        {body}
    }
    .into_any()
}
