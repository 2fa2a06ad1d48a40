//! A template as its author is writing it: the YAML read into the entity the
//! backend would receive, the form it gives (what the backend's
//! `parameter-schema` would answer), and every problem that can be found without
//! asking the backend, each at the line it is written on.

use serde_json::{Map, Value};

use crate::api::types::{TemplateParameterSchema, TemplateStep};
use crate::catalog::entity::yaml_parse::{documents, Document};
use crate::scaffolder::forms::check::schema_problem;
use crate::scaffolder::forms::keywords::Patterns;

/// The only template version the scaffolder runs.
pub const API_VERSION: &str = "scaffolder.backstage.io/v1beta3";

/// One problem, at its line (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// What the editor knows of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The entity, when the text is YAML holding one mapping.
    pub entity: Option<Value>,
    /// The form, when `spec.parameters` gives one (even if other parts are wrong).
    pub form: Option<TemplateParameterSchema>,
    pub problems: Vec<Problem>,
}

/// Reads the editor's text.
pub fn read(text: &str, patterns: Patterns) -> Reading {
    let (docs, error) = documents(text);
    if let Some(e) = error {
        let line = e.line.max(1);
        return Reading {
            entity: None,
            form: None,
            problems: vec![Problem { line, message: format!("This is not valid YAML: {}.", e.message) }],
        };
    }
    let mut problems = Vec::new();
    let Some(doc) = docs.first() else {
        return Reading { entity: None, form: None, problems: vec![problem(1, "The template is empty.")] };
    };
    if let Some(second) = docs.get(1) {
        problems
            .push(problem(second.line, "A template is one document: remove the second one (after ---) or move it to a file of its own."));
    }
    let Value::Object(entity) = &doc.value else {
        problems.push(problem(doc.line, "A template is a mapping with apiVersion, kind, metadata and spec."));
        return Reading { entity: None, form: None, problems };
    };
    let text_at = |key: &str| entity.get(key).and_then(Value::as_str);
    if text_at("apiVersion") != Some(API_VERSION) {
        problems.push(problem(doc.line_of("apiVersion"), &format!("apiVersion must be {API_VERSION}, the version the scaffolder runs.")));
    }
    if text_at("kind") != Some("Template") {
        problems.push(problem(doc.line_of("kind"), "kind must be Template."));
    }
    let metadata = entity.get("metadata").and_then(Value::as_object);
    match metadata.and_then(|m| m.get("name")).and_then(Value::as_str) {
        None => problems.push(problem(doc.line_of("metadata"), "metadata.name is missing: every entity needs a name.")),
        Some(name) if !is_valid_name(name) => problems.push(problem(
            doc.line_of("metadata.name"),
            "metadata.name must be 1 to 63 letters, digits and single -, _ or . between them.",
        )),
        Some(_) => {}
    }
    let spec = entity.get("spec").and_then(Value::as_object);
    if spec.is_none() {
        problems.push(problem(doc.line_of("spec"), "spec is missing: it holds the template's parameters and steps."));
    }
    if let Some(spec) = spec {
        if spec.get("type").and_then(Value::as_str).is_none_or(|t| t.trim().is_empty()) {
            problems
                .push(problem(doc.line_of("spec"), "spec.type is missing: say what the template creates (service, website, library…)."));
        }
    }
    check_steps(doc, spec, &mut problems);
    let form = form(doc, metadata, spec, patterns, &mut problems);
    problems.sort_by_key(|p| p.line);
    Reading { entity: Some(doc.value.clone()), form, problems }
}

/// A template from the catalog as its author wrote it: without what the catalog
/// adds (uid, etag, generation, relations, status, where it was read from).
pub fn as_written(mut entity: Value) -> Value {
    if let Some(o) = entity.as_object_mut() {
        o.remove("relations");
        o.remove("status");
        if let Some(m) = o.get_mut("metadata").and_then(Value::as_object_mut) {
            for k in ["uid", "etag", "generation"] {
                m.remove(k);
            }
            if let Some(a) = m.get_mut("annotations").and_then(Value::as_object_mut) {
                a.retain(|k, _| !k.starts_with("backstage.io/managed-by-"));
                if a.is_empty() {
                    m.remove("annotations");
                }
            }
        }
    }
    entity
}

