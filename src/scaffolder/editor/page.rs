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
use crate::scaffolder::editor::in_place::{self, FolderHandle};
use crate::scaffolder::editor::preview::{FormPreview, PreviewState};
use crate::scaffolder::editor::results::DryRunResults;
use crate::scaffolder::editor::template_doc::{as_written, hidden_steps, read, Reading, BLANK};
use crate::scaffolder::forms::regexp::browser_patterns;
use crate::shell::paths;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::code_editor::CodeEditor;
use crate::ui::debounce::Debounce;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::page_header::PageHeader;

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

/// A template just opened: where from, its text, and for a folder its files and
/// the template's path in it, and the handle to save to when opened in place.
pub struct Opened {
    label: String,
    yaml: String,
    folder: Option<(Vec<FolderFile>, String)>,
    handle: Option<FolderHandle>,
}

/// Saving back to a folder opened in place.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Idle,
    /// The folder was chosen again and the draft's text kept over its file.
    KeptDraft,
    Saving,
    Saved(String),
    Failed(String),
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
    // A folder opened in place: where the template is saved back, and the text
    // as it is on disk (to tell unsaved changes).
    let disk = StoredValue::new_local(None::<FolderHandle>);
    let template_path = RwSignal::new(None::<String>);
    let on_disk = RwSignal::new(None::<String>);
    let save_state = RwSignal::new(SaveState::Idle);
    // Form steps of the registered template the policy hides from this user.
    let hidden = RwSignal::new(Vec::<String>::new());
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
    let open = move |opened: Opened| {
        // The folder this draft came from, chosen again: the draft's text is kept
        // (it may hold edits not saved), the folder gives its files.
        let reopened = opened.folder.is_some()
            && from_folder.get_untracked()
            && source.get_untracked() == opened.label
            && !text.with_untracked(String::is_empty);
        if !reopened {
            preview.data.set(Value::Object(Default::default()));
            preview.step.set(0);
            runs.set(Vec::new());
            text.set(opened.yaml.clone());
        }
        source.set(opened.label);
        from_folder.set(opened.folder.is_some());
        let (folder, path) = opened.folder.unwrap_or_default();
        template_path.set(Some(path).filter(|_| opened.handle.is_some()));
        on_disk.set(opened.handle.is_some().then_some(opened.yaml));
        disk.set_value(opened.handle);
        files.set(folder);
        save_state.set(if reopened { SaveState::KeptDraft } else { SaveState::Idle });
        hidden.set(Vec::new());
        open_error.set(None);
        choosing.set(false);
    };
    let open_from_catalog = {
        let backend = backend.clone();
        move |r: EntityRef| {
            let backend = backend.clone();
            spawn_local(async move {
                match backend.entity_by_ref(&r).await {
                    Ok(e) => {
                        let registered = e.0.clone();
                        open(Opened { label: catalog_source(&r), yaml: to_yaml(&as_written(e.0)), folder: None, handle: None });
                        let _ = hidden.try_set(hidden_from(&backend, &r, &registered).await);
                    }
                    Err(e) => {
                        let _ = open_error.try_set(Some(format!("{} could not be opened: {}", r, e.user_message())));
                    }
                }
            });
        }
    };
    match (asked.clone(), restored) {
        (Some(r), false) => open_from_catalog(r),
        // A restored draft of a catalog template: what the policy hides is asked again.
        (Some(r), true) => {
            let backend = backend.clone();
            spawn_local(async move {
                if let Ok(e) = backend.entity_by_ref(&r).await {
                    let _ = hidden.try_set(hidden_from(&backend, &r, &e.0).await);
                }
            });
        }
        (None, _) => {}
    }

    let running = RwSignal::new(None::<&'static str>);
    let may_dry_run = allowed(&backend, TEMPLATE_DRY_RUN, None);
    let may_create = allowed(&backend, TASK_CREATE, None);
    let policy_denies = move || may_dry_run.get() == Some(false) || may_create.get() == Some(false);
    let hides_steps = move || !hidden.with(Vec::is_empty);
    let denied_dry_run = move || policy_denies() || hides_steps();
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
    let unsaved = move || on_disk.with(|d| d.as_ref().is_some_and(|d| text.with(|t| t != d)));
    let save = move || {
        let (Some(handle), Some(path)) = (disk.get_value(), template_path.get_untracked()) else { return };
        if save_state.get_untracked() == SaveState::Saving {
            return;
        }
        let yaml = text.get_untracked();
        save_state.set(SaveState::Saving);
        spawn_local(async move {
            let outcome = handle.save(&path, &yaml).await;
            let _ = save_state.try_set(match outcome {
                Ok(()) => {
                    let _ = on_disk.try_set(Some(yaml));
                    SaveState::Saved(format!("Saved to {}/{path} at {}.", handle.name(), clock_time()))
                }
                Err(why) => SaveState::Failed(format!("{path} could not be saved: {why}. Your text is still here; try again.")),
            });
        });
    };
    // Ctrl/⌘-S saves a folder opened in place, as in a desktop editor.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("s") && template_path.with_untracked(Option::is_some) {
            ev.prevent_default();
            save();
        }
    };

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
                on_folder=Callback::new(open)
                on_blank=Callback::new(move |_| open(Opened { label: "a blank template".into(), yaml: BLANK.to_string(), folder: None, handle: None }))
                on_error=Callback::new(move |e: String| open_error.set(Some(e)))/>
        </Show>
        <Show when=move || !text.with(String::is_empty)>
            <p class="muted">{move || format!("Editing {}.", source.get())}
                {move || (from_folder.get() && files.with(Vec::is_empty)).then_some(" Choose the folder again to dry-run it with its files.")}
                {move || (!files.with(Vec::is_empty)).then(|| format!(" {} files from the folder go with each dry run.", files.with(Vec::len)))}
            </p>
            <Show when=move || template_path.with(Option::is_some)>
                <div class="card-actions save-row">
                    <button type="button" class="button secondary" on:click=move |_| save() disabled=move || save_state.get() == SaveState::Saving>
                        {move || template_path.get().map(|p| format!("Save {p} to the folder"))}
                    </button>
                    <span class="muted">{move || if unsaved() { "Unsaved changes (Ctrl+S saves)." } else { "No unsaved changes." }}</span>
                    {move || match save_state.get() {
                        SaveState::Idle => None,
                        SaveState::KeptDraft => Some(view! { <p class="notice" role="status">"Your draft was kept instead of the folder's own template; saving writes it to the folder."</p> }.into_any()),
                        SaveState::Saving => Some(view! { <span class="muted" role="status">"Saving…"</span> }.into_any()),
                        SaveState::Saved(m) => Some(view! { <span role="status">{m}</span> }.into_any()),
                        SaveState::Failed(m) => Some(view! { <p class="notice warning" role="alert">{m}</p> }.into_any()),
                    }}
                </div>
            </Show>
            <div class="editor-layout">
                <section class="card editor-pane" aria-labelledby="editor-heading" on:keydown=on_key>
                    <h2 id="editor-heading">"template.yaml"</h2>
                    <CodeEditor id="template-yaml" label="Template YAML" text=text marks=Signal::derive(move || marks.get())/>
                </section>
                <section class="card preview-pane" aria-labelledby="preview-heading">
                    <h2 id="preview-heading">"Form preview"</h2>
                    {move || hides_steps().then(|| view! { <p class="notice warning">{hidden_notice(&hidden.get())}</p> })}
                    {move || shown_form.with(Option::is_none).then(|| view! { <p class="muted">"The form shows here once the template can be read."</p> })}
                    <FormPreview form=Signal::derive(move || shown_form.get()) state=preview/>
                </section>
            </div>
            <section class="card dry-run" aria-labelledby="dry-run-heading">
                <h2 id="dry-run-heading">"Dry run"</h2>
                <p class="muted">"Runs the steps with the preview's values on the backend, without side effects (actions that would publish or register only say what they would do), and shows the files they produce."</p>
                {move || policy_denies().then(|| view! { <p class="notice warning" id="dry-run-denied">{denied("dry-run templates")}</p> })}
                {move || hides_steps().then(|| view! { <p class="notice warning" id="dry-run-hidden">{hidden_notice(&hidden.get())}</p> })}
                <div class="card-actions">
                    <button type="button" class="button primary" on:click=dry_run.clone()
                        disabled=move || running.get().is_some() || problems_block() || denied_dry_run()
                        aria-describedby="dry-run-denied dry-run-hidden">"Dry run"</button>
                    {move || problems_block().then(|| view! { <span class="muted">"Fix the template's YAML first."</span> })}
                </div>
                {move || running.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                <DryRunResults runs=runs/>
            </section>
        </Show>
    }
}

