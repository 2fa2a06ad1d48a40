//! From a TechDocs page as mkdocs wrote it to what the reader shows: the article
//! alone (mkdocs' header, footer, sidebars and edit buttons left out), sanitized
//! to a strict allowlist with every link and asset rewritten (`links`), and the
//! site navigation and the page's table of contents as data the portal renders
//! itself. Parsing and sanitizing use html5ever (through `scraper` and `ammonia`),
//! a real HTML5 parser, so broken or hostile markup is read as a browser would.

use std::borrow::Cow;

use scraper::{ElementRef, Html, Node, Selector};

use crate::docs::links::{anchor_id, DocsLocation, Target};

/// A page as the reader shows it. `A` is the article: sanitized HTML here, the
/// browser's own sanitized nodes where the browser read it (`docs::in_browser`).
#[derive(Clone, Debug, PartialEq)]
pub struct DocsPage<A = String> {
    pub title: String,
    /// The article, sanitized, safe to insert.
    pub content: A,
    pub nav: Vec<NavItem>,
    pub toc: Vec<NavItem>,
}

impl<A> DocsPage<A> {
    /// The same page with its article in another form.
    pub fn with_content<B>(self, f: impl FnOnce(A) -> B) -> DocsPage<B> {
        DocsPage { title: self.title, content: f(self.content), nav: self.nav, toc: self.toc }
    }
}

/// The allowlist, one table for both sanitizers (ammonia here, the browser's
/// Sanitizer in `docs::in_browser`): ammonia's default tags plus those docs use.
/// Everything else is unwrapped (its text kept) or, for `script`/`style`, dropped.
pub const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];
/// Attributes any allowed element may keep.
pub const ALLOWED_ATTRIBUTES: &[&str] = &["class", "id", "lang", "title"];
/// Attributes particular elements may keep (ammonia's defaults and ours).
pub const ALLOWED_ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("bdo", &["dir"]),
    ("blockquote", &["cite"]),
    ("col", &["align", "char", "charoff", "span"]),
    ("colgroup", &["align", "char", "charoff", "span"]),
    ("del", &["cite", "datetime"]),
    ("hr", &["align", "size", "width"]),
    ("img", &["align", "alt", "height", "src", "width", "loading"]),
    ("input", &["type", "checked", "disabled"]),
    ("ins", &["cite", "datetime"]),
    ("ol", &["start"]),
    ("q", &["cite"]),
    ("table", &["align", "char", "charoff", "summary"]),
    ("tbody", &["align", "char", "charoff"]),
    ("td", &["align", "char", "charoff", "colspan", "headers", "rowspan"]),
    ("tfoot", &["align", "char", "charoff"]),
    ("th", &["align", "char", "charoff", "colspan", "headers", "rowspan", "scope"]),
    ("thead", &["align", "char", "charoff"]),
    ("tr", &["align", "char", "charoff"]),
];
/// Frames, only when the config names hosts they may come from (ammonia only:
/// the browser's safe parsing never keeps one, see `docs::in_browser`).
const FRAME_ATTRIBUTES: &[&str] = &["src", "title", "width", "height"];
/// Set on every frame: scripts stay in their own origin, no referrer leaves.
const FRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-popups";
/// Set on every link leaving the page.
pub const LINK_REL: &str = "noopener noreferrer";
/// Attributes holding a URL, each checked by `links` (and dropped when refused).
pub const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite", "longdesc", "srcset"];

/// What reading the navigation asks of an element, so the same reading serves
/// html5ever's tree (here) and the browser's (`docs::in_browser`).
pub trait Markup: Sized {
    /// The lower-case tag name.
    fn name(&self) -> String;
    fn has_class(&self, class: &str) -> bool;
    fn attr(&self, name: &str) -> Option<String>;
    /// The text inside, whitespace collapsed.
    fn text(&self) -> String;
    /// The child elements.
    fn child_elements(&self) -> Vec<Self>;
}