/// What "Start from a blank template" opens: a working template whose comments
/// say what each part is for.
pub const BLANK: &str = r#"# A software template: a form (spec.parameters), then the steps that run with
# what was filled in (spec.steps). The form is previewed beside this editor.
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: my-template
  title: My template
  description: What developers get when they use this template.
spec:
  owner: group:default/my-team
  type: service
  # Each entry is one step of the form: a JSON schema (draft-07) with ui:* hints.
  parameters:
    - title: About the component
      required: [name]
      properties:
        name:
          title: Name
          type: string
          description: Lower-case letters, digits and dashes.
          pattern: '^[a-z0-9-]+$'
          ui:autofocus: true
        owner:
          title: Owner
          type: string
          ui:field: OwnerPicker
  # Each step runs an installed action (see Create → Installed actions) with
  # inputs that may use the values: ${{ parameters.name }}.
  steps:
    - id: log
      name: Say hello
      action: debug:log
      input:
        message: Creating ${{ parameters.name }} for ${{ parameters.owner }}
  # Links and texts shown when the template has run.
  output:
    text:
      - title: Next steps
        content: Your component **${{ parameters.name }}** is ready.
"#;

fn problem(line: usize, message: &str) -> Problem {
    Problem { line: line.max(1), message: message.to_string() }
}

/// Backstage's rule for entity names.
fn is_valid_name(name: &str) -> bool {
    let separator = |c: char| matches!(c, '-' | '_' | '.');
    !name.is_empty()
        && name.len() <= 63
        && name.chars().all(|c| c.is_ascii_alphanumeric() || separator(c))
        && !name.starts_with(separator)
        && !name.ends_with(separator)
        && !name.as_bytes().windows(2).any(|w| separator(w[0] as char) && separator(w[1] as char))
}

/// The line of a list item: its first key's, else the list's.
fn item_line(doc: &Document, path: &str) -> usize {
    let prefix = format!("{path}.");
    doc.keys.iter().find(|(k, _)| k.starts_with(&prefix)).map_or_else(|| doc.line_of(path), |(_, l)| *l)
}

/// The line step `i` of `spec.steps` starts on in `text`.
pub fn step_line(text: &str, i: usize) -> Option<usize> {
    let (docs, _) = documents(text);
    docs.first().map(|d| item_line(d, &format!("spec.steps.{i}")))
}

fn check_steps(doc: &Document, spec: Option<&Map<String, Value>>, problems: &mut Vec<Problem>) {
    let Some(spec) = spec else { return };
    match spec.get("steps") {
        None => problems.push(problem(doc.line_of("spec"), "spec.steps is missing: a template runs at least one step.")),
        Some(Value::Array(steps)) => {
            for (i, step) in steps.iter().enumerate() {
                let path = format!("spec.steps.{i}");
                match step.get("action") {
                    Some(Value::String(a)) if !a.trim().is_empty() => {}
                    _ => problems.push(problem(
                        item_line(doc, &path),
                        &format!("Step {} has no action: name the action it runs (e.g. fetch:template).", i + 1),
                    )),
                }
            }
        }
        Some(_) => problems.push(problem(doc.line_of("spec.steps"), "spec.steps must be a list of steps.")),
    }
}

