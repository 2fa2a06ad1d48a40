//! Where a value sits in the form data: object keys and array indexes, read and
//! written on a `serde_json::Value` tree.

use serde_json::{Map, Value};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub type Path = Vec<Seg>;

/// A stable text id for a path (`repo.owner`, `tags.0`): map keys, DOM ids, messages.
pub fn path_id(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => k.clone(),
            Seg::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub fn get<'a>(data: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(data, |v, seg| match seg {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Index(i) => v.get(*i),
    })
}

/// Sets (or with `None` removes) the value at `path`, creating objects and arrays
/// on the way. Indexes past the end of an array pad it with nulls.
pub fn set(data: &mut Value, path: &[Seg], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        if let Some(v) = value {
            *data = v;
        }
        return;
    };
    let mut node = data;
    for (i, seg) in parents.iter().enumerate() {
        let next_is_index = matches!(path[i + 1], Seg::Index(_));
        node = child_mut(node, seg, next_is_index);
    }
    match (last, value) {
        (Seg::Key(k), Some(v)) => {
            ensure_object(node).insert(k.clone(), v);
        }
        (Seg::Key(k), None) => {
            if let Value::Object(m) = node {
                m.shift_remove(k);
            }
        }
        (Seg::Index(i), Some(v)) => {
            let a = ensure_array(node);
            if a.len() <= *i {
                a.resize(i + 1, Value::Null);
            }
            a[*i] = v;
        }
        (Seg::Index(i), None) => {
            if let Value::Array(a) = node {
                if *i < a.len() {
                    a.remove(*i);
                }
            }
        }
    }
}

fn child_mut<'a>(node: &'a mut Value, seg: &Seg, index_next: bool) -> &'a mut Value {
    let empty = || if index_next { Value::Array(vec![]) } else { Value::Object(Map::new()) };
    let child = match seg {
        Seg::Key(k) => ensure_object(node).entry(k.clone()).or_insert_with(empty),
        Seg::Index(i) => {
            let a = ensure_array(node);
            if a.len() <= *i {
                a.resize(i + 1, Value::Null);
            }
            &mut a[*i]
        }
    };
    if child.is_null() || (index_next && !child.is_array()) || (!index_next && !child.is_object()) {
        *child = empty();
    }
    child
}

fn ensure_object(v: &mut Value) -> &mut Map<String, Value> {
    if !v.is_object() {
        *v = Value::Object(Map::new());
    }
    v.as_object_mut().expect("just made an object")
}

fn ensure_array(v: &mut Value) -> &mut Vec<Value> {
    if !v.is_array() {
        *v = Value::Array(vec![]);
    }
    v.as_array_mut().expect("just made an array")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(s: &[&str]) -> Path {
        s.iter().map(|x| x.parse().map(Seg::Index).unwrap_or_else(|_| Seg::Key(x.to_string()))).collect()
    }

    #[test]
    fn get_and_set_nested_values() {
        let mut d = json!({});
        set(&mut d, &p(&["repo", "owner"]), Some(json!("acme")));
        set(&mut d, &p(&["people", "1", "name"]), Some(json!("Ann")));
        assert_eq!(d, json!({"repo": {"owner": "acme"}, "people": [null, {"name": "Ann"}]}));
        assert_eq!(get(&d, &p(&["people", "1", "name"])), Some(&json!("Ann")));
        assert_eq!(get(&d, &p(&["people", "5"])), None);
        set(&mut d, &p(&["repo", "owner"]), None);
        assert_eq!(d["repo"], json!({}));
        set(&mut d, &p(&["people", "0"]), None);
        assert_eq!(d["people"], json!([{"name": "Ann"}]));
        assert_eq!(path_id(&p(&["people", "0", "name"])), "people.0.name");
    }
}
