//! Entity references (`kind:namespace/name`) as Backstage writes and compares them.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EntityRef {
    pub kind: String,
    pub namespace: String,
    pub name: String,
}

pub const DEFAULT_NAMESPACE: &str = "default";

impl EntityRef {
    pub fn new(kind: &str, namespace: &str, name: &str) -> Self {
        Self { kind: kind.to_string(), namespace: namespace.to_string(), name: name.to_string() }
    }

    /// Parses `[kind:][namespace/]name`; a missing kind or namespace takes the default
    /// given (Backstage resolves `owner: team-a` as `group:default/team-a`).
    pub fn parse(s: &str, default_kind: Option<&str>, default_namespace: &str) -> Option<Self> {
        let s = s.trim();
        let (kind, rest) = match s.split_once(':') {
            Some((k, r)) => (Some(k), r),
            None => (None, s),
        };
        let (namespace, name) = match rest.split_once('/') {
            Some((ns, n)) => (ns, n),
            None => (default_namespace, rest),
        };
        let kind = kind.or(default_kind)?;
        if kind.is_empty() || namespace.is_empty() || name.is_empty() || name.contains('/') || name.contains(':') {
            return None;
        }
        Some(Self::new(kind, namespace, name))
    }

    /// Lower-cased form used for comparisons and storage keys.
    pub fn canonical(&self) -> String {
        format!("{}:{}/{}", self.kind, self.namespace, self.name).to_ascii_lowercase()
    }

    /// Short form as Backstage shows it: namespace and kind hidden when obvious.
    pub fn humanize(&self, hide_kind: Option<&str>) -> String {
        let kind = match hide_kind {
            Some(k) if k.eq_ignore_ascii_case(&self.kind) => String::new(),
            _ => format!("{}:", self.kind.to_ascii_lowercase()),
        };
        if self.namespace.eq_ignore_ascii_case(DEFAULT_NAMESPACE) {
            format!("{kind}{}", self.name)
        } else {
            format!("{kind}{}/{}", self.namespace, self.name)
        }
    }
}

impl fmt::Display for EntityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}/{}", self.kind.to_ascii_lowercase(), self.namespace, self.name)
    }
}

/// Percent-encodes one URL path segment (entity names are usually safe already).
pub fn encode_segment(s: &str) -> String {
    crate::model::percent::encode(s, b"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_and_short_refs() {
        assert_eq!(
            EntityRef::parse("component:default/checkout-service", None, "default"),
            Some(EntityRef::new("component", "default", "checkout-service"))
        );
        assert_eq!(EntityRef::parse("team-a", Some("group"), "default"), Some(EntityRef::new("group", "default", "team-a")));
        assert_eq!(EntityRef::parse("user:alice", None, "default"), Some(EntityRef::new("user", "default", "alice")));
        assert_eq!(EntityRef::parse("ops/db", Some("resource"), "default"), Some(EntityRef::new("resource", "ops", "db")));
        assert_eq!(EntityRef::parse("team-a", None, "default"), None);
        assert_eq!(EntityRef::parse("group:", None, "default"), None);
        assert_eq!(EntityRef::parse("a:b/c/d", None, "default"), None);
    }

    #[test]
    fn compares_case_insensitively() {
        let a = EntityRef::parse("Component:Default/Foo", None, "default").unwrap();
        let b = EntityRef::parse("component:default/foo", None, "default").unwrap();
        assert_eq!(a.canonical(), b.canonical());
    }

    #[test]
    fn humanizes_like_backstage() {
        let r = EntityRef::new("Group", "default", "team-a");
        assert_eq!(r.humanize(Some("group")), "team-a");
        assert_eq!(r.humanize(None), "group:team-a");
        assert_eq!(EntityRef::new("user", "ops", "bob").humanize(None), "user:ops/bob");
        assert_eq!(r.to_string(), "group:default/team-a");
    }
}
