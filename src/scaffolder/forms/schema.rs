//! From one step's JSON Schema and the current form data to the fields the user
//! sees: `$ref` resolved, `allOf` / `if`-`then`-`else`, `dependencies` (property and
//! schema dependencies, with the `oneOf` form Backstage templates use) and
//! `oneOf`/`anyOf` choices applied, properties ordered by `ui:order`.
//!
//! Resolution runs on every change, so a condition switching on shows its fields at
//! once and one switching off hides them (their values are dropped on submit).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::scaffolder::forms::check::Check;
use crate::scaffolder::forms::keywords::{enum_options, type_of, Patterns};
use crate::scaffolder::forms::path::{path_id, Path, Seg};

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub path: Path,
    /// The effective schema of this field, conditions applied.
    pub schema: Map<String, Value>,
    pub required: bool,
    pub kind: Kind,
    /// For an object with `oneOf`/`anyOf`: the alternatives and which one applies.
    pub choice: Option<Choice>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    String,
    Number,
    Integer,
    Boolean,
    /// `type: null`: nothing to enter (rjsf shows only its title).
    Null,
    Object(Vec<Field>),
    /// One field per current item.
    Array(Vec<Field>),
    /// An array of values from a fixed list (`items.enum` with `uniqueItems`).
    MultiSelect,
    /// An optional object whose schema contains itself (a tree, a nested menu),
    /// not filled in yet: the form offers "Add …" instead of expanding it, so a
    /// recursive schema is only as deep as its data.
    Unexpanded,
    /// A part of the schema that cannot be shown, in words (a definition that
    /// refers to itself without end).
    Unrenderable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub labels: Vec<String>,
    pub selected: usize,
}

/// Which alternative the user picked for each `oneOf`/`anyOf`, by path id.
pub type Choices = BTreeMap<String, usize>;

impl Field {
    pub fn id(&self) -> String {
        path_id(&self.path)
    }

    pub fn key(&self) -> &str {
        match self.path.last() {
            Some(Seg::Key(k)) => k,
            _ => "",
        }
    }

    /// `ui:<name>` as a string, looked up inline and in `ui:options`.
    pub fn ui_str(&self, name: &str) -> Option<&str> {
        self.ui(name).and_then(Value::as_str)
    }

    pub fn ui(&self, name: &str) -> Option<&Value> {
        self.schema.get(&format!("ui:{name}")).or_else(|| self.ui_options().and_then(|o| o.get(name)))
    }

    /// A `ui:` list of strings (`allowedHosts`, `kinds`, …); empty when absent.
    pub fn ui_strings(&self, name: &str) -> Vec<String> {
        self.ui(name)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    }

    pub fn ui_bool(&self, name: &str) -> bool {
        self.ui(name).and_then(Value::as_bool).unwrap_or(false)
    }

    pub fn ui_options(&self) -> Option<&Map<String, Value>> {
        self.schema.get("ui:options").and_then(Value::as_object)
    }

    /// What the user reads as the label: `ui:title`, `title`, or the property name.
    pub fn title(&self) -> String {
        self.schema.get("ui:title").or_else(|| self.schema.get("title")).and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| {
            match self.path.last() {
                Some(Seg::Index(i)) => format!("Item {}", i + 1),
                _ => self.key().to_string(),
            }
        })
    }

    pub fn description(&self) -> Option<&str> {
        self.schema.get("ui:description").or_else(|| self.schema.get("description")).and_then(Value::as_str)
    }

    /// The field extension named by `ui:field`.
    pub fn extension(&self) -> Option<&str> {
        self.schema.get("ui:field").and_then(Value::as_str)
    }

    pub fn is_secret(&self) -> bool {
        self.extension() == Some("Secret")
    }

    pub fn is_hidden(&self) -> bool {
        self.ui_str("widget") == Some("hidden")
    }

    pub fn children(&self) -> &[Field] {
        match &self.kind {
            Kind::Object(c) | Kind::Array(c) => c,
            _ => &[],
        }
    }

    /// The choices of a single value: `enum` (+ `enumNames`), or `oneOf`/`anyOf`
    /// made of `const`s (each with its `title`), as (value, label).
    pub fn options(&self) -> Option<Vec<(Value, String)>> {
        enum_options(&self.schema)
    }
}

