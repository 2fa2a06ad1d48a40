//! The definition of an API entity: OpenAPI 3 as an operation browser, anything
//! else (AsyncAPI, GraphQL, gRPC, unreadable text) as written.

use leptos::prelude::*;

use crate::api::types::Entity;
use crate::catalog::entity::highlight::{highlight, language_for};
use crate::catalog::entity::openapi::{self, ApiDoc, Operation};

fn operation_view(op: Operation) -> impl IntoView {
    let has_params = !op.parameters.is_empty();
    let has_body = !op.request_body.is_empty();
    view! {
        <details class="operation">
            <summary>
                <span class=format!("method method-{}", op.method.to_ascii_lowercase())>{op.method.clone()}</span>
                " "<code>{op.path.clone()}</code>" "
                <span class="muted">{op.summary.clone().unwrap_or_default()}</span>
            </summary>
            {op.description.clone().map(|d| view! { <p>{d}</p> })}
            {has_params.then(|| view! {
                <table class="data-table compact">
                    <caption>"Parameters"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"In"</th><th scope="col">"Schema"</th><th scope="col">"Required"</th></tr></thead>
                    <tbody>
                        {op.parameters.into_iter().map(|p| view! {
                            <tr><td><code>{p.name}</code></td><td>{p.location}</td><td><code>{p.shape}</code></td><td>{if p.required { "yes" } else { "no" }}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {has_body.then(|| view! {
                <h4>"Request body"</h4>
                <ul class="plain-list">
                    {op.request_body.into_iter().map(|(media, shape)| view! { <li><code>{media}</code>": "<code>{shape}</code></li> }).collect_view()}
                </ul>
            })}
            <table class="data-table compact">
                <caption>"Responses"</caption>
                <thead><tr><th scope="col">"Status"</th><th scope="col">"Description"</th><th scope="col">"Body"</th></tr></thead>
                <tbody>
                    {op.responses.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.status}</td>
                            <td>{r.description}</td>
                            <td>{r.content.into_iter().map(|(media, shape)| view! { <div><code>{media}</code>": "<code>{shape}</code></div> }).collect_view()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

fn doc_view(doc: ApiDoc) -> impl IntoView {
    view! {
        <p><strong>{doc.title}</strong>" "<span class="muted">{format!("version {}", doc.version)}</span></p>
        {doc.description.map(|d| view! { <p>{d}</p> })}
        {(!doc.servers.is_empty()).then(|| view! {
            <h3>"Servers"</h3>
            <ul class="plain-list" aria-label="Servers">{doc.servers.into_iter().map(|s| view! { <li><code>{s}</code></li> }).collect_view()}</ul>
        })}
        {doc.groups.into_iter().map(|g| view! {
            <h3>{g.tag}</h3>
            {g.operations.into_iter().map(operation_view).collect_view()}
        }).collect_view()}
    }
}

#[component]
pub fn ApiDefinition(entity: Entity) -> impl IntoView {
    let definition = entity.spec_str("definition").unwrap_or_default().to_string();
    let api_type = entity.spec_str("type").unwrap_or_default().to_string();
    let model = if api_type == "openapi" {
        openapi::parse_definition(&definition).and_then(|v| openapi::read(&v))
    } else {
        Err(format!("Definitions of type \"{api_type}\" are shown as written."))
    };
    view! {
        <section class="card api-definition" aria-labelledby="definition-heading">
            <h2 id="definition-heading">"Definition"</h2>
            {match model {
                Ok(doc) => doc_view(doc).into_any(),
                Err(why) => {
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
