//! The form's widgets: one per field kind and `ui:widget`, each bound to a path of
//! the form data; a `ui:field` is rendered by its extension (`extensions/`). They only render; what a field is, whether it is valid and what
//! is submitted are decided by the pure modules beside this one.
//!
//! A widget's value is read through a `Memo` of its path, so a keystroke updates
//! only the inputs whose value changed, and fields are keyed by path and schema, so
//! a condition switching on one field leaves the others (and the focus) in place.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::extensions;
use crate::scaffolder::forms::field::{description, field_key, field_shell, help, required_mark, FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::path::{get, set, Path, Seg};
use crate::scaffolder::forms::schema::{Field, Kind};
use crate::ui::markdown::Markdown;

/// The fields of the current step.
pub fn step_form(ctx: FormCtx) -> impl IntoView {
    view! { <For each=move || ctx.fields.get() key=field_key children=move |f| field_view(f, ctx)/> }
}

fn children_view(path: Path, ctx: FormCtx) -> impl IntoView {
    view! {
        <For
            each=move || ctx.lookup(&path).map(|f| f.children().to_vec()).unwrap_or_default()
            key=field_key
            children=move |f| field_view(f, ctx)
        />
    }
}

pub fn field_view(f: Field, ctx: FormCtx) -> AnyView {
    if f.is_hidden() {
        return ().into_any();
    }
    let ids = Ids::of(&f);
    let extension = f.extension().map(|name| (name, extensions::find(name)));
    let input = match extension {
        Some((_, Some(ext))) => match ext.render {
            Some(render) => render(&f, ctx, &ids),
            None => plain_widget(&f, ctx, &ids),
        },
        None => plain_widget(&f, ctx, &ids),
        Some((unknown, None)) => {
            let notice = format!("This form asks for a field type this portal does not know ({unknown}); enter the value as plain text.");
            view! { <p class="field-notice" role="note">{notice}</p> {plain_widget(&f, ctx, &ids)} }.into_any()
        }
    };
    // Groups (fieldsets with a legend) and checkboxes label themselves; so does an
    // extension that says so. Anything else gets the shell (label, help, error).
    let own_label = match extension {
        None => match &f.kind {
            Kind::Object(_) | Kind::Array(_) | Kind::MultiSelect | Kind::Unexpanded | Kind::Unrenderable(_) => true,
            Kind::Boolean => f.ui_str("widget") != Some("select"),
            _ => f.ui_str("widget") == Some("radio") && f.options().is_some(),
        },
        Some((_, Some(ext))) => ext.labels_itself,
        Some((_, None)) => false,
    };
    if own_label {
        input
    } else {
        field_shell(&f, ctx, &ids, input)
    }
}

/// Text-like inputs, selects, radios, checkboxes and lists by kind and `ui:widget`.
fn plain_widget(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    match &f.kind {
        Kind::Object(_) => object_view(f, ctx),
        Kind::Array(_) => array_view(f, ctx),
        Kind::MultiSelect => multi_select(f, ctx, ids),
        Kind::Boolean => boolean_input(f, ctx, ids),
        Kind::Null => ().into_any(),
        Kind::Unexpanded => unexpanded_view(f, ctx),
        Kind::Unrenderable(problem) => view! { <p class="field-notice" role="alert">{problem.clone()}</p> }.into_any(),
        _ if f.options().is_some() => {
            if f.ui_str("widget") == Some("radio") {
                radio_group(f, ctx, ids)
            } else {
                select_input(f, ctx, ids)
            }
        }
        Kind::Number | Kind::Integer if f.ui_str("widget") == Some("range") => range_input(f, ctx, ids),
        Kind::Number | Kind::Integer => text_input(f, ctx, ids, "text"),
        _ => match (f.ui_str("widget"), f.schema.get("format").and_then(Value::as_str)) {
            (Some("textarea"), _) => textarea(f, ctx, ids),
            (Some("password"), _) => text_input(f, ctx, ids, "password"),
            (Some("color"), _) => text_input(f, ctx, ids, "color"),
            (Some("date"), _) | (_, Some("date")) => text_input(f, ctx, ids, "date"),
            (_, Some("email")) => text_input(f, ctx, ids, "email"),
            (_, Some("uri" | "url")) => text_input(f, ctx, ids, "url"),
            _ => text_input(f, ctx, ids, "text"),
        },
    }
}

/// The number typed, or the text as typed when it is not one (so nothing the user
/// typed is rewritten under the cursor, and validation can say what is wrong).
pub fn parse_number(text: &str, integer: bool) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let n = if integer {
        t.parse::<i64>().ok().map(Value::from)
    } else {
        t.parse::<f64>().ok().and_then(|n| serde_json::Number::from_f64(n).map(Value::Number))
    };
    match n {
        Some(v) if plain(&v) == t => Some(v),
        _ => Some(Value::String(text.to_string())),
    }
}

