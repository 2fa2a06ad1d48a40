//! The definition of an API entity: OpenAPI 3 as an operation browser, anything
//! else (AsyncAPI, GraphQL, gRPC, unreadable text) as written.
//!
//! Real definitions are big (GitHub's is 10 MB of YAML, 1,200 operations), so
//! the YAML is read a slice at a time with the browser painting in between (a
//! progress line shows), the list shows each operation's line only and works out
//! its parameters and responses when it is opened, and the filter hides rows
//! instead of rebuilding them.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::api::types::Entity;
use crate::catalog::entity::openapi::{self, ApiDoc, Details, Operation};
use crate::catalog::entity::yaml_parse::Reader;
use crate::ui::highlight::{highlight, language_for};
use crate::ui::markdown::Markdown;

/// How long one slice of reading may keep the page busy: under the 50 ms a
/// browser counts as a long task, long enough that the pauses cost little.
const SLICE_MS: f64 = 40.0;

fn details_view(d: Details) -> impl IntoView {
    let has_params = !d.parameters.is_empty();
    let has_body = !d.request_body.is_empty();
    view! {
        {d.description.map(|t| view! { <Markdown text=t/> })}
        {has_params.then(|| view! {
            <table class="data-table compact">
                <caption>"Parameters"</caption>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"In"</th><th scope="col">"Schema"</th><th scope="col">"Required"</th></tr></thead>
                <tbody>
                    {d.parameters.into_iter().map(|p| view! {
                        <tr><td><code>{p.name}</code></td><td>{p.location}</td><td><code>{p.shape}</code></td><td>{if p.required { "yes" } else { "no" }}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {has_body.then(|| view! {
            <h4>"Request body"</h4>
            <ul class="plain-list">
                {d.request_body.into_iter().map(|(media, shape)| view! { <li><code>{media}</code>": "<code>{shape}</code></li> }).collect_view()}
            </ul>
        })}
        <table class="data-table compact">
            <caption>"Responses"</caption>
            <thead><tr><th scope="col">"Status"</th><th scope="col">"Description"</th><th scope="col">"Body"</th></tr></thead>
            <tbody>
                {d.responses.into_iter().map(|r| view! {
                    <tr>
                        <td>{r.status}</td>
                        <td>{r.description}</td>
                        <td>{r.content.into_iter().map(|(media, shape)| view! { <div><code>{media}</code>": "<code>{shape}</code></div> }).collect_view()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// What the filter compares with: method, path, summary, operation id and tag.
fn haystack(op: &Operation, tag: &str) -> String {
    format!("{} {} {} {} {tag}", op.method, op.path, op.summary.as_deref().unwrap_or(""), op.operation_id.as_deref().unwrap_or(""))
        .to_lowercase()
}

fn operation_view(root: Arc<Value>, op: Operation, shown: Signal<bool>) -> impl IntoView {
    let open = RwSignal::new(false);
    let (method, path, summary) = (op.method.clone(), op.path.clone(), op.summary.clone().unwrap_or_default());
    view! {
        <details class="operation" hidden=move || !shown.get() on:toggle=move |_| open.set(true)>
            <summary>
                <span class=format!("method method-{}", method.to_ascii_lowercase())>{method.clone()}</span>
                " "<code>{path}</code>" "
                <span class="muted">{summary}</span>
            </summary>
            {move || open.get().then(|| details_view(openapi::details(&root, &op)))}
        </details>
    }
}

/// Operations shown in the first frame; the remaining groups follow a few per
/// frame, so the first rows show at once and the page never stalls on the rest.
const FIRST_FRAME_OPERATIONS: usize = 100;
const OPERATIONS_PER_FRAME: usize = 150;

fn doc_view(root: Arc<Value>, doc: ApiDoc) -> impl IntoView {
    // Lower-case, as typed; each row asks whether its haystack holds it.
    let query = RwSignal::new(String::new());
    let groups: Vec<(String, Vec<(Operation, String)>)> = doc
        .groups
        .into_iter()
        .map(|g| {
            let tag = g.tag;
            let ops = g
                .operations
                .into_iter()
                .map(|op| {
                    let hay = haystack(&op, &tag);
                    (op, hay)
                })
                .collect();
            (tag, ops)
        })
        .collect();
    let sizes: Vec<usize> = groups.iter().map(|(_, ops)| ops.len()).collect();
    let total: usize = sizes.iter().sum();
    let all: Arc<Vec<String>> = Arc::new(groups.iter().flat_map(|(_, ops)| ops.iter().map(|(_, h)| h.clone())).collect());
    let count = move || query.with(|q| if q.is_empty() { total } else { all.iter().filter(|h| h.contains(q.as_str())).count() });
    // How many groups are in the page so far.
    let first = sizes.iter().scan(0, |sum, n| {
        let before = *sum;
        *sum += n;
        Some(before)
    });
    let first_frame = first.take_while(|before| *before < FIRST_FRAME_OPERATIONS).count().max(1);
    let ready = RwSignal::new(first_frame);
    leptos::task::spawn_local(async move {
        let mut i = first_frame;
        while i < sizes.len() {
            crate::browser::sleep(0).await;
            let mut n = 0;
            while i < sizes.len() && n < OPERATIONS_PER_FRAME {
                n += sizes[i];
                i += 1;
            }
            ready.set(i);
        }
    });
    view! {
        <p><strong>{doc.title}</strong>" "<span class="muted">{format!("version {}", doc.version)}</span></p>
        {doc.description.map(|d| view! { <Markdown text=d/> })}
        {(!doc.servers.is_empty()).then(|| view! {
            <h3>"Servers"</h3>
            <ul class="plain-list" aria-label="Servers">{doc.servers.into_iter().map(|s| view! { <li><code>{s}</code></li> }).collect_view()}</ul>
        })}
        <div class="operation-filter">
            <label for="operation-filter">"Filter operations"</label>
            <input id="operation-filter" type="search" placeholder="Method, path, summary or tag"
                on:input=move |ev| query.set(event_target_value(&ev).trim().to_lowercase())/>
            <span class="muted" role="status">{move || format!("{} of {total} operations", count())}</span>
        </div>
        {groups.into_iter().enumerate().map(|(i, (tag, ops))| {
            let in_page = Memo::new(move |_| ready.get() > i);
            let root = root.clone();
            move || in_page.get().then(|| group_view(root.clone(), tag.clone(), ops.clone(), query))
        }).collect_view()}
    }
}

/// One tag's operations; a row (and a group) is hidden, not rebuilt, when the
/// filter leaves it out, and only when its answer changes.
fn group_view(root: Arc<Value>, tag: String, ops: Vec<(Operation, String)>, query: RwSignal<String>) -> impl IntoView {
    let hays: Vec<String> = ops.iter().map(|(_, h)| h.clone()).collect();
    let group_shown = Memo::new(move |_| query.with(|q| q.is_empty() || hays.iter().any(|h| h.contains(q.as_str()))));
    view! {
        <section class="operation-group" hidden=move || !group_shown.get()>
            <h3>{tag}</h3>
            {ops.into_iter().map(|(op, hay)| {
                let shown = Memo::new(move |_| query.with(|q| q.is_empty() || hay.contains(q.as_str())));
                operation_view(root.clone(), op, shown.into())
            }).collect_view()}
        </section>
    }
}

/// The definition as JSON: JSON at once, YAML a slice at a time, with `progress`
/// (0 to 1) moving as it goes.
async fn read_definition(definition: &str, progress: RwSignal<f64>) -> Result<Value, String> {
    if definition.trim_start().starts_with('{') {
        if let Ok(v) = serde_json::from_str(definition) {
            return Ok(v);
        }
    }
    let mut reader = Reader::new(definition);
    loop {
        let started = js_sys::Date::now();
        while js_sys::Date::now() - started < SLICE_MS {
            if let Some(done) = reader.read(2_000) {
                return done.map_err(|e| format!("The definition could not be read ({e})."));
            }
        }
        progress.set(reader.progress());
        crate::browser::yield_to_browser().await;
    }
}

/// What the card shows: the operations, or the text as written with the reason.
#[derive(Clone)]
enum Shown {
    Operations(Arc<Value>, ApiDoc),
    AsWritten(String),
}

#[component]
pub fn ApiDefinition(entity: Entity) -> impl IntoView {
    let definition = entity.spec_str("definition").unwrap_or_default().to_string();
    let api_type = entity.spec_str("type").unwrap_or_default().to_string();
    let progress = RwSignal::new(0.0);
    let shown = RwSignal::new(None::<Shown>);
    if api_type == "openapi" {
        let text = definition.clone();
        leptos::task::spawn_local(async move {
            let result = read_definition(&text, progress).await.and_then(|v| openapi::read(&v).map(|doc| (v, doc)));
            shown.set(Some(match result {
                Ok((v, doc)) => Shown::Operations(Arc::new(v), doc),
                Err(why) => Shown::AsWritten(why),
            }));
        });
    } else {
        shown.set(Some(Shown::AsWritten(format!("Definitions of type \"{api_type}\" are shown as written."))));
    }
    view! {
        <section class="card api-definition" aria-labelledby="definition-heading">
            <h2 id="definition-heading">"Definition"</h2>
            {move || match shown.get() {
                None => view! {
                    <p class="muted" role="status">{move || format!("Reading the definition… {:.0}%", progress.get() * 100.0)}</p>
                }.into_any(),
                Some(Shown::Operations(root, doc)) => doc_view(root, doc).into_any(),
                Some(Shown::AsWritten(why)) => {
                    let runs = highlight(&definition, language_for(&api_type));
                    view! {
                        <p class="muted">{why}</p>
                        <pre class="raw-definition" tabindex="0"><code>
                            {runs.into_iter().map(|(t, s)| view! { <span class=t.class()>{s}</span> }).collect_view()}
                        </code></pre>
                    }.into_any()
                }
            }}
        </section>
    }
}

// Only an API's page shows a definition: its reader (OpenAPI, the YAML parser,
// the highlighter) is a chunk of its own, which other entities' pages never fetch.
// (`split_code!`, not `split_page!`: a part of the entity page, not a route's page.)
crate::split_code!(api_definition, api_definition_view, crate::shell::lazy::Page<Entity>, |e: Entity| view! { <ApiDefinition entity=e/> }
    .into_any());
