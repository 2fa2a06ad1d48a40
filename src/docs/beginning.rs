//! A long page's beginning, which the reader parses and shows first
//! (`in_browser`): the text up to a little past the article's start, less what
//! the first frame does not need. mkdocs-material writes the page's table of
//! contents twice, in the sidebar and again nested in the site navigation (for
//! small screens); the nested copy goes, and so do the sidebar's entries after
//! its first screens, which the reader takes from the whole page once the
//! beginning is on screen. On a page of 2,500 sections that is 85 % of the text
//! before the article. Only whole elements are cut, found by their tags; the
//! text stays as it is where they are not where mkdocs-material puts them.

use std::borrow::Cow;
use std::ops::Range;

use crate::docs::page::{NAV_NESTED_TOC, NAV_PRIMARY};

/// Pages this long (the 3 MB mkdocs writes around a 1 MB document) show their
/// beginning first…
const PREVIEW_FROM: usize = 512 * 1024;
/// …the text up to this far past the article's start: several screens, parsed
/// in a few milliseconds.
const PREVIEW_BYTES: usize = 128 * 1024;

/// Where the sidebar's table of contents is.
const TOC_SIDEBAR: &str = "md-sidebar--secondary";

/// What the reader parses first of a long page.
#[derive(Debug, PartialEq)]
pub struct Beginning<'a> {
    pub text: Cow<'a, str>,
    /// The table of contents holds its first entries only.
    pub toc_cut: bool,
}

/// The beginning of `html`, with the first `toc_entries` entries of its table
/// of contents (at its top level, each with what it holds); `None` for a page
/// read whole at once.
pub fn beginning(html: &str, toc_entries: usize) -> Option<Beginning<'_>> {
    let end = preview_end(html)?;
    let text = &html[..end];
    let tail = toc_tail(text, toc_entries);
    let toc_cut = tail.is_some();
    // The nested copy comes before the sidebar: the cuts are in order.
    let cuts: Vec<Range<usize>> = [nested_toc(text), tail].into_iter().flatten().collect();
    if cuts.is_empty() {
        return Some(Beginning { text: Cow::Borrowed(text), toc_cut });
    }
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for cut in cuts {
        kept.push_str(&text[from..cut.start]);
        from = cut.end;
    }
    kept.push_str(&text[from..]);
    Some(Beginning { text: Cow::Owned(kept), toc_cut })
}

/// Where a long page's beginning ends. The article's start found in the text
/// is a hint only: the reader checks what the beginning holds.
fn preview_end(html: &str) -> Option<usize> {
    if html.len() < PREVIEW_FROM {
        return None;
    }
    let mut end = html.find("<article")? + PREVIEW_BYTES;
    // Most of the page: reading it whole costs about the same.
    if end > html.len() / 4 * 3 {
        return None;
    }
    while !html.is_char_boundary(end) {
        end += 1;
    }
    Some(end)
}

/// The copy of the table of contents nested in the site navigation: one whole
/// `<nav>` inside it, when the sidebar's own copy follows (without a sidebar
/// copy, the nested one is the table of contents).
fn nested_toc(text: &str) -> Option<Range<usize>> {
    let primary = text.find(NAV_PRIMARY)?;
    let class = primary + text[primary..].find(NAV_NESTED_TOC)?;
    let start = text[..class].rfind("<nav")?;
    // The class must be in that very tag.
    if start < primary || text[start..class].contains('>') {
        return None;
    }
    let mut depth = 0;
    let mut tags = Tags { text, at: start, names: &["nav"] };
    let end = loop {
        let (at, closing, _) = tags.next()?;
        depth += if closing { -1 } else { 1 };
        if depth == 0 {
            break at + text[at..].find('>')? + 1;
        }
    };
    let sidebar = end + text[end..].find(TOC_SIDEBAR)?;
    text[sidebar..].find(NAV_NESTED_TOC)?;
    Some(start..end)
}

