//! The wizard's draft: what the user typed (never secrets) and where they were,
//! kept in session storage per template so a reload or a detour loses nothing.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::scaffolder::forms::schema::Choices;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub step: usize,
    pub values: Map<String, Value>,
    #[serde(default)]
    pub choices: Choices,
}

/// The storage key: per portal mount point and template.
pub fn draft_key(base: &str, template_ref: &str) -> String {
    format!("stagedoor:draft@{base}:{template_ref}")
}

impl Draft {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft, or `None` when there is none or it is unreadable (a draft
    /// written by another version must not break the wizard).
    pub fn from_json(text: Option<&str>) -> Option<Draft> {
        serde_json::from_str(text?).ok()
    }
}

/// `?formData=<json>`: only an object pre-fills the form; anything else is reported.
pub fn form_data_param(raw: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err("The link's formData is not a set of named values, so the form starts empty.".into()),
        Err(e) => Err(format!("The link's formData is not valid JSON ({e}), so the form starts empty.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn drafts_round_trip_and_bad_ones_are_ignored() {
        let d = Draft {
            step: 1,
            values: json!({"name": "svc", "tags": ["a"]}).as_object().unwrap().clone(),
            choices: Choices::from([("source".into(), 1)]),
        };
        assert_eq!(Draft::from_json(Some(&d.to_json())), Some(d));
        assert_eq!(Draft::from_json(Some("{\"step\":\"x\"}")), None);
        assert_eq!(Draft::from_json(Some("not json")), None);
        assert_eq!(Draft::from_json(None), None);
        assert_eq!(draft_key("/portal/", "template:default/x"), "stagedoor:draft@/portal/:template:default/x");
    }

    #[test]
    fn form_data_links() {
        assert_eq!(form_data_param(r#"{"name":"a"}"#).unwrap()["name"], json!("a"));
        assert!(form_data_param("[1]").unwrap_err().contains("not a set"));
        assert!(form_data_param("{oops").unwrap_err().contains("not valid JSON"));
    }
}
