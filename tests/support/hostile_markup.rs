//! The hostile-markup cases both sanitizers are checked on (the native one in
//! src/docs/page.rs, the browser's in tests/web.rs): the cases and what must
//! never come out of any of them, from tests/fixtures/techdocs/.

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub fn cases() -> impl Iterator<Item = &'static str> {
    lines(include_str!("../fixtures/techdocs/hostile-markup.txt"))
}

/// The first trace of hostility left in sanitized output, if any.
pub fn trace(out: &str) -> Option<&'static str> {
    let lower = out.to_ascii_lowercase();
    lines(include_str!("../fixtures/techdocs/hostile-markup-traces.txt")).find(|t| lower.contains(t))
}
