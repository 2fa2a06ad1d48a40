//! A schema's own keywords: reading them (`type_of`, `enum_options`, `plain`) and
//! checking a value against them (`first_error` for this level, `is_valid` for a
//! condition). Knows nothing of fields or forms, so `schema` (which resolves
//! conditions) and `validate` (which checks fields) both stand on it.
//!
//! JSON Schema patterns are ECMAScript regexes: in the browser the portal asks the
//! browser's own `RegExp`, so no regex engine ships in the wasm. The matcher is
//! passed in (`Patterns`), which keeps this module pure and natively tested.

use serde_json::{Map, Value};

pub fn enum_options(schema: &Map<String, Value>) -> Option<Vec<(Value, String)>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let names = schema.get("enumNames").and_then(Value::as_array);
        return Some(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let label = names.and_then(|n| n.get(i)).and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| plain(v));
                    (v.clone(), label)
                })
                .collect(),
        );
    }
    let alts = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array)?;
    alts.iter()
        .map(|a| {
            let c = a.get("const")?;
            let label = a.get("title").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| plain(c));
            Some((c.clone(), label))
        })
        .collect()
}

/// A scalar as the user reads it (strings without quotes).
pub fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The JSON Schema type, inferred when `type` is absent; the first non-null of a list.
pub fn type_of(s: &Map<String, Value>) -> String {
    match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string").to_string(),
        _ if s.contains_key("properties") => "object".into(),
        _ if s.contains_key("items") => "array".into(),
        _ => match s.get("const").or_else(|| s.get("default")).or_else(|| s.get("enum").and_then(|e| e.get(0))) {
            Some(Value::Bool(_)) => "boolean".into(),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => "integer".into(),
            Some(Value::Number(_)) => "number".into(),
            _ => "string".into(),
        },
    }
}

/// `(pattern, text) -> matches`; an invalid pattern counts as a match (the backend
/// has the last word on it).
pub type Patterns<'a> = &'a dyn Fn(&str, &str) -> bool;

/// Missing, null, an empty string or an empty list count as "not filled in".
pub fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        _ => false,
    }
}

/// The first rule of `schema` (this level only) that `value` breaks, as the end of
/// a sentence starting with the field's title.
pub fn first_error(value: &Value, schema: &Map<String, Value>, patterns: Patterns) -> Option<String> {
    // Only an explicit `type` is checked: rjsf accepts anything when it is absent.
    let ty = if schema.contains_key("type") { type_of(schema) } else { String::new() };
    let type_ok = match ty.as_str() {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => true,
    };
    let nullable = matches!(schema.get("type"), Some(Value::Array(ts)) if ts.iter().any(|t| t == "null"));
    if !(type_ok || nullable && value.is_null()) {
        return Some(match ty.as_str() {
            "number" => "must be a number.".into(),
            "integer" => "must be a whole number.".into(),
            "boolean" => "must be yes or no.".into(),
            "array" => "must be a list.".into(),
            "object" => "must be a group of values.".into(),
            _ => "must be text.".into(),
        });
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            return Some(format!("must be {}.", plain(c)));
        }
    }
    if let Some(opts) = enum_options(schema) {
        if !opts.iter().any(|(v, _)| v == value) {
            let labels: Vec<String> = opts.into_iter().map(|(_, l)| l).collect();
            return Some(format!("must be one of: {}.", labels.join(", ")));
        }
    }
    match value {
        Value::String(s) => string_error(s, schema, patterns),
        Value::Number(_) => number_error(value.as_f64().unwrap_or(0.0), schema),
        Value::Array(items) => array_error(items, schema),
        _ => None,
    }
}

fn num(schema: &Map<String, Value>, key: &str) -> Option<f64> {
    schema.get(key).and_then(Value::as_f64)
}

fn string_error(s: &str, schema: &Map<String, Value>, patterns: Patterns) -> Option<String> {
    let len = s.chars().count() as f64;
    if let Some(min) = num(schema, "minLength") {
        if len < min {
            return Some(format!("must be at least {min} character{} long.", if min == 1.0 { "" } else { "s" }));
        }
    }
    if let Some(max) = num(schema, "maxLength") {
        if len > max {
            return Some(format!("must be at most {max} characters long (it has {len})."));
        }
    }
    if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
        if !patterns(p, s) {
            return Some(format!("does not have the expected form (pattern {p})."));
        }
    }
    match schema.get("format").and_then(Value::as_str) {
        Some("email") if !is_email(s) => Some("must be an email address, like name@example.com.".into()),
        Some("uri" | "url") if !is_uri(s) => Some("must be a full address, like https://example.com/path.".into()),
        Some("date") if !is_date(s) => Some("must be a date, like 2026-01-31.".into()),
        Some("date-time") if !is_date_time(s) => Some("must be a date and time, like 2026-01-31T09:30:00Z.".into()),
        _ => None,
    }
}

