//! URL query strings, both ways: `a=1&b=x%20y&filters[kind]=api` into decoded
//! pairs, and pairs into an encoded `?…` string.

use crate::model::percent::{decode, encode};

/// Parses a query string into decoded pairs, in order (`+` is a space).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_query(k), decode_query(v))
        })
        .collect()
}

/// The first value of `key` in a query string.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    parse_query(query).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn decode_query(s: &str) -> String {
    decode(&s.replace('+', " "))
}

/// Builds a query string from pairs, percent-encoding each part; `""` for none.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode_query(k), encode_query(v))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Encodes a query-string key or value (`/`, `:` and `,` stay readable).
pub fn encode_query(s: &str) -> String {
    encode(s, b"/:,")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded() {
        assert_eq!(
            parse_query("?filters%5Bkind%5D=api&query=a+b%20c&flag&x=%E2%9C%93"),
            vec![
                ("filters[kind]".to_string(), "api".to_string()),
                ("query".into(), "a b c".into()),
                ("flag".into(), "".into()),
                ("x".into(), "✓".into())
            ]
        );
        assert_eq!(query_value("a=1&query=x&query=y", "query").as_deref(), Some("x"));
        assert_eq!(query_value("", "query"), None);
    }

    #[test]
    fn query_strings_are_encoded() {
        assert_eq!(
            query_string(&[("filter", "kind=component,metadata.annotations.backstage.io/techdocs-ref".into()), ("term", "a b&c".into())]),
            "?filter=kind%3Dcomponent,metadata.annotations.backstage.io/techdocs-ref&term=a%20b%26c"
        );
        assert_eq!(query_string(&[]), "");
    }

    #[test]
    fn built_queries_parse_back() {
        let pairs = [("q", "a b&c=d/e".to_string()), ("filters[kind]", "api".to_string())];
        let parsed = parse_query(&query_string(&pairs));
        assert_eq!(parsed, pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<Vec<_>>());
    }
}