/// How many schema parts one field may merge in (`allOf`, conditions, choices,
/// each possibly through `$ref`s) before the schema counts as endless.
const MAX_MERGE_DEPTH: usize = 24;

const CYCLIC: &str = "This part of the form cannot be shown: its schema refers to itself without end.";

pub struct Resolver<'a> {
    /// The step's whole schema, for `$ref: "#/..."`.
    root: &'a Value,
    choices: &'a Choices,
    check: Check<'a>,
}

/// The `$ref`s expanded on the way from the step to a field: meeting one of them
/// again is recursion, which only data may unfold.
type Trail = Vec<String>;

impl<'a> Resolver<'a> {
    pub fn new(root: &'a Value, choices: &'a Choices, patterns: Patterns<'a>) -> Self {
        Self { root, choices, check: Check::new(root, patterns) }
    }

    /// The top-level fields of a step.
    pub fn step_fields(&self, data: &Value) -> Vec<Field> {
        let schema = self.root.as_object().cloned().unwrap_or_default();
        // The step itself is `#`: a property that refers back to it is recursion.
        let mut trail = vec!["#".to_string()];
        let (effective, _) = match self.effective(&schema, Some(data), &[], &mut trail, 0) {
            Ok(e) => e,
            Err(problem) => {
                let path = vec![Seg::Key(String::new())];
                return vec![Field { path, schema: Map::new(), required: false, kind: Kind::Unrenderable(problem), choice: None }];
            }
        };
        self.object_fields(&effective, Some(data), &[], &trail)
    }

    fn object_fields(&self, schema: &Map<String, Value>, data: Option<&Value>, path: &[Seg], trail: &Trail) -> Vec<Field> {
        let required: Vec<&str> =
            schema.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let Some(props) = schema.get("properties").and_then(Value::as_object) else { return vec![] };
        order_keys(props.keys().map(String::as_str).collect(), schema.get("ui:order"))
            .into_iter()
            .filter_map(|key| {
                let prop = props.get(key)?.as_object()?;
                let mut p = path.to_vec();
                p.push(Seg::Key(key.to_string()));
                Some(self.field(prop, data.and_then(|d| d.get(key)), p, required.contains(&key), trail))
            })
            .collect()
    }

