//! `RepoBranchPicker` (Backstage's scaffolder): the branch of a repository. Where
//! Backstage cannot list branches (no SCM credentials in the browser), its own
//! picker is a text box; so is this one, with Git's rule for branch names.

use serde_json::Value;

use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension = Extension { name: "RepoBranchPicker", render: None, validate: Some(validate), labels_itself: false };

/// Git's branch name rules (`git check-ref-format --branch`), the ones a person trips on.
pub fn is_branch_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['-', '/'])
        && !s.ends_with(['/', '.'])
        && !s.ends_with(".lock")
        && !s.contains("..")
        && !s.contains("//")
        && !s.contains("@{")
        && !s.chars().any(|c| c.is_control() || " ~^:?*[\\".contains(c))
}

fn validate(_: &Field, v: &Value) -> Option<String> {
    let s = v.as_str()?;
    (!is_branch_name(s)).then(|| "is not a valid branch name (no spaces, no ~ ^ : ? * [ \\, no \"..\").".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_names() {
        for ok in ["main", "feature/login", "release-1.2", "a.b"] {
            assert!(is_branch_name(ok), "{ok}");
        }
        for bad in ["", "-x", "a b", "a..b", "a/", "x.lock", "a~1", "a:b", "a//b", "@{x"] {
            assert!(!is_branch_name(bad), "{bad}");
        }
    }
}