/// The form, as the backend's `parameter-schema` builds it from the template.
fn form(
    doc: &Document,
    metadata: Option<&Map<String, Value>>,
    spec: Option<&Map<String, Value>>,
    patterns: Patterns,
    problems: &mut Vec<Problem>,
) -> Option<TemplateParameterSchema> {
    let spec = spec?;
    let parameters: Vec<&Value> = match spec.get("parameters") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    };
    let mut steps = Vec::new();
    for (i, schema) in parameters.into_iter().enumerate() {
        let path =
            if matches!(spec.get("parameters"), Some(Value::Array(_))) { format!("spec.parameters.{i}") } else { "spec.parameters".into() };
        let Value::Object(o) = schema else {
            problems
                .push(problem(item_line(doc, &path), &format!("Form step {} must be a mapping (a JSON schema with properties).", i + 1)));
            continue;
        };
        let mut o = o.clone();
        o.remove("when");
        let schema = Value::Object(o);
        if let Some(e) = schema_problem(&schema, patterns) {
            problems.push(problem(item_line(doc, &path), &format!("Form step {} is not a valid JSON schema: {e}", i + 1)));
        }
        let text = |k: &str| schema.get(k).and_then(Value::as_str).map(str::to_string);
        steps.push(TemplateStep {
            title: text("title").unwrap_or_else(|| "Please enter the following information".into()),
            description: text("description"),
            schema,
        });
    }
    let meta = |k: &str| metadata.and_then(|m| m.get(k)).and_then(Value::as_str).map(str::to_string);
    Some(TemplateParameterSchema {
        title: meta("title").or_else(|| meta("name")).unwrap_or_default(),
        description: meta("description"),
        steps,
    })
}

