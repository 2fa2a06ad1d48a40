//! `/create/edit`: open a template (from the catalog, a folder on disk, or a blank
//! one), edit its YAML with its problems at their lines, see its form as the
//! wizard shows it, and dry-run it. The YAML and the preview's values are kept
//! as a draft in the tab (never secrets), as the wizard keeps its values.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::catalog::EntityQuery;
use crate::api::permission::{allowed, denied, TASK_CREATE, TEMPLATE_DRY_RUN};
use crate::api::{ApiError, Backend};
use crate::browser::session_storage;
use crate::catalog::entity::yaml::to_yaml;
use crate::model::entity_ref::EntityRef;
use crate::scaffolder::editor::dry_run::{run, Run};
use crate::scaffolder::editor::folder::{as_upload, from_picked, template_file, FolderFile};
use crate::scaffolder::editor::preview::{FormPreview, PreviewState};
use crate::scaffolder::editor::results::DryRunResults;
use crate::scaffolder::editor::template_doc::{as_written, read, Reading, BLANK};
use crate::scaffolder::forms::regexp::browser_patterns;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::code_editor::CodeEditor;
use crate::ui::debounce::Debounce;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::page_header::PageHeader;
use crate::ui::page_style::use_page_style;

/// How many dry runs are kept to compare.
const KEPT_RUNS: usize = 3;

/// The editor's draft: what is kept in the tab over a reload.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Draft {
    /// Where the template came from, as the page names it.
    source: String,
    /// Whether it came from a folder (whose files are not kept).
    #[serde(default)]
    folder: bool,
    yaml: String,
    #[serde(default)]
    values: Value,
}

fn draft_key() -> String {
    format!("stagedoor:template-editor@{}", paths::base())
}

fn load_draft() -> Option<Draft> {
    let text = session_storage()?.get_item(&draft_key()).ok()??;
    serde_json::from_str(&text).ok()
}