/// The form steps of the registered template `r` (as the catalog gave it) that the
/// backend leaves out of this user's form. Nothing when it cannot say.
async fn hidden_from(backend: &Backend, r: &EntityRef, registered: &Value) -> Vec<String> {
    match backend.template_parameter_schema(&r.namespace, &r.name).await {
        Ok(served) => hidden_steps(registered, &served),
        Err(_) => Vec::new(),
    }
}

/// What the policy hides, and what it means here.
fn hidden_notice(steps: &[String]) -> String {
    let names = steps.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ");
    let (noun, pronoun) = if steps.len() == 1 { ("step", "it") } else { ("steps", "them") };
    format!(
        "The backend's permission policy hides the form {noun} {names} of this template from you (scaffolder.template.parameter.read): the wizard does not show {pronoun} to you, and you may not dry-run the template. The preview shows every step, as the template is written."
    )
}

/// The time of day, as the page says when it saved.
fn clock_time() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

fn catalog_source(r: &EntityRef) -> String {
    format!("{r} from the catalog")
}

/// A folder's files, as read from disk, opened: its template found, or why not.
fn opened_folder(entries: Vec<(String, Vec<u8>)>, handle: Option<FolderHandle>) -> Result<Opened, String> {
    let folder_name = handle
        .as_ref()
        .map(FolderHandle::name)
        .unwrap_or_else(|| entries.first().and_then(|(p, _)| p.split('/').next()).unwrap_or_default().to_string());
    let files = from_picked(entries);
    let template = template_file(&files).map(|f| (f.path.clone(), String::from_utf8(f.bytes.clone())));
    match template {
        Some((path, Ok(yaml))) => Ok(Opened { label: format!("the folder {folder_name}"), yaml, folder: Some((files, path)), handle }),
        Some((_, Err(_))) => Err("The folder's template is not UTF-8 text.".into()),
        None => Err(format!("The folder {folder_name} has no template.yaml (nor another YAML file with kind: Template) at its top.")),
    }
}