impl Markup for ElementRef<'_> {
    fn name(&self) -> String {
        self.value().name().to_string()
    }
    fn has_class(&self, class: &str) -> bool {
        self.value().classes().any(|c| c == class)
    }
    fn attr(&self, name: &str) -> Option<String> {
        self.value().attr(name).map(str::to_string)
    }
    fn text(&self) -> String {
        text_of(*self)
    }
    fn child_elements(&self) -> Vec<Self> {
        self.children().filter_map(ElementRef::wrap).collect()
    }
}

/// An entry of the site navigation or of the table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct NavItem {
    pub title: String,
    /// A portal route (`/docs/…`, with `#doc-…` for a heading); `None` for a section.
    pub href: Option<String>,
    pub active: bool,
    pub children: Vec<NavItem>,
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

fn text_of(e: ElementRef) -> String {
    collapse_whitespace(&e.text().collect::<Vec<_>>().join(" "))
}

/// Text as a line: runs of whitespace become one space, none at the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

/// `<ul class="md-nav__list">` → items, recursively (the active page's own table
/// of contents, nested in the site navigation, is left to `toc`).
pub fn nav_items<E: Markup>(ul: &E, at: &DocsLocation) -> Vec<NavItem> {
    ul.child_elements()
        .into_iter()
        .filter(|li| li.name() == "li")
        .map(|li| {
            let kids = li.child_elements();
            let link = kids.iter().find(|k| k.name() == "a" && k.has_class(NAV_LINK));
            let label = kids.iter().find(|k| k.has_class(NAV_LINK));
            let title = link.or(label).map(Markup::text).unwrap_or_default();
            let href = link.and_then(|a| a.attr("href")).and_then(|h| match at.resolve(&h, "a") {
                Target::Page(route) => Some(route),
                Target::Anchor(id) => Some(at.anchor_href(&id)),
                _ => None,
            });
            let children = kids
                .iter()
                .filter(|k| k.name() == "nav" && !k.has_class(NAV_NESTED_TOC))
                .flat_map(|nav| {
                    nav.child_elements().into_iter().filter(|u| u.name() == "ul").flat_map(|u| nav_items(&u, at)).collect::<Vec<_>>()
                })
                .collect();
            NavItem { title, href, active: li.has_class("md-nav__item--active"), children }
        })
        .collect()
}

/// The site navigation and the table of contents as one block of HTML each,
/// built from their items (text escaped; every `href` a route `links` made):
/// a long table of contents is then one insertion, not thousands of views.
pub fn nav_html(items: &[NavItem], label: &str) -> String {
    if items.is_empty() {
        return String::new();
    }
    format!("<ul class=\"docs-nav-list\" aria-label=\"{}\">{}</ul>", escape_attr(label), items_html(items))
}

