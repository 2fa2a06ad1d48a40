//! `/create/edit/fields`: the field explorer. Choose a field extension, edit its
//! `ui:options` as JSON, and see it rendered by the form engine with its value,
//! live; the YAML to paste into a template is shown beside it.

use leptos::prelude::*;
use serde_json::{json, Value};

use crate::catalog::entity::yaml::to_yaml;
use crate::scaffolder::forms::extensions::ALL;
use crate::scaffolder::forms::standalone::single_form;
use crate::scaffolder::forms::widgets::step_form;
use crate::shell::routes::Route;
use crate::ui::page_header::PageHeader;

/// The type of value an extension fills in, and options that show what it does
/// (each against the demo catalog).
pub fn example(name: &str) -> (Value, Value) {
    let text = json!({"type": "string"});
    let list = json!({"type": "array", "items": {"type": "string"}});
    match name {
        "EntityPicker" => (text, json!({"catalogFilter": {"kind": ["Component", "System"]}, "defaultKind": "Component"})),
        "OwnerPicker" => (text, json!({"catalogFilter": {"kind": ["Group", "User"]}})),
        "OwnedEntityPicker" => (text, json!({"catalogFilter": {"kind": "Component"}})),
        "MultiEntityPicker" => (list, json!({"catalogFilter": {"kind": "Group"}})),
        "EntityTagsPicker" => (list, json!({"kinds": ["Component"], "showCounts": true})),
        "RepoUrlPicker" => (text, json!({"allowedHosts": ["github.com"]})),
        "RepoOwnerPicker" => (text, json!({"host": "github.com"})),
        "SelectFieldFromApi" => (
            text,
            json!({"path": "catalog/entity-facets?facet=kind", "arraySelector": "facets.kind", "valueSelector": "value", "labelSelector": "value"}),
        ),
        _ => (text, json!({})),
    }
}

/// The field's schema with `options` as its `ui:options`.
pub fn field_schema(name: &str, options: &Value) -> Value {
    let (mut field, _) = example(name);
    field["title"] = Value::String(name.to_string());
    field["ui:field"] = Value::String(name.to_string());
    if options.as_object().is_some_and(|o| !o.is_empty()) {
        field["ui:options"] = options.clone();
    }
    json!({"properties": {"value": field}})
}

/// The options text read: an object, or why not.
pub fn read_options(text: &str) -> Result<Value, String> {
    if text.trim().is_empty() {
        return Ok(json!({}));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err("ui:options must be a JSON object ({ … }).".into()),
        Err(e) => Err(format!("This is not valid JSON: {e}.")),
    }
}

#[component]
pub fn FieldExplorerPage() -> impl IntoView {
    let example_text = |name: &str| serde_json::to_string_pretty(&example(name).1).unwrap_or_default();
    let chosen = RwSignal::new(ALL[0].name.to_string());
    let options_text = RwSignal::new(example_text(ALL[0].name));
    let choose = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        options_text.set(example_text(&name));
        chosen.set(name);
    };
    let options = Memo::new(move |_| options_text.with(|t| read_options(t)));
    // The last options that could be read: a half-typed edit keeps the field.
    let good = Memo::new(move |last: Option<&Value>| options.get().ok().or_else(|| last.cloned()).unwrap_or_else(|| json!({})));
    let schema = Memo::new(move |_| good.with(|o| field_schema(&chosen.get(), o)));
    view! {
        <PageHeader title="Field explorer" subtitle="Try a field extension's options and see the field as the wizard shows it.">
            <a class="button secondary" href=Route::TemplateEditor.href()>"Template editor"</a>
        </PageHeader>
        <div class="editor-layout">
            <section class="card" aria-labelledby="explorer-options">
                <h2 id="explorer-options">"Field and options"</h2>
                <label for="explorer-field">"Field extension"</label>
                <select id="explorer-field" on:change=choose>
                    {ALL.iter().map(|e| view! { <option value=e.name selected=move || chosen.get() == e.name>{e.name}</option> }).collect_view()}
                </select>
                <label for="explorer-options-json">"ui:options (JSON)"</label>
                <textarea id="explorer-options-json" class="code-input" rows="10" spellcheck="false" aria-describedby="explorer-options-error"
                    prop:value=move || options_text.get() on:input=move |ev| options_text.set(event_target_value(&ev))></textarea>
                <p id="explorer-options-error" class="field-error" aria-live="polite">{move || options.get().err()}</p>
                <h3>"In a template"</h3>
                <pre class="code-block" tabindex="0" aria-label="The field as template YAML">{move || {
                    let s = schema.get();
                    to_yaml(&json!({"properties": {"myField": s["properties"]["value"].clone()}}))
                }}</pre>
            </section>
            <section class="card" aria-labelledby="explorer-preview">
                <h2 id="explorer-preview">"Preview"</h2>
                {move || {
                    let ctx = single_form(schema.get(), json!({}));
                    view! {
                        <form class="wizard" novalidate on:submit=|ev| ev.prevent_default()>{step_form(ctx)}</form>
                        <pre class="code-block" tabindex="0" aria-label="The field's value">{move || {
                            let v = ctx.data.with(|d| d.get("value").cloned());
                            v.map(|v| serde_json::to_string_pretty(&v).unwrap_or_default()).unwrap_or_else(|| "(no value yet)".into())
                        }}</pre>
                    }
                }}
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_has_a_field_to_try() {
        for e in &ALL {
            let (kind, options) = example(e.name);
            assert!(kind["type"].is_string(), "{}", e.name);
            assert!(options.is_object(), "{}", e.name);
            let s = field_schema(e.name, &options);
            assert_eq!(s["properties"]["value"]["ui:field"], e.name);
        }
        assert!(field_schema("Secret", &json!({}))["properties"]["value"].get("ui:options").is_none());
    }

    #[test]
    fn options_must_be_an_object() {
        assert_eq!(read_options("  "), Ok(json!({})));
        assert_eq!(read_options(r#"{"a": 1}"#), Ok(json!({"a": 1})));
        assert_eq!(read_options("[1]"), Err("ui:options must be a JSON object ({ … }).".into()));
        assert!(read_options("{").unwrap_err().starts_with("This is not valid JSON"));
    }
}

// In the template editor's chunk (see shell::routes).
crate::split_page!(template_editor, field_explorer_page, (), |_: ()| view! { <FieldExplorerPage/> }.into_any());