#[component]
pub fn TemplateEditorPage() -> impl IntoView {
    use_page_style("template-editor.css");
    let router = use_router();
    let backend = expect_context::<Backend>();
    // A draft of nothing (the page left before a template was opened) is none.
    let draft = load_draft().filter(|d| !d.yaml.is_empty());
    let asked = router.query("template").and_then(|t| {
        let (ns, name) = t.split_once('/').unwrap_or(("default", t.as_str()));
        (!name.is_empty()).then(|| EntityRef::new("template", ns, name))
    });
    let restored = draft.is_some() && asked.as_ref().is_none_or(|r| draft.as_ref().is_some_and(|d| d.source == catalog_source(r)));
    let draft = draft.filter(|_| restored).unwrap_or_default();

    let text = RwSignal::new(draft.yaml.clone());
    let source = RwSignal::new(draft.source.clone());
    let from_folder = RwSignal::new(draft.folder);
    let files = RwSignal::new(Vec::<FolderFile>::new());
    let preview = PreviewState::new(if draft.values.is_object() { draft.values.clone() } else { Value::Object(Default::default()) });
    let open_error = RwSignal::new(None::<String>);
    let choosing = RwSignal::new(draft.yaml.is_empty() && asked.is_none());

    // Read at every keystroke (the preview follows at once); the problems are
    // listed once typing pauses, so a half-typed word is not called a mistake.
    let reading = Memo::new(move |_| text.with(|t| read(t, &browser_patterns)));
    // The last form the text gave: a half-typed edit keeps the preview.
    let shown_form = Memo::new(move |last: Option<&Option<_>>| reading.with(|r| r.form.clone()).or_else(|| last.cloned().flatten()));
    let marks = RwSignal::new(marks_of(&reading.get_untracked()));
    let settle = Debounce::new(400);
    Effect::new(move |_| {
        let m = reading.with(marks_of);
        settle.run(move || {
            let _ = marks.try_set(m);
        });
    });

    // The draft follows every change (secrets never go in).
    Effect::new(move |_| {
        let d = Draft { source: source.get(), folder: from_folder.get(), yaml: text.get(), values: preview.data.get() };
        if let (Some(s), Ok(json)) = (session_storage(), serde_json::to_string(&d)) {
            let _ = s.set_item(&draft_key(), &json);
        }
    });

    let runs = RwSignal::new(Vec::<Run>::new());
    // Another template starts afresh: its own values, no runs of the last one.
    let open = move |label: String, yaml: String, folder: Vec<FolderFile>, is_folder: bool| {
        preview.data.set(Value::Object(Default::default()));
        preview.step.set(0);
        runs.set(Vec::new());
        text.set(yaml);
        source.set(label);
        from_folder.set(is_folder);
        files.set(folder);
        open_error.set(None);
        choosing.set(false);
    };
    let open_from_catalog = {
        let backend = backend.clone();
        move |r: EntityRef| {
            let backend = backend.clone();
            spawn_local(async move {
                match backend.entity_by_ref(&r).await {
                    Ok(e) => open(catalog_source(&r), to_yaml(&as_written(e.0)), Vec::new(), false),
                    Err(e) => {
                        let _ = open_error.try_set(Some(format!("{} could not be opened: {}", r, e.user_message())));
                    }
                }
            });
        }
    };
    if let (Some(r), false) = (asked.clone(), restored) {
        open_from_catalog(r);
    }

    let running = RwSignal::new(None::<&'static str>);
    let may_dry_run = allowed(&backend, TEMPLATE_DRY_RUN, None);
    let may_create = allowed(&backend, TASK_CREATE, None);
    let denied_dry_run = move || may_dry_run.get() == Some(false) || may_create.get() == Some(false);
    let dry_run = {
        let backend = backend.clone();
        move |_| {
            if running.get_untracked().is_some() {
                return;
            }
            let Some(template) = reading.with_untracked(|r| r.entity.clone()) else { return };
            let form = reading.with_untracked(|r| r.form.clone()).unwrap_or_default();
            let values = preview.values(&form);
            let secrets = preview.secret_values();
            let upload = files.with_untracked(|f| as_upload(f));
            let yaml = text.get_untracked();
            running.set(Some("Running the template's steps…"));
            let backend = backend.clone();
            spawn_local(async move {
                let outcome = run(&backend, &template, values, secrets, &upload, move || {
                    let _ = running.try_set(Some("A step failed; running the first steps again to find which…"));
                })
                .await;
                let _ = runs.try_update(|all| {
                    let number = all.last().map_or(1, |r| r.number + 1);
                    all.push(Run { number, outcome, yaml });
                    if all.len() > KEPT_RUNS {
                        all.remove(0);
                    }
                });
                let _ = running.try_set(None);
            });
        }
    };
    let problems_block = move || reading.with(|r| r.entity.is_none());

    view! {
        <PageHeader title="Template editor" subtitle="Edit a template's YAML, see its form as developers will, and dry-run its steps without side effects.">
            <a class="button secondary" href=Route::Create.href()>"All templates"</a>
            <a class="button secondary" href=Route::FieldExplorer.href()>"Field explorer"</a>
            <button type="button" class="button secondary" aria-expanded=move || choosing.get().to_string() aria-controls="editor-open"
                on:click=move |_| choosing.update(|c| *c = !*c)>"Open a template…"</button>
        </PageHeader>
        {restored.then(|| view! { <p class="notice" role="status">"Your draft was restored. Secrets are never kept, so enter them again."</p> })}
        {move || open_error.get().map(|e| view! { <p class="notice warning" role="alert">{e}</p> })}
        <Show when=move || choosing.get()>
            <OpenTemplate on_catalog=Callback::new(open_from_catalog.clone())
                on_folder=Callback::new(move |(label, yaml, folder): (String, String, Vec<FolderFile>)| open(label, yaml, folder, true))
                on_blank=Callback::new(move |_| open("a blank template".into(), BLANK.to_string(), Vec::new(), false))
                on_error=Callback::new(move |e: String| open_error.set(Some(e)))/>
        </Show>
        <Show when=move || !text.with(String::is_empty)>
            <p class="muted">{move || format!("Editing {}.", source.get())}
                {move || (from_folder.get() && files.with(Vec::is_empty)).then_some(" Choose the folder again to dry-run it with its files.")}
                {move || (!files.with(Vec::is_empty)).then(|| format!(" {} files from the folder go with each dry run.", files.with(Vec::len)))}
            </p>
            <div class="editor-layout">
                <section class="card editor-pane" aria-labelledby="editor-heading">
                    <h2 id="editor-heading">"template.yaml"</h2>
                    <CodeEditor id="template-yaml" label="Template YAML" text=text marks=Signal::derive(move || marks.get())/>
                </section>
                <section class="card preview-pane" aria-labelledby="preview-heading">
                    <h2 id="preview-heading">"Form preview"</h2>
                    {move || shown_form.with(Option::is_none).then(|| view! { <p class="muted">"The form shows here once the template can be read."</p> })}
                    <FormPreview form=Signal::derive(move || shown_form.get()) state=preview/>
                </section>
            </div>
            <section class="card dry-run" aria-labelledby="dry-run-heading">
                <h2 id="dry-run-heading">"Dry run"</h2>
                <p class="muted">"Runs the steps with the preview's values on the backend, without side effects (actions that would publish or register only say what they would do), and shows the files they produce."</p>
                {move || denied_dry_run().then(|| view! { <p class="notice warning" id="dry-run-denied">{denied("dry-run templates")}</p> })}
                <div class="card-actions">
                    <button type="button" class="button primary" on:click=dry_run.clone()
                        disabled=move || running.get().is_some() || problems_block() || denied_dry_run()
                        aria-describedby="dry-run-denied">"Dry run"</button>
                    {move || problems_block().then(|| view! { <span class="muted">"Fix the template's YAML first."</span> })}
                </div>
                {move || running.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                <DryRunResults runs=runs/>
            </section>
        </Show>
    }
}

fn catalog_source(r: &EntityRef) -> String {
    format!("{r} from the catalog")
}

fn marks_of(r: &Reading) -> Vec<(usize, String)> {
    r.problems.iter().map(|p| (p.line, p.message.clone())).collect()
}

/// The three ways to open a template.
#[component]
fn OpenTemplate(
    on_catalog: Callback<EntityRef>,
    on_folder: Callback<(String, String, Vec<FolderFile>)>,
    on_blank: Callback<()>,
    on_error: Callback<String>,
) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let term = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<(EntityRef, String)>, ApiError>>);
    let search = Debounce::new(200);
    Effect::new(move |_| {
        let t = term.get();
        let backend = backend.clone();
        search.run(move || {
            spawn_local(async move {
                let q = EntityQuery {
                    filters: vec!["kind=template".into()],
                    fields: vec!["kind", "metadata.name", "metadata.namespace", "metadata.title"],
                    limit: Some(20),
                    order_field: Some("metadata.name,asc".into()),
                    full_text: (!t.trim().is_empty()).then(|| t.trim().to_string()),
                    full_text_fields: vec!["metadata.name", "metadata.title"],
                    cursor: None,
                    skip_total: true,
                };
                let answer = backend
                    .query_entities(&q)
                    .await
                    .map(|p| p.items.into_iter().map(|e| (e.entity_ref(), e.display_name().to_string())).collect());
                let _ = found.try_set(Some(answer));
            });
        });
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        spawn_local(async move {
            let mut entries = Vec::with_capacity(picked.len());
            for f in &picked {
                // The path inside the chosen folder (web-sys has no binding for it).
                let relative = js_sys::Reflect::get(f, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let path = if relative.is_empty() { f.name() } else { relative };
                match crate::browser::file_bytes(f).await {
                    Some(b) => entries.push((path, b)),
                    None => return on_error.run(format!("{path} could not be read.")),
                }
            }
            let folder_name = entries.first().and_then(|(p, _)| p.split('/').next()).unwrap_or_default().to_string();
            let files = from_picked(entries);
            match template_file(&files).map(|f| String::from_utf8(f.bytes.clone())) {
                Some(Ok(yaml)) => on_folder.run((format!("the folder {folder_name}"), yaml, files)),
                Some(Err(_)) => on_error.run("The folder's template is not UTF-8 text.".into()),
                None => on_error
                    .run(format!("The folder {folder_name} has no template.yaml (nor another YAML file with kind: Template) at its top.")),
            }
        });
    };
    view! {
        <section class="card editor-open" id="editor-open" aria-labelledby="editor-open-heading">
            <h2 id="editor-open-heading">"Open a template"</h2>
            <div class="editor-open-ways">
                <div>
                    <h3>"From the catalog"</h3>
                    <label for="editor-template-search">"Find a template"</label>
                    <input id="editor-template-search" type="search" autocomplete="off"
                        prop:value=move || term.get() on:input=move |ev| term.set(event_target_value(&ev))/>
                    {move || match found.get() {
                        None => view! { <p class="muted" role="status">"Looking for templates…"</p> }.into_any(),
                        Some(Err(e)) => view! { <ErrorPanel error=e/> }.into_any(),
                        Some(Ok(list)) if list.is_empty() => view! { <p class="muted">"No template matches."</p> }.into_any(),
                        Some(Ok(list)) => view! {
                            <ul class="plain-list editor-template-list" aria-label="Templates in the catalog">
                                {list.into_iter().map(|(r, title)| {
                                    let (label, name) = (format!("Edit {title}"), format!(" {}", r.name));
                                    view! { <li><button type="button" class="link-button" on:click=move |_| on_catalog.run(r.clone())>{label}</button>
                                        <span class="muted">{name}</span></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                </div>
                <div>
                    <h3>"From a folder on disk"</h3>
                    <p class="muted">"Its template.yaml opens here; every file in it goes with the dry run, so steps such as fetch:template find their skeleton."</p>
                    <label class="button secondary file-button">
                        "Choose a folder…"
                        <input type="file" class="visually-hidden" prop:webkitdirectory=true multiple on:change=on_pick/>
                    </label>
                </div>
                <div>
                    <h3>"From scratch"</h3>
                    <p class="muted">"A working template whose comments say what each part is for."</p>
                    <button type="button" class="button secondary" on:click=move |_| on_blank.run(())>"Start from a blank template"</button>
                </div>
            </div>
        </section>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(template_editor, template_editor_page, (), |_: ()| view! { <TemplateEditorPage/> }.into_any());