/// What every text box of a field carries: ids, label links, state, the value
/// and the "left the field" signal. Spread onto `<input>` and `<textarea>`.
fn text_box_attrs(f: &Field, ctx: FormCtx, ids: &Ids) -> impl leptos::tachys::html::attribute::Attribute {
    let value = ctx.value(&f.path);
    let id = f.id();
    let err = ctx.error(f.id());
    view! {
        <{..}
            id=ids.input.clone()
            name=f.id()
            placeholder=f.ui_str("placeholder").map(str::to_string)
            readonly=f.ui_bool("readonly")
            disabled=f.ui_bool("disabled")
            data-autofocus=f.ui_bool("autofocus").then_some("")
            aria-required=f.required.then_some("true")
            aria-invalid=move || err.get().map(|_| "true")
            aria-describedby=ids.described_by(f)
            prop:value=move || value.get().map(|v| plain(&v)).unwrap_or_default()
            on:blur=move |_| ctx.touch(&id)
        />
    }
}

fn text_input(f: &Field, ctx: FormCtx, ids: &Ids, input_type: &'static str) -> AnyView {
    let path = f.path.clone();
    let numeric = matches!(f.kind, Kind::Number | Kind::Integer);
    let integer = f.kind == Kind::Integer;
    view! {
        <input
            {..text_box_attrs(f, ctx, ids)}
            type=input_type
            inputmode=numeric.then_some(if integer { "numeric" } else { "decimal" })
            on:input=move |ev| {
                let text = event_target_value(&ev);
                let v = if numeric { parse_number(&text, integer) } else if text.is_empty() { None } else { Some(Value::String(text)) };
                ctx.set_value(&path, v);
            }
        />
    }
    .into_any()
}

/// `ui:widget: range` (rjsf's): a slider from `minimum` to `maximum` (0 to 100
/// when absent) in steps of `multipleOf`, its value shown beside it.
fn range_input(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = f.path.clone();
    let integer = f.kind == Kind::Integer;
    let bound = |key: &str, default: &str| f.schema.get(key).and_then(Value::as_f64).map_or(default.to_string(), |n| n.to_string());
    let step = bound("multipleOf", if integer { "1" } else { "any" });
    let value = ctx.value(&path);
    view! {
        <span class="range-field">
            <input
                {..text_box_attrs(f, ctx, ids)}
                type="range"
                min=bound("minimum", "0")
                max=bound("maximum", "100")
                step=step
                on:input=move |ev| ctx.set_value(&path, parse_number(&event_target_value(&ev), integer))
            />
            <output for=ids.input.clone()>{move || value.get().map(|v| plain(&v)).unwrap_or_default()}</output>
        </span>
    }
    .into_any()
}

fn textarea(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = f.path.clone();
    let rows = f.ui("rows").and_then(Value::as_u64).unwrap_or(4).to_string();
    view! {
        <textarea
            {..text_box_attrs(f, ctx, ids)}
            rows=rows
            on:input=move |ev| {
                let text = event_target_value(&ev);
                ctx.set_value(&path, (!text.is_empty()).then_some(Value::String(text)));
            }
        ></textarea>
    }
    .into_any()
}