fn marks_of(r: &Reading) -> Vec<(usize, String)> {
    r.problems.iter().map(|p| (p.line, p.message.clone())).collect()
}

/// The three ways to open a template.
#[component]
fn OpenTemplate(
    on_catalog: Callback<EntityRef>,
    on_folder: Callback<Opened>,
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
            match opened_folder(entries, None) {
                Ok(o) => on_folder.run(o),
                Err(e) => on_error.run(e),
            }
        });
    };
    let open_in_place = move |_| {
        spawn_local(async move {
            let handle = match in_place::pick().await {
                Ok(Some(h)) => h,
                Ok(None) => return,
                Err(e) => return on_error.run(format!("The folder could not be opened: {e}.")),
            };
            match handle.read_all().await.and_then(|entries| opened_folder(entries, Some(handle))) {
                Ok(o) => on_folder.run(o),
                Err(e) => on_error.run(e),
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
                    <div class="card-actions">
                        {in_place::supported().then(|| view! {
                            <button type="button" class="button secondary" on:click=open_in_place>"Open a folder to edit in place…"</button>
                        })}
                        <label class="button secondary file-button">
                            {if in_place::supported() { "Open a copy of a folder…" } else { "Choose a folder…" }}
                            <input type="file" class="visually-hidden" prop:webkitdirectory=true multiple on:change=on_pick/>
                        </label>
                    </div>
                    {in_place::supported().then(|| view! { <p class="muted">"In place, the browser asks to let the portal save the template back to the folder."</p> })}
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