    fn field(&self, schema: &Map<String, Value>, value: Option<&Value>, path: Path, required: bool, trail: &Trail) -> Field {
        let mut trail = trail.clone();
        let known = trail.len();
        let (schema, choice) = match self.effective(schema, value, &path, &mut trail, 0) {
            Ok(e) => e,
            Err(problem) => return Field { path, schema: schema.clone(), required, kind: Kind::Unrenderable(problem), choice: None },
        };
        let recursive = trail[known..].iter().any(|r| trail[..known].contains(r));
        let kind = match type_of(&schema).as_str() {
            "object" if recursive && !value.is_some_and(Value::is_object) => Kind::Unexpanded,
            "object" => Kind::Object(self.object_fields(&schema, value, &path, &trail)),
            "array" => {
                let items = schema
                    .get("items")
                    .and_then(|i| i.as_object().or_else(|| i.as_array().and_then(|a| a.first()).and_then(Value::as_object)))
                    .cloned()
                    .unwrap_or_default();
                let items = match self.deref(&items, &mut trail) {
                    Ok(items) => items,
                    Err(problem) => return Field { path, schema, required, kind: Kind::Unrenderable(problem), choice },
                };
                let fixed_list = enum_options(&items).is_some()
                    && (schema.get("uniqueItems") == Some(&Value::Bool(true))
                        || schema.get("ui:widget").and_then(Value::as_str) == Some("checkboxes"));
                if fixed_list {
                    Kind::MultiSelect
                } else {
                    let n = value.and_then(Value::as_array).map(Vec::len).unwrap_or(0);
                    // Each item is labelled with its number: "Tags 2", "Maintainer 1".
                    let base = items
                        .get("title")
                        .or_else(|| schema.get("ui:title"))
                        .or_else(|| schema.get("title"))
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| match path.last() {
                            Some(Seg::Key(k)) => k.clone(),
                            _ => "Item".into(),
                        });
                    Kind::Array(
                        (0..n)
                            .map(|i| {
                                let mut p = path.clone();
                                p.push(Seg::Index(i));
                                let mut item = items.clone();
                                item.insert("ui:title".into(), Value::String(format!("{base} {}", i + 1)));
                                self.field(&item, value.and_then(|v| v.get(i)), p, false, &trail)
                            })
                            .collect(),
                    )
                }
            }
            "number" => Kind::Number,
            "integer" => Kind::Integer,
            "boolean" => Kind::Boolean,
            "null" => Kind::Null,
            _ => Kind::String,
        };
        Field { path, schema, required, kind, choice }
    }

    /// `$ref` replaced by its target (sibling keys win, as rjsf does); each ref
    /// followed is added to `trail`.
    fn deref(&self, schema: &Map<String, Value>, trail: &mut Trail) -> Result<Map<String, Value>, String> {
        let mut s = schema.clone();
        for _ in 0..MAX_MERGE_DEPTH {
            let Some(r) = s.get("$ref").and_then(Value::as_str).map(str::to_string) else { return Ok(s) };
            s.remove("$ref");
            let target = r
                .strip_prefix('#')
                .map(crate::model::percent::decode)
                .and_then(|p| self.root.pointer(&p))
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            trail.push(r);
            for (k, v) in target {
                s.entry(k).or_insert(v);
            }
        }
        Err(CYCLIC.into())
    }

    /// The schema with every condition that applies to `data` merged in.
    fn effective(
        &self,
        schema: &Map<String, Value>,
        data: Option<&Value>,
        path: &[Seg],
        trail: &mut Trail,
        depth: usize,
    ) -> Result<(Map<String, Value>, Option<Choice>), String> {
        if depth > MAX_MERGE_DEPTH {
            return Err(CYCLIC.into());
        }
        let mut s = self.deref(schema, trail)?;
        let mut extra: Vec<Map<String, Value>> = vec![];
        if let Some(all) = s.remove("allOf").and_then(|a| a.as_array().cloned()) {
            for sub in all.iter().filter_map(Value::as_object) {
                let sub = self.deref(sub, trail)?;
                if sub.contains_key("if") {
                    extra.extend(self.if_then_else(&sub, data, trail)?);
                } else {
                    extra.push(sub);
                }
            }
        }
        if s.contains_key("if") {
            extra.extend(self.if_then_else(&s, data, trail)?);
            for k in ["if", "then", "else"] {
                s.remove(k);
            }
        }
        if let Some(deps) = s.remove("dependencies").and_then(|d| d.as_object().cloned()) {
            for (key, dep) in deps {
                let present = data.and_then(|d| d.get(&key)).is_some_and(|v| !v.is_null());
                if !present {
                    continue;
                }
                match dep {
                    Value::Array(keys) => extra.push(Map::from_iter([("required".to_string(), Value::Array(keys))])),
                    Value::Object(dep) => extra.extend(self.schema_dependency(&dep, &key, data, trail)?),
                    _ => {}
                }
            }
        }
        let mut choice = None;
        let type_is_object = type_of(&s) == "object" || s.contains_key("properties");
        for key in ["oneOf", "anyOf"] {
            let Some(alts) = s.get(key).and_then(Value::as_array).cloned() else { continue };
            // A list of consts is a select of values, not a choice of shapes.
            if !type_is_object || alts.iter().all(|a| a.get("const").is_some()) {
                continue;
            }
            s.remove(key);
            let alts = alts.iter().filter_map(Value::as_object).map(|a| self.deref(a, trail)).collect::<Result<Vec<_>, _>>()?;
            if alts.is_empty() {
                continue;
            }
            let selected = self
                .choices
                .get(&path_id(path))
                .copied()
                .filter(|i| *i < alts.len())
                .or_else(|| data.and_then(|d| alts.iter().position(|a| self.matches_distinctly(d, a))))
                .unwrap_or(0);
            let labels = alts
                .iter()
                .enumerate()
                .map(|(i, a)| a.get("title").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| format!("Option {}", i + 1)))
                .collect();
            let mut branch = alts[selected].clone();
            branch.remove("title");
            branch.remove("description");
            extra.push(branch);
            choice = Some(Choice { labels, selected });
        }
        for e in extra {
            // A merged part can carry its own conditions (nested if/then, dependencies).
            let (e, _) = self.effective(&e, data, path, trail, depth + 1)?;
            merge(&mut s, &e);
        }
        Ok((s, choice))
    }

    fn if_then_else(&self, s: &Map<String, Value>, data: Option<&Value>, trail: &mut Trail) -> Result<Option<Map<String, Value>>, String> {
        let Some(cond) = s.get("if") else { return Ok(None) };
        let holds = match (cond, data) {
            (Value::Bool(b), _) => *b,
            (_, Some(d)) => self.check.is_valid(d, cond),
            (_, None) => self.check.is_valid(&Value::Object(Map::new()), cond),
        };
        let branch = if holds { s.get("then") } else { s.get("else") };
        branch.and_then(Value::as_object).map(|b| self.deref(b, trail)).transpose()
    }

    /// A schema dependency; its `oneOf` form picks the branch whose own schema for
    /// the trigger property accepts the current value (Backstage's usual pattern).
    fn schema_dependency(
        &self,
        dep: &Map<String, Value>,
        key: &str,
        data: Option<&Value>,
        trail: &mut Trail,
    ) -> Result<Vec<Map<String, Value>>, String> {
        let mut dep = self.deref(dep, trail)?;
        let mut out = vec![];
        if let Some(alts) = dep.remove("oneOf").and_then(|a| a.as_array().cloned()) {
            let value = data.and_then(|d| d.get(key));
            let alts = alts.iter().filter_map(Value::as_object).map(|a| self.deref(a, trail)).collect::<Result<Vec<_>, _>>()?;
            let chosen = alts.into_iter().find(|a| {
                let trigger = a.get("properties").and_then(|p| p.get(key));
                match (trigger, value) {
                    (Some(t), Some(v)) => self.check.is_valid(v, t),
                    _ => false,
                }
            });
            if let Some(mut branch) = chosen {
                if let Some(Value::Object(props)) = branch.get_mut("properties") {
                    props.shift_remove(key);
                }
                out.push(branch);
            }
        }
        out.push(dep);
        Ok(out)
    }

    /// Whether `data` fits an alternative by something that sets it apart (a
    /// `const` or `required` it meets), not just by not contradicting it.
    fn matches_distinctly(&self, data: &Value, alt: &Map<String, Value>) -> bool {
        let props = alt.get("properties").and_then(Value::as_object);
        let has_const = props.is_some_and(|p| p.values().any(|v| v.get("const").is_some() || v.get("enum").is_some()));
        let has_required = alt.get("required").and_then(Value::as_array).is_some_and(|r| !r.is_empty());
        (has_const || has_required) && self.check.is_valid(data, &Value::Object(alt.clone()))
    }
}

