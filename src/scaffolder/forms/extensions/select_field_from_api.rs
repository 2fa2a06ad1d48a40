//! `SelectFieldFromApi` (Roadie's widely used field): a select whose options come
//! from a backend path, usually an intranet service behind the backend's proxy
//! (`path: proxy/…`). `ui:options`: `path`, `params`, `arraySelector`,
//! `valueSelector`, `labelSelector`, `placeholder`. Only paths under the
//! backend's `/api/` are fetched, with the user's token, like any backend call.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::Backend;
use crate::model::query::query_string;
use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::schema::Field;
use crate::ui::loaded::Loaded;

pub const EXTENSION: Extension = Extension::renders("SelectFieldFromApi", render);

/// The value at a dot path (`facets.kind`, `data.0.id`); the whole value for "".
fn select<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').filter(|s| !s.is_empty()).try_fold(v, |v, seg| match v {
        Value::Array(a) => a.get(seg.parse::<usize>().ok()?),
        _ => v.get(seg),
    })
}

/// The backend path of the options, with its `params`; `Err` in words when the
/// template names something that is not a backend path.
pub fn options_path(path: &str, params: Option<&Value>) -> Result<String, String> {
    let path = path.trim().trim_start_matches('/');
    if path.is_empty() || path.contains("://") || path.starts_with('/') || path.split('/').any(|s| s == "..") {
        return Err(format!("The template asks for options from \"{path}\", which is not a path of the backend's API."));
    }
    let pairs: Vec<(&str, String)> =
        params.and_then(Value::as_object).map(|m| m.iter().map(|(k, v)| (k.as_str(), plain(v))).collect()).unwrap_or_default();
    // `query_string` starts with its `?` when there are pairs.
    let query = query_string(&pairs);
    Ok(format!("{path}{query}"))
}

/// (value, label) of each option in the backend's answer.
pub fn options_from(answer: &Value, array: &str, value: &str, label: &str) -> Result<Vec<(Value, String)>, String> {
    let items = select(answer, array)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("The answer has no list at \"{}\".", if array.is_empty() { "the top" } else { array }))?;
    Ok(items
        .iter()
        .filter_map(|item| {
            let v = select(item, value)?.clone();
            let l = if label.is_empty() { plain(&v) } else { select(item, label).map(plain).unwrap_or_else(|| plain(&v)) };
            Some((v, l))
        })
        .collect())
}

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let backend = expect_context::<Backend>();
    let path = options_path(f.ui_str("path").unwrap_or_default(), f.ui("params"));
    let (array, value_at, label_at) = (
        f.ui_str("arraySelector").unwrap_or_default().to_string(),
        f.ui_str("valueSelector").unwrap_or_default().to_string(),
        f.ui_str("labelSelector").unwrap_or_default().to_string(),
    );
    let options = Loaded::new(move || {
        let (backend, path, array, value_at, label_at) = (backend.clone(), path.clone(), array.clone(), value_at.clone(), label_at.clone());
        async move {
            let url = backend.base().to_string() + "/api/" + &path?;
            let answer: Value = backend.get_json(&url).await.map_err(|e| e.user_message())?;
            options_from(&answer, &array, &value_at, &label_at)
        }
    });
    let field_path = f.path.clone();
    let value = ctx.value(&field_path);
    let id = f.id();
    let input_id = ids.input.clone();
    let described = ids.described_by(f);
    let required = f.required;
    let placeholder = f.ui_str("placeholder").unwrap_or("Choose…").to_string();
    (move || match options.get() {
        None => view! { <p class="muted" id=input_id.clone()>"Loading the choices…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <p class="field-error" id=input_id.clone()>{format!("Could not load the choices: {e}")}</p>
            <button type="button" class="button small" on:click=move |_| options.refetch()>"Try again"</button>
        }
        .into_any(),
        Some(Ok(opts)) => {
            let (path, id, chosen) = (field_path.clone(), id.clone(), opts.clone());
            let selected =
                move || value.get().and_then(|v| chosen.iter().position(|(o, _)| *o == v)).map(|i| i.to_string()).unwrap_or_default();
            let labels: Vec<String> = opts.iter().map(|(_, l)| l.clone()).collect();
            view! {
                <select id=input_id.clone() aria-describedby=described.clone() aria-required=required.then_some("true")
                    prop:value=selected
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok().and_then(|i| opts.get(i)).map(|(v, _)| v.clone());
                        ctx.set_value(&path, v);
                        ctx.touch(&id);
                    }>
                    <option value="">{placeholder.clone()}</option>
                    {labels.into_iter().enumerate().map(|(i, l)| view! { <option value=i.to_string()>{l}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn options_follow_the_selectors() {
        let answer = json!({"data": {"teams": [{"id": "web", "name": "Web"}, {"id": "pay"}, {"name": "no id"}]}});
        assert_eq!(
            options_from(&answer, "data.teams", "id", "name").unwrap(),
            vec![(json!("web"), "Web".to_string()), (json!("pay"), "pay".to_string())]
        );
        assert_eq!(options_from(&json!(["a", "b"]), "", "", "").unwrap(), vec![(json!("a"), "a".into()), (json!("b"), "b".into())]);
        assert_eq!(
            options_from(&json!({"facets": {"kind": [{"value": "API", "count": 3}]}}), "facets.kind", "value", "").unwrap()[0].1,
            "API"
        );
        assert!(options_from(&json!({"x": 1}), "data", "", "").unwrap_err().contains("\"data\""));
    }

    #[test]
    fn only_backend_paths_are_fetched() {
        assert_eq!(options_path("proxy/fixture-api/teams", None).unwrap(), "proxy/fixture-api/teams");
        assert_eq!(options_path("/catalog/entity-facets", Some(&json!({"facet": "kind"}))).unwrap(), "catalog/entity-facets?facet=kind");
        assert!(options_path("https://evil.example/x", None).is_err());
        // A network-path reference stays a path under the backend's /api/.
        assert_eq!(options_path("//evil.example/x", None).unwrap(), "evil.example/x");
        assert!(options_path("proxy/../../x", None).is_err());
        assert!(options_path("", None).is_err());
    }
}