/// The sidebar's table of contents after its first `keep` entries: from the
/// next entry of its top list to that list's end, all before the article.
fn toc_tail(text: &str, keep: usize) -> Option<Range<usize>> {
    let sidebar = text.find(TOC_SIDEBAR)?;
    let nav = sidebar + text[sidebar..].find(NAV_NESTED_TOC)?;
    let list = nav + text[nav..].find("<ul")?;
    let article = text.find("<article")?;
    let (mut depth, mut entries, mut cut) = (0, 0, None);
    for (at, closing, name) in (Tags { text, at: list, names: &["ul", "li"] }) {
        if at > article {
            return None;
        }
        match (name, closing) {
            ("ul", false) => depth += 1,
            ("ul", true) if depth == 1 => return cut.map(|start| start..at),
            ("ul", true) => depth -= 1,
            ("li", false) if depth == 1 => {
                entries += 1;
                if entries == keep + 1 {
                    cut = Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// The tags named `names` from `at` on, in order: where each starts, whether it
/// closes, and its name. Text and attribute values are escaped in mkdocs'
/// output, so a `<` there always starts a tag or a comment.
struct Tags<'a> {
    text: &'a str,
    at: usize,
    names: &'a [&'a str],
}

impl<'a> Iterator for Tags<'a> {
    type Item = (usize, bool, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let at = self.at + self.text[self.at..].find('<')?;
            self.at = at + 1;
            let rest = &self.text[at + 1..];
            let (closing, rest) = match rest.strip_prefix('/') {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let name = self.names.iter().find(|n| {
                rest.len() > n.len()
                    && rest[..n.len()].eq_ignore_ascii_case(n)
                    && matches!(rest.as_bytes()[n.len()], b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r')
            });
            if let Some(name) = name {
                return Some((at, closing, name));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::page::{self, nav_html_first_entries};

    fn long(head: &str) -> String {
        format!("{head}<article class=\"md-content__inner\"><h1>T</h1>{}</article>", "<p>y</p>".repeat(300 * 1024))
    }

    #[test]
    fn a_long_page_is_previewed_from_a_little_past_its_article() {
        let nav = "<nav>".to_string() + &"x".repeat(600 * 1024);
        let page = format!("{nav}<article class=\"md-content__inner\">{}</article>", "y".repeat(2 * 1024 * 1024));
        assert_eq!(preview_end(&page), Some(nav.len() + PREVIEW_BYTES));
    }

    #[test]
    fn short_pages_and_pages_without_an_article_are_read_whole() {
        assert_eq!(preview_end(&format!("<article>{}</article>", "y".repeat(100 * 1024))), None);
        assert_eq!(preview_end(&"y".repeat(2 * 1024 * 1024)), None);
        // The article starts near the end: the beginning would be most of it.
        assert_eq!(preview_end(&format!("{}<article>{}", "x".repeat(1024 * 1024), "y".repeat(100 * 1024))), None);
    }

    #[test]
    fn the_beginning_ends_on_a_character_boundary() {
        let page = format!("{}<article>{}", "x".repeat(600 * 1024), "é".repeat(1024 * 1024));
        let end = preview_end(&page).unwrap();
        assert!(page.is_char_boundary(end));
        assert!((600 * 1024 + PREVIEW_BYTES..=600 * 1024 + PREVIEW_BYTES + 1).contains(&end));
    }

    /// A real mkdocs-material page (tests/fixtures) with `n` more sections in
    /// both copies of its table of contents, made long enough to preview.
    fn real_page(n: usize) -> String {
        let entries: String = (0..n)
            .map(|i| format!(r##"<li class="md-nav__item"><a href="#s{i}" class="md-nav__link">Section {i}</a><nav class="md-nav"><ul class="md-nav__list"><li class="md-nav__item"><a href="#s{i}-a" class="md-nav__link">A</a></li></ul></nav></li>"##))
            .collect();
        let list = r#"data-md-component="toc" data-md-scrollfix>"#;
        let html = page::tests::fixture("checkout-runbook.html").replace(list, &format!("{list}{entries}"));
        let end = html.find("</article>").unwrap();
        format!("{}{}{}", &html[..end], "<p>y</p>".repeat(120 * 1024), &html[end..])
    }

    #[test]
    fn a_real_page_s_beginning_keeps_the_first_entries_of_its_table_of_contents() {
        let html = real_page(400);
        let at = crate::docs::links::tests::location("operations/runbook/", &[]);
        let b = beginning(&html, 160).expect("long enough");
        assert!(b.toc_cut);
        // One copy of the table of contents left, the sidebar's, with its first
        // 160 entries (what the fixture had first, then ours) and what they hold.
        assert_eq!(b.text.matches(NAV_NESTED_TOC).count(), 1);
        let whole = page::read_page(&html, &at);
        let read = page::read_page(&b.text, &at);
        assert_eq!((&read.title, &read.nav), (&whole.title, &whole.nav));
        assert_eq!(read.toc.len(), 160);
        assert_eq!(read.toc[..], whole.toc[..160]);
        assert_eq!(nav_html_first_entries(&read.toc, 150), nav_html_first_entries(&whole.toc, 150));
        // The article's start is there as it was.
        let start = &html[html.find("<article").unwrap()..][..1000];
        assert!(b.text.contains(start));
    }

    #[test]
    fn a_short_table_of_contents_is_kept_whole() {
        let html = real_page(20);
        let b = beginning(&html, 160).expect("long enough");
        assert!(!b.toc_cut);
        assert_eq!(b.text.matches(NAV_NESTED_TOC).count(), 1);
        let at = crate::docs::links::tests::location("operations/runbook/", &[]);
        assert_eq!(page::read_page(&b.text, &at).toc, page::read_page(&html, &at).toc);
    }

    #[test]
    fn the_nested_table_of_contents_stays_unless_the_sidebar_has_one() {
        let nested = r##"<nav class="md-nav md-nav--secondary"><ul><li><a class="md-nav__link" href="#a">A</a></li></ul></nav>"##;
        let page = |sidebar: &str| {
            long(&format!(
                r#"<nav class="md-nav md-nav--primary"><ul><li>{nested}</li></ul></nav><div class="md-sidebar md-sidebar--secondary">{sidebar}</div>"#
            ))
        };
        // Integrated into the navigation (no sidebar copy): it is the table of contents.
        let integrated = page("");
        assert_eq!(beginning(&integrated, 160).unwrap().text, &integrated[..preview_end(&integrated).unwrap()]);
        let both = page(nested);
        let b = beginning(&both, 160).unwrap();
        assert_eq!(b.text, both.replacen(nested, "", 1)[..preview_end(&both).unwrap() - nested.len()]);
        assert!(!b.toc_cut);
        // A nav never closed is left alone.
        let unclosed = both.replace("</nav>", "");
        assert_eq!(beginning(&unclosed, 160).unwrap().text, &unclosed[..preview_end(&unclosed).unwrap()]);
    }
}