/// Deep merge of schema parts: properties merged key by key, `required` united.
fn merge(into: &mut Map<String, Value>, from: &Map<String, Value>) {
    for (k, v) in from {
        match (k.as_str(), into.get_mut(k), v) {
            ("required", Some(Value::Array(a)), Value::Array(b)) => {
                for x in b {
                    if !a.contains(x) {
                        a.push(x.clone());
                    }
                }
            }
            ("properties", Some(Value::Object(a)), Value::Object(b)) => {
                for (pk, pv) in b {
                    match (a.get_mut(pk), pv) {
                        (Some(Value::Object(existing)), Value::Object(add)) => merge(existing, add),
                        _ => {
                            a.insert(pk.clone(), pv.clone());
                        }
                    }
                }
            }
            (_, None, _) => {
                into.insert(k.clone(), v.clone());
            }
            (_, Some(existing), _) => *existing = v.clone(),
        }
    }
}

/// rjsf's `ui:order`: listed keys first in that order, `*` standing for the rest.
pub fn order_keys<'k>(keys: Vec<&'k str>, order: Option<&Value>) -> Vec<&'k str> {
    let Some(order) = order.and_then(Value::as_array) else { return keys };
    let listed: Vec<&str> = order.iter().filter_map(Value::as_str).collect();
    let rest: Vec<&str> = keys.iter().copied().filter(|k| !listed.contains(k)).collect();
    let mut out = vec![];
    let mut placed_rest = false;
    for l in &listed {
        if *l == "*" {
            out.extend(rest.iter().copied());
            placed_rest = true;
        } else if let Some(k) = keys.iter().find(|k| *k == l) {
            out.push(*k);
        }
    }
    if !placed_rest {
        out.extend(rest);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scaffolder::forms::validate::tests::regex_patterns;
    use serde_json::json;

    pub fn fields(schema: &Value, data: &Value) -> Vec<Field> {
        fields_with(schema, data, &Choices::new())
    }

    pub fn fields_with(schema: &Value, data: &Value, choices: &Choices) -> Vec<Field> {
        Resolver::new(schema, choices, &regex_patterns).step_fields(data)
    }

    fn ids(f: &[Field]) -> Vec<String> {
        f.iter().map(Field::id).collect()
    }

    #[test]
    fn types_titles_required_and_order() {
        let s = json!({
            "required": ["name"],
            "ui:order": ["age", "*", "name"],
            "properties": {
                "name": {"type": "string", "title": "Name"},
                "note": {"type": "string", "ui:title": "Your note"},
                "age": {"type": "integer"},
                "ok": {"type": "boolean"},
                "nested": {"type": "object", "properties": {"a": {"type": "number"}}},
                "maybe": {"type": ["null", "string"]}
            }
        });
        let f = fields(&s, &json!({}));
        assert_eq!(ids(&f), ["age", "note", "ok", "nested", "maybe", "name"]);
        assert!(f[5].required && !f[0].required);
        assert_eq!(f[0].kind, Kind::Integer);
        assert_eq!(f[1].title(), "Your note");
        assert_eq!(f[0].title(), "age");
        assert_eq!(f[2].kind, Kind::Boolean);
        assert_eq!(f[4].kind, Kind::String);
        match &f[3].kind {
            Kind::Object(c) => assert_eq!(c[0].id(), "nested.a"),
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn enum_names_and_const_alternatives_become_options() {
        let s = json!({"properties": {
            "lang": {"type": "string", "enum": ["go", "rs"], "enumNames": ["Go", "Rust"]},
            "size": {"type": "string", "oneOf": [{"const": "s", "title": "Small"}, {"const": "l", "title": "Large"}]}
        }});
        let f = fields(&s, &json!({}));
        assert_eq!(f[0].options().unwrap(), vec![(json!("go"), "Go".into()), (json!("rs"), "Rust".into())]);
        assert_eq!(f[1].options().unwrap()[1], (json!("l"), "Large".into()));
        assert_eq!(f[1].kind, Kind::String);
    }

    #[test]
    fn dependencies_oneof_switches_fields_on_and_off() {
        // The fixture's new-service template, step 2.
        let s = json!({
            "properties": {"hasDatabase": {"type": "boolean", "default": false}},
            "dependencies": {"hasDatabase": {"oneOf": [
                {"properties": {"hasDatabase": {"const": false}}},
                {"properties": {"hasDatabase": {"const": true}, "databaseName": {"type": "string"}}, "required": ["databaseName"]}
            ]}}
        });
        assert_eq!(ids(&fields(&s, &json!({}))), ["hasDatabase"]);
        assert_eq!(ids(&fields(&s, &json!({"hasDatabase": false}))), ["hasDatabase"]);
        let on = fields(&s, &json!({"hasDatabase": true}));
        assert_eq!(ids(&on), ["hasDatabase", "databaseName"]);
        assert!(on[1].required);
        // The trigger keeps its own schema, not the branch's const.
        assert_eq!(on[0].schema.get("default"), Some(&json!(false)));
        assert!(on[0].schema.get("const").is_none());
    }

    #[test]
    fn property_dependencies_make_fields_required() {
        let s = json!({"properties": {"card": {"type": "string"}, "billing": {"type": "string"}}, "dependencies": {"card": ["billing"]}});
        assert!(!fields(&s, &json!({}))[1].required);
        assert!(fields(&s, &json!({"card": "x"}))[1].required);
    }

    #[test]
    fn plain_schema_dependency_adds_properties() {
        let s = json!({"properties": {"a": {"type": "string"}}, "dependencies": {"a": {"properties": {"b": {"type": "string"}}}}});
        assert_eq!(ids(&fields(&s, &json!({"a": "x"}))), ["a", "b"]);
        assert_eq!(ids(&fields(&s, &json!({}))), ["a"]);
    }

    #[test]
    fn all_of_if_then_else() {
        let s = json!({
            "properties": {"kind": {"type": "string", "enum": ["web", "batch"]}},
            "allOf": [
                {"if": {"properties": {"kind": {"const": "web"}}, "required": ["kind"]},
                 "then": {"properties": {"port": {"type": "integer", "default": 8080}}, "required": ["port"]},
                 "else": {"properties": {"schedule": {"type": "string"}}}},
                {"properties": {"always": {"type": "string"}}}
            ]
        });
        assert_eq!(ids(&fields(&s, &json!({"kind": "web"}))), ["kind", "port", "always"]);
        assert!(fields(&s, &json!({"kind": "web"}))[1].required);
        assert_eq!(ids(&fields(&s, &json!({"kind": "batch"}))), ["kind", "schedule", "always"]);
        assert_eq!(ids(&fields(&s, &json!({}))), ["kind", "schedule", "always"]);
        // A bare if/then on the object itself.
        let t = json!({"properties": {"x": {"type": "boolean"}}, "if": {"properties": {"x": {"const": true}}}, "then": {"properties": {"y": {"type": "string"}}}});
        assert_eq!(ids(&fields(&t, &json!({"x": true}))), ["x", "y"]);
        assert_eq!(ids(&fields(&t, &json!({"x": false}))), ["x"]);
    }

    #[test]
    fn one_of_objects_are_a_choice() {
        let s = json!({"properties": {"source": {
            "type": "object",
            "oneOf": [
                {"title": "From Git", "properties": {"url": {"type": "string"}}, "required": ["url"]},
                {"title": "Empty", "properties": {"size": {"type": "integer"}}}
            ]
        }}});
        let f = fields(&s, &json!({}));
        let c = f[0].choice.clone().unwrap();
        assert_eq!(c.labels, ["From Git", "Empty"]);
        assert_eq!(c.selected, 0);
        assert_eq!(ids(f[0].children()), ["source.url"]);
        let picked = fields_with(&s, &json!({}), &Choices::from([("source".to_string(), 1)]));
        assert_eq!(ids(picked[0].children()), ["source.size"]);
        // Data that meets the first branch's `required` selects it.
        assert_eq!(fields(&s, &json!({"source": {"url": "x"}}))[0].choice.as_ref().unwrap().selected, 0);
    }

    #[test]
    fn refs_resolve_within_the_schema() {
        let s = json!({
            "definitions": {"name": {"type": "string", "minLength": 2, "title": "Shared"}},
            "properties": {"a": {"$ref": "#/definitions/name"}, "b": {"$ref": "#/definitions/name", "title": "Own title"}, "c": {"$ref": "#/nowhere"}}
        });
        let f = fields(&s, &json!({}));
        assert_eq!(f[0].title(), "Shared");
        assert_eq!(f[0].schema.get("minLength"), Some(&json!(2)));
        assert_eq!(f[1].title(), "Own title");
        assert_eq!(f[2].kind, Kind::String);
    }

    #[test]
    fn arrays_have_one_field_per_item_and_enum_arrays_are_multiselect() {
        let s = json!({"properties": {
            "people": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
            "colors": {"type": "array", "uniqueItems": true, "items": {"type": "string", "enum": ["red", "blue"]}}
        }});
        let f = fields(&s, &json!({"people": [{"name": "a"}, {}]}));
        assert_eq!(f[0].children().len(), 2);
        assert_eq!(ids(f[0].children()[1].children()), ["people.1.name"]);
        assert_eq!(f[0].children()[1].title(), "people 2");
        assert_eq!(f[1].kind, Kind::MultiSelect);
    }

    #[test]
    fn recursive_schemas_unfold_only_as_far_as_the_data() {
        let tree = json!({
            "definitions": {"node": {"type": "object", "title": "Node", "properties": {
                "name": {"type": "string"},
                "child": {"$ref": "#/definitions/node"}
            }}},
            "properties": {"root": {"$ref": "#/definitions/node"}}
        });
        let f = fields(&tree, &json!({}));
        assert_eq!(ids(f[0].children()), ["root.name", "root.child"]);
        assert_eq!(f[0].children()[1].kind, Kind::Unexpanded);
        let deeper = fields(&tree, &json!({"root": {"child": {"child": {}}}}));
        let child = &deeper[0].children()[1];
        assert_eq!(ids(child.children()), ["root.child.name", "root.child.child"]);
        assert_eq!(ids(child.children()[1].children()), ["root.child.child.name", "root.child.child.child"]);
        assert_eq!(child.children()[1].children()[1].kind, Kind::Unexpanded);
        // The JSON-Schema-Test-Suite's root pointer ref.
        let root = json!({"properties": {"foo": {"$ref": "#"}}, "additionalProperties": false});
        assert_eq!(fields(&root, &json!({}))[0].kind, Kind::Unexpanded);
        assert_eq!(ids(fields(&root, &json!({"foo": {}}))[0].children()), ["foo.foo"]);
    }

    #[test]
    fn endless_schemas_say_so_instead_of_hanging() {
        let s = json!({
            "definitions": {"a": {"allOf": [{"$ref": "#/definitions/a"}]}, "b": {"$ref": "#/definitions/c"}, "c": {"$ref": "#/definitions/b"}},
            "properties": {"x": {"$ref": "#/definitions/a"}, "y": {"$ref": "#/definitions/b"}, "z": {"type": "string"}}
        });
        let f = fields(&s, &json!({}));
        assert!(matches!(&f[0].kind, Kind::Unrenderable(m) if m.contains("refers to itself")));
        assert!(matches!(&f[1].kind, Kind::Unrenderable(_)));
        assert_eq!(f[2].kind, Kind::String);
        let whole = json!({"definitions": {"a": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"});
        assert!(matches!(&fields(&whole, &json!({}))[0].kind, Kind::Unrenderable(_)));
    }

    #[test]
    fn ui_keys_are_read_inline_and_from_options() {
        let s = json!({"properties": {"d": {"type": "string", "ui:widget": "textarea", "ui:options": {"rows": 4}, "ui:field": "Secret"}}});
        let f = &fields(&s, &json!({}))[0];
        assert_eq!(f.ui_str("widget"), Some("textarea"));
        assert_eq!(f.ui("rows"), Some(&json!(4)));
        assert!(f.is_secret());
    }
}
