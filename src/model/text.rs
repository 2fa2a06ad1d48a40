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

/// `s` trimmed, cut to at most `max_chars` characters with "…" after the cut.
pub fn clipped(s: &str, max_chars: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max_chars) {
        None => s.to_string(),
        Some((end, _)) => {
            let mut out = s[..end].to_string();
            out.push('…');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_cuts_at_a_character_not_a_byte() {
        assert_eq!(clipped("  short  ", 10), "short");
        assert_eq!(clipped("abcdef", 6), "abcdef");
        assert_eq!(clipped("abcdefg", 6), "abcdef…");
        // Multi-byte characters count once each, and are never split.
        assert_eq!(clipped("ééééé", 3), "ééé…");
        assert_eq!(clipped("日本語のテキスト", 4), "日本語の…");
    }

    #[test]
    fn only_the_first_ascii_letter_changes() {
        assert_eq!(capitalized("component"), "Component");
        assert_eq!(capitalized("gitHub"), "GitHub");
        assert_eq!(capitalized(""), "");
        assert_eq!(capitalized("élan"), "élan");
    }
}