fn number_error(n: f64, schema: &Map<String, Value>) -> Option<String> {
    if let Some(min) = num(schema, "minimum") {
        let exclusive = schema.get("exclusiveMinimum") == Some(&Value::Bool(true));
        if n < min || (exclusive && n == min) {
            return Some(if exclusive { format!("must be more than {min}.") } else { format!("must be {min} or more.") });
        }
    }
    if let Some(min) = num(schema, "exclusiveMinimum") {
        if n <= min {
            return Some(format!("must be more than {min}."));
        }
    }
    if let Some(max) = num(schema, "maximum") {
        let exclusive = schema.get("exclusiveMaximum") == Some(&Value::Bool(true));
        if n > max || (exclusive && n == max) {
            return Some(if exclusive { format!("must be less than {max}.") } else { format!("must be {max} or less.") });
        }
    }
    if let Some(max) = num(schema, "exclusiveMaximum") {
        if n >= max {
            return Some(format!("must be less than {max}."));
        }
    }
    if let Some(m) = num(schema, "multipleOf").filter(|m| *m > 0.0) {
        let q = n / m;
        if (q - q.round()).abs() > 1e-9 {
            return Some(format!("must be a multiple of {m}."));
        }
    }
    None
}

fn array_error(items: &[Value], schema: &Map<String, Value>) -> Option<String> {
    let n = items.len() as f64;
    if let Some(min) = num(schema, "minItems") {
        if n < min {
            return Some(format!("needs at least {min} item{}.", if min == 1.0 { "" } else { "s" }));
        }
    }
    if let Some(max) = num(schema, "maxItems") {
        if n > max {
            return Some(format!("can have at most {max} items."));
        }
    }
    if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
        for (i, a) in items.iter().enumerate() {
            if items[..i].contains(a) {
                return Some(format!("has \"{}\" twice; each item must be different.", plain(a)));
            }
        }
    }
    None
}

/// Whether `value` satisfies `schema` as a condition: this level's rules, then
/// `properties` and `required` recursively.
pub fn is_valid(value: &Value, schema: &Value, patterns: Patterns) -> bool {
    let Some(s) = schema.as_object() else { return schema.as_bool().unwrap_or(true) };
    if first_error(value, s, patterns).is_some() {
        return false;
    }
    if let Some(obj) = value.as_object() {
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            if req.iter().filter_map(Value::as_str).any(|k| is_empty(obj.get(k))) {
                return false;
            }
        }
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                if let Some(v) = obj.get(k) {
                    if !is_valid(v, sub, patterns) {
                        return false;
                    }
                }
            }
        }
    }
    true
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.chars().any(char::is_whitespace)
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut c = scheme.chars();
    c.next().is_some_and(|x| x.is_ascii_alphabetic())
        && c.all(|x| x.is_ascii_alphanumeric() || "+-.".contains(x))
        && !rest.is_empty()
        && !s.chars().any(char::is_whitespace)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (s[0..4].parse::<u32>(), s[5..7].parse::<u32>(), s[8..10].parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't', ' ']) else { return false };
    if !is_date(date) || time.len() < 8 {
        return false;
    }
    let t = time.as_bytes();
    let two = |i: usize| time.get(i..i + 2).and_then(|x| x.parse::<u32>().ok());
    let zone = &time[8..];
    let zone = zone.strip_prefix('.').map(|z| z.trim_start_matches(|c: char| c.is_ascii_digit())).unwrap_or(zone);
    let zone_ok = zone.eq_ignore_ascii_case("z")
        || (zone.len() == 6 && (zone.starts_with('+') || zone.starts_with('-')) && zone.as_bytes()[3] == b':');
    t[2] == b':'
        && t[5] == b':'
        && two(0).is_some_and(|h| h < 24)
        && two(3).is_some_and(|m| m < 60)
        && two(6).is_some_and(|s| s < 61)
        && zone_ok
}
