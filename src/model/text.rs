//! Small text helpers shared by the shell and the pages.

/// "Component" from "component": the first letter in ASCII upper case. Kinds and
/// provider ids are ASCII; Unicode's case mapping would bring its tables (~10 KB
/// gzip) into the first load for nothing.
pub fn capitalized(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_ascii_letter_changes() {
        assert_eq!(capitalized("component"), "Component");
        assert_eq!(capitalized("gitHub"), "GitHub");
        assert_eq!(capitalized(""), "");
        assert_eq!(capitalized("élan"), "élan");
    }
}
