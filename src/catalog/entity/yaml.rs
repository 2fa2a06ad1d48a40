//! JSON → YAML text for the "inspect entity" view (entities are JSON on the wire;
//! people wrote them as YAML). Strings are quoted whenever plain style could be
//! misread, so the output reads back as the same data.

use serde_json::Value;

pub fn to_yaml(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, 0, &mut out, false);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn indent(n: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(o) if o.is_empty() => "{}".into(),
        _ => unreachable!("not a scalar"),
    }
}

fn is_scalar(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => true,
    }
}

fn string(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && s.trim() == s
        && !s.contains(|c: char| c.is_control() || ":#{}[],&*!|>'\"%@`".contains(c))
        && !s.starts_with(['-', '?', '~'])
        && !matches!(s.to_ascii_lowercase().as_str(), "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~")
        && s.parse::<f64>().is_err();
    if plain_ok {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn key(k: &str) -> String {
    string(k)
}

fn write_value(v: &Value, level: usize, out: &mut String, in_list: bool) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (i, (k, val)) in map.iter().enumerate() {
                if !(in_list && i == 0) {
                    indent(level, out);
                }
                out.push_str(&key(k));
                out.push(':');
                if is_scalar(val) {
                    out.push(' ');
                    out.push_str(&scalar(val));
                    out.push('\n');
                } else if let Value::String(s) = val {
                    out.push(' ');
                    out.push_str(&string(s));
                    out.push('\n');
                } else {
                    out.push('\n');
                    let child = if val.is_array() { level } else { level + 2 };
                    write_value(val, child, out, false);
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                indent(level, out);
                out.push_str("- ");
                if is_scalar(item) {
                    out.push_str(&scalar(item));
                    out.push('\n');
                } else {
                    write_value(item, level + 2, out, true);
                }
            }
        }
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entity_shape() {
        let v = json!({
            "apiVersion": "backstage.io/v1alpha1",
            "kind": "Component",
            "metadata": {"name": "x", "tags": ["java", "go"], "annotations": {"a/b": "url:https://x/y"}, "links": [{"url": "https://a", "title": "A"}], "empty": []},
            "spec": {"type": "service", "n": 3, "flag": true, "ver": "1.0", "yes": "yes", "text": "line one\nline two"}
        });
        let y = to_yaml(&v);
        assert_eq!(
            y,
            "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  tags:\n  - java\n  - go\n  annotations:\n    a/b: \"url:https://x/y\"\n  links:\n  - url: \"https://a\"\n    title: A\n  empty: []\nspec:\n  type: service\n  n: 3\n  flag: true\n  ver: \"1.0\"\n  \"yes\": \"yes\"\n  text: \"line one\\nline two\"\n"
        );
    }

    #[test]
    fn hostile_strings_are_quoted() {
        assert_eq!(to_yaml(&json!({"t": "<script>alert('x')</script>"})), "t: \"<script>alert('x')</script>\"\n");
        assert_eq!(to_yaml(&json!({"t": "- not a list"})), "t: \"- not a list\"\n");
        assert_eq!(to_yaml(&json!("plain")), "plain\n");
    }
}
