//! From a TechDocs page as mkdocs wrote it to what the reader shows: the article
//! alone (mkdocs' header, footer, sidebars and edit buttons left out), sanitized
//! to a strict allowlist with every link and asset rewritten (`links`), and the
//! site navigation and the page's table of contents as data the portal renders
//! itself. Parsing and sanitizing use html5ever (through `scraper` and `ammonia`),
//! a real HTML5 parser, so broken or hostile markup is read as a browser would.

use std::borrow::Cow;

use scraper::{ElementRef, Html, Node, Selector};

use crate::docs::links::{DocsLocation, Target};

#[derive(Clone, Debug, PartialEq)]
pub struct DocsPage {
    pub title: String,
    /// Sanitized HTML of the article, safe to insert.
    pub content_html: String,
    pub nav: Vec<NavItem>,
    pub toc: Vec<NavItem>,
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
    e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_class(e: &ElementRef, class: &str) -> bool {
    e.value().classes().any(|c| c == class)
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `<ul class="md-nav__list">` → items, recursively (the active page's own table
/// of contents, nested in the site navigation, is left to `toc`).
fn nav_items(ul: ElementRef, at: &DocsLocation) -> Vec<NavItem> {
    ul.children()
        .filter_map(ElementRef::wrap)
        .filter(|li| li.value().name() == "li")
        .map(|li| {
            let kids: Vec<ElementRef> = li.children().filter_map(ElementRef::wrap).collect();
            let link = kids.iter().find(|k| k.value().name() == "a" && has_class(k, "md-nav__link"));
            let label = kids.iter().find(|k| has_class(k, "md-nav__link"));
            let title = link.or(label).map(|e| text_of(*e)).unwrap_or_default();
            let href = link.and_then(|a| a.value().attr("href")).and_then(|h| match at.resolve(h, "a") {
                Target::Page(route) => Some(route),
                Target::Anchor(id) => Some(at.anchor_href(&id)),
                _ => None,
            });
            let children = kids
                .iter()
                .filter(|k| k.value().name() == "nav" && !has_class(k, "md-nav--secondary"))
                .flat_map(|nav| {
                    nav.children()
                        .filter_map(ElementRef::wrap)
                        .filter(|u| u.value().name() == "ul")
                        .flat_map(|u| nav_items(u, at))
                        .collect::<Vec<_>>()
                })
                .collect();
            NavItem { title, href, active: has_class(&li, "md-nav__item--active"), children }
        })
        .collect()
}

/// The article's HTML without mkdocs' edit/view buttons.
fn article_html(article: ElementRef) -> String {
    let mut out = String::new();
    for child in article.children() {
        match child.value() {
            Node::Element(_) => {
                let e = ElementRef::wrap(child).expect("an element");
                if !has_class(&e, "md-content__button") {
                    out.push_str(&e.html());
                }
            }
            Node::Text(t) => out.push_str(&escape_text(t)),
            _ => {}
        }
    }
    out
}

/// The allowlist: text structure, code, tables, images, links, task-list boxes;
/// frames only from hosts the config allows. No script, style, form, object,
/// `style=`, event handler or unknown attribute survives.
pub fn sanitize(html: &str, at: &DocsLocation) -> String {
    let at_for_filter = at.clone();
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["class", "id"])
        .add_tags(["input", "figure", "figcaption", "details", "summary", "mark", "kbd"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("img", ["loading"])
        .add_tag_attributes("a", ["target"])
        .set_tag_attribute_value("input", "disabled", "")
        // mkdocs wraps task boxes in a label with no text, which does not survive.
        .set_tag_attribute_value("input", "aria-label", "Done")
        .add_url_schemes(["data"])
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(move |element, attribute, value| -> Option<Cow<str>> {
            match attribute {
                "id" => Some(Cow::Owned(crate::docs::links::anchor_id(value))),
                "type" if element == "input" => (value.eq_ignore_ascii_case("checkbox")).then_some(Cow::Borrowed("checkbox")),
                "target" => None,
                "href" | "src" | "cite" | "longdesc" | "srcset" => match at_for_filter.resolve(value, element) {
                    Target::Page(route) => Some(Cow::Owned(route)),
                    Target::File(url) | Target::Outside(url) => Some(Cow::Owned(url)),
                    Target::Anchor(id) => Some(Cow::Owned(at_for_filter.anchor_href(&id))),
                    Target::Refused => None,
                },
                _ => Some(Cow::Borrowed(value)),
            }
        });
    if !at.allowed_hosts.is_empty() {
        b.add_tags(["iframe"])
            .add_tag_attributes("iframe", ["src", "title", "width", "height"])
            .set_tag_attribute_value("iframe", "sandbox", "allow-scripts allow-same-origin allow-popups")
            .set_tag_attribute_value("iframe", "referrerpolicy", "no-referrer");
    }
    b.clean(html).to_string()
}

/// Reads a TechDocs page (a full mkdocs-material HTML document).
pub fn read_page(html: &str, at: &DocsLocation) -> DocsPage {
    let doc = Html::parse_document(html);
    let article = doc
        .select(&selector("article.md-content__inner"))
        .next()
        .or_else(|| doc.select(&selector("article")).next())
        .or_else(|| doc.select(&selector("body")).next());
    let title = article
        .and_then(|a| a.select(&selector("h1")).next())
        // Without mkdocs' permalink mark.
        .map(|h| text_of(h).trim_end_matches('¶').trim().to_string())
        .or_else(|| doc.select(&selector("title")).next().map(text_of))
        .unwrap_or_default();
    let content_html = sanitize(&article.map(article_html).unwrap_or_default(), at);
    let nav = doc.select(&selector("nav.md-nav--primary > ul.md-nav__list")).next().map(|ul| nav_items(ul, at)).unwrap_or_default();
    // The table of contents stands in the right-hand sidebar (and again inside the
    // navigation, for small screens); take the sidebar's.
    let toc = doc
        .select(&selector(".md-sidebar--secondary nav.md-nav--secondary > ul.md-nav__list"))
        .next()
        .or_else(|| doc.select(&selector("nav.md-nav--secondary > ul.md-nav__list")).next())
        .map(|ul| nav_items(ul, at))
        .unwrap_or_default();
    DocsPage { title, content_html, nav, toc }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(page: &str) -> DocsLocation {
        crate::docs::links::tests::location(page, &[])
    }

    fn fixture(name: &str) -> String {
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
        assert!(!p.content_html.contains("md-content__button"));
        assert!(!p.content_html.contains("<script"));
        assert!(!p.content_html.contains("fonts.googleapis"));
        assert!(p.content_html.contains("id=\"doc-"));
        assert!(p.content_html.contains("<h1"));
    }

    #[test]
    fn images_load_from_the_backend_and_links_stay_in_the_portal() {
        let p = read_page(&fixture("checkout-architecture.html"), &at("architecture/"));
        assert!(
            p.content_html.contains(
                r#"src="http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/images/payment-flow.png""#
            ),
            "{}",
            p.content_html
        );
        let home = read_page(&fixture("checkout-index.html"), &at(""));
        assert!(home.content_html.contains(r#"href="/docs/default/component/checkout-service/"#), "{}", home.content_html);
    }

    /// Every payload must come out without script, handlers or dangerous URLs.
    #[test]
    fn hostile_markup_comes_out_inert() {
        let cases = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"javascript:alert(1)\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=alert(1)></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
            "<input type=image src=x onerror=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<link rel=stylesheet href=\"https://evil.example/x.css\">",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<div style=\"width:expression(alert(1))\">x</div>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<details open ontoggle=alert(1)>x</details>",
            "<body onload=alert(1)>",
            "<div onmouseover=\"alert(1)\">x</div>",
            "<a href=\"#\" onclick=\"alert(1)\">x</a>",
            "<scr<script>ipt>alert(1)</script>",
            "<<script>alert(1)//<</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
            "<video><source onerror=\"alert(1)\"></video>",
            "<a href=\"/api/catalog/entities\">x</a>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<div id=\"main\">x</div>",
        ];
        for case in cases {
            let out = sanitize(case, &at(""));
            let lower = out.to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "onclick",
                "onmouseover",
                "ontoggle",
                "javascript:",
                "vbscript:",
                "data:text",
                "<iframe",
                "<object",
                "<embed",
                "<base",
                "<meta",
                "<link",
                "<style",
                "style=",
                "expression(",
                "formaction",
                "srcdoc",
                "xlink:href",
                "<svg",
                "<form",
                "/api/catalog",
                "evil.example",
                "id=\"main\"",
            ] {
                assert!(!lower.contains(bad), "{case:?} came out as {out:?} (has {bad:?})");
            }
        }
        // Escaped text stays text.
        assert_eq!(sanitize("&lt;script&gt;alert(1)&lt;/script&gt;", &at("")), "&lt;script&gt;alert(1)&lt;/script&gt;");
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