/// The form steps of a template as registered that the backend's answer for
/// this user (`parameter-schema`) leaves out: the permission policy's
/// `scaffolder.template.parameter.read` hides them (by their
/// `backstage:permissions` tags). The backend filters without reordering, so
/// the served steps are matched in order, by title and field names.
pub fn hidden_steps(registered: &Value, served: &TemplateParameterSchema) -> Vec<String> {
    let steps: Vec<&Value> = match registered.pointer("/spec/parameters") {
        Some(Value::Array(items)) => items.iter().collect(),
        None | Some(Value::Null) => Vec::new(),
        Some(one) => vec![one],
    };
    let title = |s: &Value| s.get("title").and_then(Value::as_str).unwrap_or("Please enter the following information").to_string();
    let names =
        |s: &Value| s.get("properties").and_then(Value::as_object).map(|p| p.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    let mut from = 0;
    let mut hidden = Vec::new();
    for step in steps {
        let (t, n) = (title(step), names(step));
        let same = |s: &TemplateStep| s.title == t && names(&s.schema) == n;
        match served.steps[from..].iter().position(same) {
            Some(j) => from += j + 1,
            None => hidden.push(title(step)),
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(_: &str, _: &str) -> bool {
        true
    }

    fn lines(r: &Reading) -> Vec<usize> {
        r.problems.iter().map(|p| p.line).collect()
    }

    const GOOD: &str = "apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: demo
  title: Demo
  description: A demo.
spec:
  owner: team-a
  type: service
  parameters:
    - title: About
      required: [name]
      properties:
        name:
          type: string
    - properties:
        count:
          type: number
      when: true
  steps:
    - id: fetch
      action: fetch:template
      input:
        url: ./skeleton
";

    #[test]
    fn a_good_template_gives_its_form_as_the_backend_would() {
        let r = read(GOOD, &patterns);
        assert_eq!(r.problems, vec![]);
        let form = r.form.unwrap();
        assert_eq!(form.title, "Demo");
        assert_eq!(form.description.as_deref(), Some("A demo."));
        assert_eq!(form.steps.len(), 2);
        assert_eq!(form.steps[0].title, "About");
        assert_eq!(form.steps[1].title, "Please enter the following information");
        // `when` decides whether a step shows; it is not part of the schema.
        assert!(form.steps[1].schema.get("when").is_none());
        assert_eq!(r.entity.unwrap()["spec"]["steps"][0]["action"], "fetch:template");
    }

    #[test]
    fn broken_yaml_is_reported_at_its_line() {
        let text = GOOD.replace("    - id: fetch\n", "    - id: fetch\n   bad: [\n");
        let r = read(&text, &patterns);
        assert!(r.entity.is_none() && r.form.is_none());
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].message.starts_with("This is not valid YAML"), "{:?}", r.problems);
        assert!((21..=23).contains(&r.problems[0].line), "{:?}", r.problems);
    }

    #[test]
    fn each_mistake_is_at_the_line_it_is_written_on() {
        let text = GOOD
            .replace("kind: Template", "kind: Component")
            .replace("name: demo", "name: -demo")
            .replace("      required: [name]", "      required: name")
            .replace("      action: fetch:template\n", "");
        let r = read(&text, &patterns);
        assert_eq!(lines(&r), vec![2, 4, 11, 21], "{:?}", r.problems);
        assert!(r.problems[2].message.contains("Form step 1 is not a valid JSON schema"), "{}", r.problems[2].message);
        assert!(r.problems[3].message.contains("Step 1 has no action"));
        // The form still shows what can be shown.
        assert_eq!(r.form.unwrap().steps.len(), 2);
    }

    #[test]
    fn a_single_parameters_mapping_is_one_step_and_missing_parts_are_named() {
        let r = read("apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  title: T\nspec:\n  parameters:\n    properties:\n      a: {type: string}\n", &patterns);
        assert_eq!(r.form.as_ref().unwrap().steps.len(), 1);
        let messages: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.starts_with("metadata.name is missing")), "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with("spec.steps is missing")), "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with("spec.type is missing")), "{messages:?}");
    }

    #[test]
    fn not_a_template_at_all() {
        assert_eq!(read("", &patterns).problems[0].message, "The template is empty.");
        assert_eq!(read("- a\n- b\n", &patterns).problems[0].message, "A template is a mapping with apiVersion, kind, metadata and spec.");
        let two = format!("{GOOD}---\nkind: Other\n");
        let r = read(&two, &patterns);
        assert_eq!(lines(&r), vec![25]);
        assert!(r.form.is_some());
    }

    #[test]
    fn a_step_is_found_by_its_number() {
        assert_eq!(step_line(GOOD, 0), Some(21));
        assert_eq!(step_line("", 0), None);
    }

    #[test]
    fn the_blank_template_is_a_working_one() {
        let r = read(BLANK, &patterns);
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.form.unwrap().steps[0].title, "About the component");
    }

    #[test]
    fn a_catalog_template_opens_without_what_the_catalog_added() {
        let stored = serde_json::json!({
            "apiVersion": API_VERSION, "kind": "Template",
            "metadata": {"name": "t", "uid": "1", "etag": "e", "generation": 1, "namespace": "default",
                "annotations": {"backstage.io/managed-by-location": "file:/x", "backstage.io/managed-by-origin-location": "file:/x"}},
            "spec": {"steps": []}, "relations": [], "status": {}
        });
        let written = as_written(stored);
        assert_eq!(
            written,
            serde_json::json!({"apiVersion": API_VERSION, "kind": "Template", "metadata": {"name": "t", "namespace": "default"}, "spec": {"steps": []}})
        );
        let kept = as_written(
            serde_json::json!({"metadata": {"annotations": {"github.com/project-slug": "a/b", "backstage.io/managed-by-location": "x"}}}),
        );
        assert_eq!(kept["metadata"]["annotations"], serde_json::json!({"github.com/project-slug": "a/b"}));
    }

    #[test]
    fn names_follow_backstage_rules() {
        for ok in ["a", "my-service", "a.b_c-d", "A1"] {
            assert!(is_valid_name(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "a b", &"x".repeat(64)] {
            assert!(!is_valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn steps_the_backend_leaves_out_are_the_hidden_ones() {
        let registered = documents(GOOD).0.remove(0).value;
        let step = |title: &str, field: &str| TemplateStep {
            title: title.into(),
            description: None,
            schema: serde_json::json!({ "properties": { field: { "type": "string" } } }),
        };
        let served = |steps| TemplateParameterSchema { title: "Demo".into(), description: None, steps };
        assert_eq!(
            hidden_steps(&registered, &served(vec![step("About", "name"), step("Please enter the following information", "count")])),
            Vec::<String>::new()
        );
        assert_eq!(hidden_steps(&registered, &served(vec![step("About", "name")])), vec!["Please enter the following information"]);
        assert_eq!(hidden_steps(&registered, &served(vec![step("Please enter the following information", "count")])), vec!["About"]);
        assert_eq!(hidden_steps(&registered, &served(vec![])), vec!["About", "Please enter the following information"]);
        // A step of the same title but other fields is not the registered one.
        assert_eq!(
            hidden_steps(&registered, &served(vec![step("About", "other"), step("Please enter the following information", "count")])),
            vec!["About"]
        );
    }
}