/// Entries of a list as `<li>`s, without the list.
fn items_html(items: &[NavItem]) -> String {
    fn item(out: &mut String, i: &NavItem) {
        out.push_str("<li>");
        match &i.href {
            Some(h) => {
                out.push_str("<a href=\"");
                out.push_str(&escape_attr(h));
                out.push_str(if i.active { "\" aria-current=\"page\">" } else { "\">" });
                out.push_str(&escape_text(&i.title));
                out.push_str("</a>");
            }
            None => {
                out.push_str("<span class=\"docs-nav-section\">");
                out.push_str(&escape_text(&i.title));
                out.push_str("</span>");
            }
        }
        if !i.children.is_empty() {
            out.push_str("<ul>");
            i.children.iter().for_each(|c| item(out, c));
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    let mut out = String::new();
    items.iter().for_each(|i| item(&mut out, i));
    out
}

/// An entry and the entries nested in it.
fn entries(item: &NavItem) -> usize {
    1 + item.children.iter().map(entries).sum::<usize>()
}

/// Where a piece of a list goes: the positions of the entries, from the top
/// list down, whose nested list it ends (empty: the top list).
pub type ListPath = Vec<usize>;

/// A list's first `step` entries in reading order (with at least the first
/// entry nested in each, so each nested list is there to add to), and the rest
/// in pieces of at least `step` entries, each with the list it ends
/// (deepest first). An entry is never cut from what it holds, except on the way
/// to the first `step`.
fn split_list(items: &[NavItem], step: usize) -> (Vec<NavItem>, Vec<(ListPath, &[NavItem])>) {
    fn first<'a>(items: &'a [NavItem], left: &mut usize, path: &mut ListPath, rest: &mut Vec<(ListPath, &'a [NavItem])>) -> Vec<NavItem> {
        let mut kept = vec![];
        for (n, item) in items.iter().enumerate() {
            if *left == 0 && n > 0 {
                rest.push((path.clone(), &items[n..]));
                break;
            }
            *left = left.saturating_sub(1);
            path.push(n);
            let children = first(&item.children, left, path, rest);
            path.pop();
            kept.push(NavItem { title: item.title.clone(), href: item.href.clone(), active: item.active, children });
        }
        kept
    }
    let (mut rest, mut left) = (vec![], step);
    let kept = first(items, &mut left, &mut vec![], &mut rest);
    let mut pieces = vec![];
    for (path, items) in rest {
        let mut start = 0;
        let mut count = 0;
        for (n, item) in items.iter().enumerate() {
            count += entries(item);
            if count >= step || n + 1 == items.len() {
                pieces.push((path.clone(), &items[start..=n]));
                (start, count) = (n + 1, 0);
            }
        }
    }
    (kept, pieces)
}

/// `nav_html` in pieces (`split_list`): the list with its first `step` entries,
/// then the `<li>`s of each piece and where they go. A table of contents
/// thousands of entries long costs its page's first frame tens of
/// milliseconds; its first screens are all that frame needs.
pub fn nav_html_in_steps(items: &[NavItem], label: &str, step: usize) -> (String, Vec<(ListPath, String)>) {
    let (first, rest) = split_list(items, step);
    (nav_html(&first, label), rest.into_iter().map(|(path, items)| (path, items_html(items))).collect())
}

/// The entries `nav_html_in_steps` puts in its list at once.
pub fn nav_html_first_entries(items: &[NavItem], step: usize) -> Vec<NavItem> {
    split_list(items, step).0
}

/// The article's HTML without mkdocs' edit/view buttons.
fn article_html(article: ElementRef) -> String {
    let mut out = String::new();
    for child in article.children() {
        match child.value() {
            Node::Element(_) => {
                let e = ElementRef::wrap(child).expect("an element");
                if !e.has_class(ARTICLE_BUTTONS) {
                    out.push_str(&e.html());
                }
            }
            Node::Text(t) => out.push_str(&escape_text(t)),
            _ => {}
        }
    }
    out
}

/// What an id or a URL of the article becomes (`None`: removed), for both
/// sanitizers: ids get the portal's prefix, URLs point where `links` says.
pub fn rewritten(element: &str, attribute: &str, value: &str, at: &DocsLocation) -> Option<String> {
    if attribute == "id" {
        return Some(anchor_id(value));
    }
    match at.resolve(value, element) {
        Target::Page(route) => Some(route),
        Target::File(url) | Target::Outside(url) => Some(url),
        Target::Anchor(id) => Some(at.anchor_href(&id)),
        Target::Refused => None,
    }
}

/// The allowlist: text structure, code, tables, images, links, task-list boxes;
/// frames only from hosts the config allows. No script, style, form, object,
/// `style=`, event handler or unknown attribute survives.
pub fn sanitize(html: &str, at: &DocsLocation) -> String {
    let at_for_filter = at.clone();
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(ALLOWED_ATTRIBUTES).add_tags(ALLOWED_ELEMENTS);
    for (element, attributes) in ALLOWED_ELEMENT_ATTRIBUTES {
        b.add_tag_attributes(*element, *attributes);
    }
    b.set_tag_attribute_value("input", "disabled", "")
        // mkdocs wraps task boxes in a label with no text, which does not survive.
        .set_tag_attribute_value("input", "aria-label", "Done")
        .add_url_schemes(["data"])
        .link_rel(Some(LINK_REL))
        .attribute_filter(move |element, attribute, value| -> Option<Cow<str>> {
            match attribute {
                "type" if element == "input" => (value.eq_ignore_ascii_case("checkbox")).then_some(Cow::Borrowed("checkbox")),
                a if a == "id" || URL_ATTRIBUTES.contains(&a) => rewritten(element, a, value, &at_for_filter).map(Cow::Owned),
                _ => Some(Cow::Borrowed(value)),
            }
        });
    if !at.allowed_hosts.is_empty() {
        b.add_tags(["iframe"])
            .add_tag_attributes("iframe", FRAME_ATTRIBUTES)
            .set_tag_attribute_value("iframe", "sandbox", FRAME_SANDBOX)
            .set_tag_attribute_value("iframe", "referrerpolicy", "no-referrer");
    }
    b.clean(html).to_string()
}

/// Where mkdocs-material puts the article (the first found), the site
/// navigation and the table of contents. The table of contents stands in the
/// right-hand sidebar (and again inside the navigation, for small screens): the
/// sidebar's is taken.
pub const ARTICLE: &[&str] = &["article.md-content__inner", "article", "body"];
/// An entry's link (or a section's label) in mkdocs' navigation lists.
pub const NAV_LINK: &str = "md-nav__link";
/// The page's own table of contents where it is nested in the site navigation.
pub const NAV_NESTED_TOC: &str = "md-nav--secondary";
pub const NAV: &str = "nav.md-nav--primary > ul.md-nav__list";
/// The site navigation's own class.
pub const NAV_PRIMARY: &str = "md-nav--primary";
pub const TOC: &[&str] = &[".md-sidebar--secondary nav.md-nav--secondary > ul.md-nav__list", "nav.md-nav--secondary > ul.md-nav__list"];
/// mkdocs' own buttons in the article (edit, view source).
pub const ARTICLE_BUTTONS: &str = "md-content__button";

/// The page's title: its first heading without mkdocs' permalink mark.
pub fn heading_title(text: &str) -> String {
    text.trim_end_matches('¶').trim().to_string()
}

/// Reads a TechDocs page (a full mkdocs-material HTML document).
pub fn read_page(html: &str, at: &DocsLocation) -> DocsPage {
    let doc = Html::parse_document(html);
    let article = ARTICLE.iter().find_map(|s| doc.select(&selector(s)).next());
    let title = article
        .and_then(|a| a.select(&selector("h1")).next())
        .map(|h| heading_title(&text_of(h)))
        .or_else(|| doc.select(&selector("title")).next().map(text_of))
        .unwrap_or_default();
    let content = sanitize(&article.map(article_html).unwrap_or_default(), at);
    let nav = doc.select(&selector(NAV)).next().map(|ul| nav_items(&ul, at)).unwrap_or_default();
    // The table of contents stands in the right-hand sidebar (and again inside the
    // navigation, for small screens); take the sidebar's.
    let toc = TOC.iter().find_map(|s| doc.select(&selector(s)).next()).map(|ul| nav_items(&ul, at)).unwrap_or_default();
    DocsPage { title, content, nav, toc }
}

#[cfg(test)]
#[path = "../../tests/support/hostile_markup.rs"]
mod hostile_markup;

#[cfg(test)]
pub(crate) mod tests {
    use super::hostile_markup;
    use super::*;

    fn at(page: &str) -> DocsLocation {
        crate::docs::links::tests::location(page, &[])
    }

    pub fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{}/tests/fixtures/techdocs/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
    }

    #[test]
    fn a_real_mkdocs_page_becomes_article_nav_and_toc() {
        let p = read_page(&fixture("checkout-runbook.html"), &at("operations/runbook/"));
        assert_eq!(p.title, "Runbook");
        let nav: Vec<(&str, Option<&str>, bool)> = p.nav.iter().map(|n| (n.title.as_str(), n.href.as_deref(), n.active)).collect();
        assert_eq!(
            nav,
            [
                ("Overview", Some("/docs/default/component/checkout-service/"), false),
                ("Architecture", Some("/docs/default/component/checkout-service/architecture/"), false),
                ("Runbook", Some("/docs/default/component/checkout-service/operations/runbook/"), true),
            ]
        );
        assert!(!p.toc.is_empty());
        assert!(p.toc.iter().all(|t| t.href.as_deref().is_some_and(|h| h.contains("/#doc-"))), "{:?}", p.toc);
        // Chrome is gone; headings keep prefixed ids; nothing points outside unasked.
        assert!(!p.content.contains("md-content__button"));
        assert!(!p.content.contains("<script"));
        assert!(!p.content.contains("fonts.googleapis"));
        assert!(p.content.contains("id=\"doc-"));
        assert!(p.content.contains("<h1"));
    }

    #[test]
    fn images_load_from_the_backend_and_links_stay_in_the_portal() {
        let p = read_page(&fixture("checkout-architecture.html"), &at("architecture/"));
        assert!(
            p.content.contains(
                r#"src="http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/images/payment-flow.png""#
            ),
            "{}",
            p.content
        );
        let home = read_page(&fixture("checkout-index.html"), &at(""));
        assert!(home.content.contains(r#"href="/docs/default/component/checkout-service/"#), "{}", home.content);
    }

    /// Every payload must come out without script, handlers or dangerous URLs.
    #[test]
    fn hostile_markup_comes_out_inert() {
        for case in hostile_markup::cases() {
            let out = sanitize(case, &at(""));
            assert_eq!(hostile_markup::trace(&out), None, "{case:?} came out as {out:?}");
        }
        // Escaped text stays text.
        assert_eq!(sanitize("&lt;script&gt;alert(1)&lt;/script&gt;", &at("")), "&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    #[test]
    fn navigation_blocks_escape_titles_and_mark_the_current_page() {
        let items = [
            NavItem { title: "<b>Set up</b> & \"run\"".into(), href: Some("/docs/x/#doc-a\"b".into()), active: true, children: vec![] },
            NavItem {
                title: "Guides".into(),
                href: None,
                active: false,
                children: vec![NavItem { title: "One".into(), href: Some("/docs/x/one/".into()), active: false, children: vec![] }],
            },
        ];
        assert_eq!(
            nav_html(&items, "Pages"),
            concat!(
                r#"<ul class="docs-nav-list" aria-label="Pages">"#,
                r#"<li><a href="/docs/x/#doc-a&quot;b" aria-current="page">&lt;b&gt;Set up&lt;/b&gt; &amp; "run"</a></li>"#,
                r#"<li><span class="docs-nav-section">Guides</span><ul><li><a href="/docs/x/one/">One</a></li></ul></li></ul>"#
            )
        );
        assert_eq!(nav_html(&[], "Pages"), "");
    }

    #[test]
    fn a_long_list_comes_in_pieces_that_make_up_the_whole_list() {
        let leaf = |n: usize| NavItem { title: format!("S{n}"), href: Some(format!("/d/#doc-s{n}")), active: false, children: vec![] };
        // As mkdocs writes it: the page's title, and under it ten sections, the
        // third holding four subsections (15 entries).
        let mut sections: Vec<NavItem> = (0..10).map(leaf).collect();
        sections[2].children = (100..104).map(leaf).collect();
        let items = vec![NavItem { title: "Page".into(), href: Some("/d/".into()), active: false, children: sections }];
        let (first, rest) = split_list(&items, 4);
        // Page, S0, S1, S2 and its first subsection.
        let titles = |items: &[NavItem]| items.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&first[0].children), ["S0", "S1", "S2"]);
        assert_eq!(titles(&first[0].children[2].children), ["S100"]);
        // Then the rest of S2's subsections, and the sections in pieces of 4 or more.
        let pieces: Vec<(ListPath, Vec<String>)> = rest.iter().map(|(p, i)| (p.clone(), titles(i))).collect();
        assert_eq!(
            pieces,
            [
                (vec![0, 2], vec!["S101".to_string(), "S102".into(), "S103".into()]),
                (vec![0], vec!["S3".to_string(), "S4".into(), "S5".into(), "S6".into()]),
                (vec![0], vec!["S7".to_string(), "S8".into(), "S9".into()]),
            ]
        );
        // Each piece added where it says: the list as it was.
        let mut whole = first.clone();
        for (path, piece) in &rest {
            let mut list = &mut whole;
            for &i in path {
                list = &mut list[i].children;
            }
            list.extend(piece.iter().cloned());
        }
        assert_eq!(whole, items);
        // As HTML: the first piece's list, then each piece's entries.
        let (html, pieces) = nav_html_in_steps(&items, "Sections", 4);
        assert_eq!(html, nav_html(&first, "Sections"));
        assert_eq!(pieces[0], (vec![0, 2], items_html(&items[0].children[2].children[1..])));
        // A short list is one piece; none, nothing.
        assert_eq!(nav_html_in_steps(&items, "Sections", 100), (nav_html(&items, "Sections"), vec![]));
        assert_eq!(nav_html_in_steps(&[], "Sections", 4), (String::new(), vec![]));
    }

    #[test]
    fn the_first_entries_come_from_the_beginning_of_the_list_alone() {
        // A preview reads a long table of contents' first entries only (a few
        // more than the first piece shows), the rest once on screen.
        fn prefix(items: &[NavItem], left: &mut usize) -> Vec<NavItem> {
            let mut kept = vec![];
            for i in items {
                if *left == 0 {
                    break;
                }
                *left -= 1;
                kept.push(NavItem { children: prefix(&i.children, left), ..i.clone() });
            }
            kept
        }
        let leaf = |n: usize| NavItem { title: format!("S{n}"), href: Some(format!("/d/#doc-s{n}")), active: false, children: vec![] };
        let mut sections: Vec<NavItem> = (0..10).map(leaf).collect();
        sections[3].children = (100..104).map(leaf).collect();
        sections[3].children[0].children = (200..203).map(leaf).collect();
        let items = vec![NavItem { title: "Page".into(), href: Some("/d/".into()), active: false, children: sections }];
        // The first piece ends at S3, with the first entry of each list S3 opens.
        let first = nav_html_first_entries(&items, 5);
        assert_eq!(first[0].children[3].children[0].children[0].title, "S200");
        for read in 7..=20 {
            let beginning = prefix(&items, &mut { read });
            assert_eq!(nav_html_first_entries(&beginning, 5), first, "{read} entries read");
        }
        // Shown again, it adds nothing: the rest's pieces are the whole list's.
        assert_eq!(nav_html_in_steps(&first, "Sections", 5), (nav_html(&first, "Sections"), vec![]));
    }

    #[test]
    fn what_docs_need_survives() {
        let html = r##"<h2 id="setup">Set up</h2><pre><code class="language-rust">fn main() {}</code></pre>
<div class="admonition warning"><p class="admonition-title">Careful</p><p>Text</p></div>
<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
<ul class="task-list"><li class="task-list-item"><input type="checkbox" checked> done</li></ul>
<a href="https://backstage.io">out</a> <a href="#setup">here</a> <img src="data:image/png;base64,iVBOR" alt="dot">"##;
        let out = sanitize(html, &at(""));
        assert!(out.contains(r#"<h2 id="doc-setup">"#), "{out}");
        assert!(out.contains(r#"<code class="language-rust">"#));
        assert!(out.contains(r#"class="admonition warning""#));
        assert!(out.contains("<table>"));
        assert!(out.contains(r#"<input type="checkbox" checked="" disabled="">"#) || out.contains("disabled"), "{out}");
        assert!(out.contains(r#"href="https://backstage.io" rel="noopener noreferrer""#), "{out}");
        // With the page in front, so the portal's `<base href>` cannot redirect it.
        assert!(out.contains(r##"href="/docs/default/component/checkout-service/#doc-setup""##), "{out}");
        assert!(out.contains(r#"src="data:image/png;base64,iVBOR""#));
    }

    #[test]
    fn frames_only_from_allowed_hosts() {
        let mut l = at("");
        assert!(!sanitize(r#"<iframe src="https://video.acme.example/v/1"></iframe>"#, &l).contains("<iframe"));
        l.allowed_hosts = vec!["video.acme.example".into()];
        let out = sanitize(r#"<iframe src="https://video.acme.example/v/1"></iframe><iframe src="https://evil.example/"></iframe>"#, &l);
        assert!(out.contains(r#"src="https://video.acme.example/v/1""#), "{out}");
        assert!(out.contains("sandbox="));
        assert!(!out.contains("evil.example"));
    }
}