fn select_input(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let options = f.options().unwrap_or_default();
    let path = f.path.clone();
    let value = ctx.value(&path);
    let id = f.id();
    let err = ctx.error(f.id());
    let opts = options.clone();
    let selected = move || value.get().and_then(|v| opts.iter().position(|(o, _)| *o == v)).map(|i| i.to_string()).unwrap_or_default();
    view! {
        <select
            id=ids.input.clone()
            name=f.id()
            disabled=f.ui_bool("disabled") || f.ui_bool("readonly")
            data-autofocus=f.ui_bool("autofocus").then_some("")
            aria-required=f.required.then_some("true")
            aria-invalid=move || err.get().map(|_| "true")
            aria-describedby=ids.described_by(f)
            prop:value=selected
            on:change=move |ev| {
                let v = event_target_value(&ev).parse::<usize>().ok().and_then(|i| options.get(i)).map(|(v, _)| v.clone());
                ctx.set_value(&path, v);
                ctx.touch(&id);
            }
        >
            <option value="">"Choose…"</option>
            {f.options().unwrap_or_default().into_iter().enumerate().map(|(i, (_, label))| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
        </select>
    }
    .into_any()
}

fn radio_group(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let value = ctx.value(&f.path);
    let inline = f.ui_bool("inline");
    let err = ctx.error(f.id());
    view! {
        <fieldset class="form-field radio-field" class:has-error=move || err.get().is_some() aria-describedby=ids.described_by(f)>
            <legend>{f.title()}{required_mark(f.required)}</legend>
            {description(f, ids)}
            <div class="radio-group" class:inline=inline id=ids.input.clone()>
                {f.options().unwrap_or_default().into_iter().enumerate().map(|(i, (v, label))| {
                    let input_id = format!("{}-{i}", ids.input);
                    let (path, id) = (f.path.clone(), f.id());
                    let v2 = v.clone();
                    view! {
                        <span class="check">
                            <input type="radio" id=input_id.clone() name=f.id() disabled=f.ui_bool("disabled") || f.ui_bool("readonly")
                                data-autofocus=(i == 0 && f.ui_bool("autofocus")).then_some("")
                                prop:checked=move || value.get().as_ref() == Some(&v2)
                                on:change=move |_| { ctx.set_value(&path, Some(v.clone())); ctx.touch(&id); }/>
                            <label for=input_id>{label}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
            {help(f)}
            <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
        </fieldset>
    }
    .into_any()
}

fn boolean_input(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = f.path.clone();
    let value = ctx.value(&path);
    match f.ui_str("widget") {
        Some("radio" | "select") => {
            // Yes/No as a choice: same widgets as an enum of two.
            let mut choice = f.clone();
            choice.schema.insert("enum".into(), serde_json::json!([true, false]));
            choice.schema.insert("enumNames".into(), serde_json::json!(["Yes", "No"]));
            choice.kind = Kind::String;
            if f.ui_str("widget") == Some("radio") {
                radio_group(&choice, ctx, ids)
            } else {
                select_input(&choice, ctx, ids)
            }
        }
        _ => {
            let id = f.id();
            let err = ctx.error(f.id());
            view! {
                <div class="form-field check-field" class:has-error=move || err.get().is_some()>
                    <span class="check">
                        <input type="checkbox" id=ids.input.clone() name=f.id()
                            disabled=f.ui_bool("disabled") || f.ui_bool("readonly")
                            data-autofocus=f.ui_bool("autofocus").then_some("")
                            aria-describedby=ids.described_by(f)
                            prop:checked=move || value.get() == Some(Value::Bool(true))
                            on:change=move |ev| { ctx.set_value(&path, Some(Value::Bool(event_target_checked(&ev)))); ctx.touch(&id); }/>
                        <label for=ids.input.clone()>{f.title()}{required_mark(f.required)}</label>
                    </span>
                    {description(f, ids)}
                    {help(f)}
                    <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
                </div>
            }
            .into_any()
        }
    }
}

/// An array of values from a fixed list, as checkboxes.
fn multi_select(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let items = f.schema.get("items").and_then(Value::as_object).cloned().unwrap_or_default();
    let options = crate::scaffolder::forms::keywords::enum_options(&items).unwrap_or_default();
    let value = ctx.value(&f.path);
    let err = ctx.error(f.id());
    view! {
        <fieldset class="form-field checkbox-group" class:has-error=move || err.get().is_some() aria-describedby=ids.described_by(f)>
            <legend>{f.title()}{required_mark(f.required)}</legend>
            {description(f, ids)}
            {options.into_iter().enumerate().map(|(i, (v, label))| {
                let input_id = format!("{}-{i}", ids.input);
                let (path, id) = (f.path.clone(), f.id());
                let v2 = v.clone();
                view! {
                    <span class="check">
                        <input type="checkbox" id=input_id.clone()
                            prop:checked=move || value.get().and_then(|a| a.as_array().map(|a| a.contains(&v2))).unwrap_or(false)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut list = value.get_untracked().and_then(|a| a.as_array().cloned()).unwrap_or_default();
                                list.retain(|x| *x != v);
                                if on { list.push(v.clone()); }
                                ctx.set_value(&path, (!list.is_empty()).then_some(Value::Array(list)));
                                ctx.touch(&id);
                            }/>
                        <label for=input_id>{label}</label>
                    </span>
                }
            }).collect_view()}
            <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// An optional part of a recursive schema (a tree's next level): added on
/// request, so the form is only as deep as what the user builds.
fn unexpanded_view(f: &Field, ctx: FormCtx) -> AnyView {
    let path = f.path.clone();
    let id = f.id();
    let title = f.title();
    view! {
        <div class="form-field">
            <button type="button" class="button small"
                on:click=move |_| { ctx.set_value(&path, Some(Value::Object(Default::default()))); ctx.touch(&id); }>
                "Add " {title}
            </button>
            {f.description().map(|d| view! { <Markdown text=d class="field-description"/> })}
        </div>
    }
    .into_any()
}

fn object_view(f: &Field, ctx: FormCtx) -> AnyView {
    let choice = f.choice.clone().map(|c| {
        let key = f.id();
        let select_id = format!("{}-choice", Ids::of(f).input);
        view! {
            <div class="form-field">
                <label for=select_id.clone()>"Which kind"</label>
                <select id=select_id prop:value=c.selected.to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            ctx.choices.update(|c| { c.insert(key.clone(), i); });
                        }
                    }>
                    {c.labels.into_iter().enumerate().map(|(i, l)| view! { <option value=i.to_string()>{l}</option> }).collect_view()}
                </select>
            </div>
        }
    });
    // A field of a list item has no title of its own worth a legend.
    let is_item = matches!(f.path.last(), Some(Seg::Index(_)));
    let legend = (!is_item || f.schema.contains_key("title")).then(|| view! { <legend>{f.title()}{required_mark(f.required)}</legend> });
    view! {
        <fieldset class="object-field">
            {legend}
            {f.description().map(|d| view! { <Markdown text=d class="field-description"/> })}
            {choice}
            {children_view(f.path.clone(), ctx)}
        </fieldset>
    }
    .into_any()
}

/// A value for a new list item: the item default, or an empty one of its type.
fn new_item(f: &Field) -> Value {
    let items = f.schema.get("items").and_then(Value::as_object);
    if let Some(d) = items.and_then(|i| i.get("default")) {
        return d.clone();
    }
    match items.map(crate::scaffolder::forms::keywords::type_of).as_deref() {
        Some("object") => Value::Object(Default::default()),
        Some("string") | None => Value::String(String::new()),
        _ => Value::Null,
    }
}

fn array_view(f: &Field, ctx: FormCtx) -> AnyView {
    let path = f.path.clone();
    let value = ctx.value(&path);
    let len = Memo::new(move |_| value.with(|v| v.as_ref().and_then(Value::as_array).map(Vec::len).unwrap_or(0)));
    let max = f.schema.get("maxItems").and_then(Value::as_u64).map(|m| m as usize);
    let fresh = new_item(f);
    let err = ctx.error(f.id());
    let ids = Ids::of(f);
    let title = f.title();
    let add = {
        let path = path.clone();
        move |_| {
            let n = len.get_untracked();
            let mut p = path.clone();
            p.push(Seg::Index(n));
            ctx.set_value(&p, Some(fresh.clone()));
        }
    };
    let item_path = path.clone();
    view! {
        <fieldset class="form-field array-field" class:has-error=move || err.get().is_some() aria-describedby=ids.error.clone()>
            <legend>{f.title()}{required_mark(f.required)}</legend>
            {f.description().map(|d| view! { <Markdown text=d class="field-description"/> })}
            <ol class="array-items">
                <For
                    each=move || ctx.lookup(&item_path).map(|f| f.children().to_vec()).unwrap_or_default()
                    key=field_key
                    children=move |item| {
                        let Some(Seg::Index(i)) = item.path.last().cloned() else { return ().into_any() };
                        let list_path = item.path[..item.path.len() - 1].to_vec();
                        let move_item = move |to: usize| {
                            let list_path = list_path.clone();
                            move |_| {
                                let mut v = ctx.data.get_untracked();
                                if let Some(Value::Array(mut a)) = get(&v, &list_path).cloned() {
                                    if to < a.len() && i < a.len() {
                                        a.swap(i, to);
                                        set(&mut v, &list_path, Some(Value::Array(a)));
                                        ctx.data.set(v);
                                    }
                                }
                            }
                        };
                        let remove_path = item.path.clone();
                        let label = item.title();
                        view! {
                            <li class="array-item">
                                {field_view(item, ctx)}
                                <div class="array-item-actions">
                                    <button type="button" class="button small" disabled=i == 0 aria-label=format!("Move {label} up") on:click=move_item(i.saturating_sub(1))>"↑"</button>
                                    <button type="button" class="button small" disabled=move || i + 1 >= len.get() aria-label=format!("Move {label} down") on:click=move_item(i + 1)>"↓"</button>
                                    <button type="button" class="button small" aria-label=format!("Remove {label}") on:click=move |_| ctx.set_value(&remove_path, None)>"Remove"</button>
                                </div>
                            </li>
                        }
                        .into_any()
                    }
                />
            </ol>
            <button type="button" class="button" disabled=move || max.is_some_and(|m| len.get() >= m) on:click=add>{format!("Add to {title}")}</button>
            <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
        </fieldset>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_stored_as_numbers_only_when_typed_as_such() {
        assert_eq!(parse_number("42", true), Some(json!(42)));
        assert_eq!(parse_number("1.5", false), Some(json!(1.5)));
        assert_eq!(parse_number("", false), None);
        // Half-typed or not a number: kept as typed, validation explains.
        assert_eq!(parse_number("1.", false), Some(json!("1.")));
        assert_eq!(parse_number("abc", true), Some(json!("abc")));
        assert_eq!(parse_number("1.5", true), Some(json!("1.5")));
    }
}
