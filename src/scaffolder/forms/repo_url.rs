//! `RepoUrlPicker`'s value: `host?owner=…&repo=…` (plus `organization`, `workspace`,
//! `project` for the hosts that use them), as Backstage's publish actions read it.

use crate::model::query::encode_query;
use crate::model::query::parse_query;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepoUrl {
    pub host: String,
    pub owner: String,
    pub repo: String,
    pub organization: String,
}

impl RepoUrl {
    pub fn parse(value: &str) -> RepoUrl {
        let (host, query) = value.split_once('?').unwrap_or((value, ""));
        let mut r = RepoUrl { host: host.to_string(), ..Default::default() };
        for (k, v) in parse_query(query) {
            match k.as_str() {
                "owner" => r.owner = v,
                "repo" => r.repo = v,
                "organization" => r.organization = v,
                _ => {}
            }
        }
        r
    }

    /// The value to store; empty parts are left out, as Backstage does.
    pub fn format(&self) -> String {
        let mut parts = vec![];
        for (k, v) in [("organization", &self.organization), ("owner", &self.owner), ("repo", &self.repo)] {
            if !v.is_empty() {
                parts.push(format!("{k}={}", encode_query(v)));
            }
        }
        if parts.is_empty() {
            self.host.clone()
        } else {
            format!("{}?{}", self.host, parts.join("&"))
        }
    }

    /// What is still missing or not allowed, in words.
    pub fn problem(&self, allowed_owners: &[String], allowed_repos: &[String]) -> Option<String> {
        if self.host.is_empty() {
            return Some("Choose a host.".into());
        }
        if self.owner.is_empty() {
            return Some("Enter the repository's owner.".into());
        }
        if self.repo.is_empty() {
            return Some("Enter the repository's name.".into());
        }
        if !allowed_owners.is_empty() && !allowed_owners.contains(&self.owner) {
            return Some(format!("The owner must be one of: {}.", allowed_owners.join(", ")));
        }
        if !allowed_repos.is_empty() && !allowed_repos.contains(&self.repo) {
            return Some(format!("The repository must be one of: {}.", allowed_repos.join(", ")));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let r = RepoUrl { host: "github.com".into(), owner: "acme".into(), repo: "my svc".into(), organization: String::new() };
        assert_eq!(r.format(), "github.com?owner=acme&repo=my%20svc");
        assert_eq!(RepoUrl::parse(&r.format()), r);
        assert_eq!(RepoUrl::parse("dev.azure.com?organization=o&owner=p&repo=r").organization, "o");
        assert_eq!(RepoUrl { host: "h".into(), ..Default::default() }.format(), "h");
    }

    #[test]
    fn problems_in_words() {
        let mut r = RepoUrl::parse("github.com?owner=acme");
        assert_eq!(r.problem(&[], &[]).unwrap(), "Enter the repository's name.");
        r.repo = "x".into();
        assert_eq!(r.problem(&[], &[]), None);
        assert!(r.problem(&["other".into()], &[]).unwrap().contains("one of: other"));
        assert!(r.problem(&[], &["y".into()]).unwrap().contains("repository must be one of: y"));
        assert_eq!(RepoUrl::default().problem(&[], &[]).unwrap(), "Choose a host.");
    }
}
