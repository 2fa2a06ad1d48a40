//! The top of an entity's page when something is wrong with it: the errors the
//! catalog met processing it or the locations it came through (its ancestry),
//! and whether it is an orphan that nothing updates any more.

use leptos::prelude::*;

use crate::api::types::{Ancestry, Entity};
use crate::api::ApiError;
use crate::ui::loaded::Loaded;

/// Each entity on the way to this one (itself included) that failed, with its errors.
pub fn failing(entity: &Entity, ancestry: Option<&Ancestry>) -> Vec<(String, Vec<String>)> {
    let own = entity.entity_ref().canonical();
    let mut out: Vec<(String, Vec<String>)> = vec![];
    let mut add = |e: &Entity| {
        let errors = e.processing_errors();
        let r = e.entity_ref();
        if !errors.is_empty() && !out.iter().any(|(k, _)| *k == r.to_string()) {
            out.push((r.to_string(), errors));
        }
    };
    add(entity);
    for item in ancestry.map(|a| a.items.as_slice()).unwrap_or_default() {
        if item.entity.entity_ref().canonical() != own {
            add(&item.entity);
        }
    }
    out
}

/// The processing errors panel; nothing when all is well.
#[component]
pub fn ProcessingErrors(entity: Entity, ancestry: Loaded<Result<Ancestry, ApiError>>) -> impl IntoView {
    let own = entity.entity_ref().to_string();
    move || {
        let a = ancestry.get().and_then(Result::ok);
        let list = failing(&entity, a.as_ref());
        (!list.is_empty()).then(|| {
            let own = own.clone();
            view! {
                <section class="error-panel processing-errors" role="alert" aria-labelledby="processing-errors-heading">
                    <h2 id="processing-errors-heading" class="error-title">"The catalog could not process this entity"</h2>
                    <p>"What is shown below is from the last time processing worked. Fix the source, then refresh:"</p>
                    {list.into_iter().map(|(r, errors)| {
                        let whose = if r == own { "This entity".to_string() } else { format!("Its location {r}") };
                        view! {
                            <p><strong>{whose}</strong></p>
                            <ul>{errors.into_iter().map(|e| view! { <li class="error-message">{e}</li> }).collect_view()}</ul>
                        }
                    }).collect_view()}
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(json: &str) -> Entity {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn errors_of_the_entity_and_its_locations_are_gathered_once() {
        let me = entity(
            r#"{"kind":"Component","metadata":{"name":"a"},"status":{"items":[{"level":"error","error":{"name":"InputError","message":"Placeholder $text failed"}}]}}"#,
        );
        let location = r#"{"entity":{"kind":"Location","metadata":{"name":"l"},"status":{"items":[{"level":"error","error":{"name":"NotFoundError","message":"no such file"}}]}},"parentEntityRefs":[]}"#;
        let itself = r#"{"entity":{"kind":"Component","metadata":{"name":"a"},"status":{"items":[{"level":"error","error":{"name":"InputError","message":"Placeholder $text failed"}}]}},"parentEntityRefs":["location:default/l"]}"#;
        let ancestry: Ancestry =
            serde_json::from_str(&format!(r#"{{"rootEntityRef":"component:default/a","items":[{itself},{location}]}}"#)).unwrap();
        let f = failing(&me, Some(&ancestry));
        assert_eq!(f.len(), 2);
        assert_eq!(f[0], ("component:default/a".to_string(), vec!["InputError: Placeholder $text failed".to_string()]));
        assert_eq!(f[1].0, "location:default/l");
        let fine = entity(r#"{"kind":"Component","metadata":{"name":"b"}}"#);
        assert!(failing(&fine, None).is_empty());
    }
}
