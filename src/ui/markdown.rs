//! Markdown where Backstage renders it (descriptions, a task's text output):
//! GitHub-flavoured, read by pulldown-cmark into a small tree of allowed
//! elements (`parse`, pure and natively tested), then built as DOM nodes
//! (`Markdown`). No HTML string is ever parsed: raw HTML in the text is shown as
//! text, links keep only http(s), mailto and portal paths, images only http(s).

use leptos::html::Div;
use leptos::prelude::*;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::model::relations::is_safe_link;

/// One node of rendered Markdown: text, or an allowed element with its
/// attributes (names fixed here, values checked) and children.
#[derive(Clone, Debug, PartialEq)]
pub enum Md {
    Text(String),
    El(&'static str, Vec<(&'static str, String)>, Vec<Md>),
}

/// Where a link may go: the web, mail, or a page of the portal (`/catalog/…`).
fn link_target(url: &str) -> Option<String> {
    let url = url.trim();
    if is_safe_link(url) {
        return Some(url.to_string());
    }
    let portal = url.starts_with('/') && !url.starts_with("//") && !url.contains(['\\', '\n', '\r', '\t']);
    portal.then(|| crate::shell::paths::href(url))
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !lower.contains(|c: char| c.is_control())
}

fn text_of(nodes: &[Md]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Md::Text(t) => t.clone(),
            Md::El(_, _, kids) => text_of(kids),
        })
        .collect()
}

/// An element being built: its name (`None`: its children join the parent), attributes.
type Open = (Option<&'static str>, Vec<(&'static str, String)>, Vec<Md>);

/// The Markdown `text` as a tree of allowed elements.
pub fn parse(text: &str) -> Vec<Md> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_GFM;
    let mut stack: Vec<Open> = vec![(None, vec![], vec![])];
    let mut in_head = false;
    // Where a link or image points, decided at its start, used at its end.
    let mut targets: Vec<Option<String>> = vec![];
    for event in Parser::new_ext(text, options) {
        let leaf = match event {
            Event::Start(tag) => {
                let (name, attrs): (Option<&'static str>, Vec<(&'static str, String)>) = match tag {
                    Tag::Paragraph => (Some("p"), vec![]),
                    Tag::Heading { level, .. } => (Some(["h1", "h2", "h3", "h4", "h5", "h6"][level as usize - 1]), vec![]),
                    Tag::BlockQuote(_) => (Some("blockquote"), vec![]),
                    Tag::CodeBlock(_) => (Some("pre"), vec![]),
                    Tag::List(Some(start)) => (Some("ol"), if start == 1 { vec![] } else { vec![("start", start.to_string())] }),
                    Tag::List(None) => (Some("ul"), vec![]),
                    Tag::Item => (Some("li"), vec![]),
                    Tag::Table(_) => (Some("table"), vec![]),
                    Tag::TableHead => {
                        in_head = true;
                        (Some("tr"), vec![])
                    }
                    Tag::TableRow => (Some("tr"), vec![]),
                    Tag::TableCell => (Some(if in_head { "th" } else { "td" }), vec![]),
                    Tag::Emphasis => (Some("em"), vec![]),
                    Tag::Strong => (Some("strong"), vec![]),
                    Tag::Strikethrough => (Some("del"), vec![]),
                    Tag::Link { dest_url, link_type, .. } => {
                        // An email autolink (`<a@b.io>`) has no scheme in its destination.
                        let url = if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
                        targets.push(link_target(&url));
                        (None, vec![])
                    }
                    Tag::Image { dest_url, .. } => {
                        targets.push(is_web_url(&dest_url).then(|| dest_url.trim().to_string()));
                        (None, vec![])
                    }
                    _ => (None, vec![]),
                };
                stack.push((name, attrs, vec![]));
                continue;
            }
            Event::End(end) => {
                let (name, mut attrs, kids) = stack.pop().expect("balanced events");
                // `Err(kids)`: a refused link or an element the portal does not
                // render; its content stays, in the parent.
                let node = match (end, name) {
                    (TagEnd::Link, _) => match targets.pop().flatten() {
                        Some(href) => {
                            attrs.push(("href", href.clone()));
                            if is_web_url(&href) {
                                attrs.push(("target", "_blank".into()));
                                attrs.push(("rel", "noopener noreferrer".into()));
                            }
                            Ok(Md::El("a", attrs, kids))
                        }
                        None => Err(kids),
                    },
                    (TagEnd::Image, _) => match targets.pop().flatten() {
                        Some(src) => Ok(Md::El("img", vec![("src", src), ("alt", text_of(&kids)), ("loading", "lazy".into())], vec![])),
                        None => Ok(Md::Text(text_of(&kids))),
                    },
                    (TagEnd::CodeBlock, _) => Ok(Md::El("pre", vec![], vec![Md::El("code", vec![], kids)])),
                    (_, Some(n)) => {
                        in_head &= end != TagEnd::TableHead;
                        Ok(Md::El(n, attrs, kids))
                    }
                    (_, None) => Err(kids),
                };
                let parent = &mut stack.last_mut().expect("the root").2;
                match node {
                    Ok(n) => parent.push(n),
                    Err(kids) => parent.extend(kids),
                }
                continue;
            }
            Event::Text(t) => Md::Text(t.to_string()),
            Event::Code(t) => Md::El("code", vec![], vec![Md::Text(t.to_string())]),
            // Raw HTML is shown as the text it is.
            Event::Html(t) | Event::InlineHtml(t) | Event::InlineMath(t) | Event::DisplayMath(t) => Md::Text(t.to_string()),
            Event::FootnoteReference(t) => Md::Text(format!("[^{t}]")),
            Event::SoftBreak => Md::Text("\n".into()),
            Event::HardBreak => Md::El("br", vec![], vec![]),
            Event::Rule => Md::El("hr", vec![], vec![]),
            Event::TaskListMarker(done) => {
                let mut attrs = vec![("type", "checkbox".to_string()), ("disabled", String::new()), ("aria-label", "Done".into())];
                if done {
                    attrs.push(("checked", String::new()));
                }
                Md::El("input", attrs, vec![])
            }
        };
        stack.last_mut().expect("the root").2.push(leaf);
    }
    stack.into_iter().next().map(|(_, _, kids)| kids).unwrap_or_default()
}

/// Rendered Markdown in a `<div class="markdown">`. A text of one paragraph is
/// shown without the paragraph, so a one-line description stays one line.
#[component]
pub fn Markdown(
    #[prop(into)] text: String,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let mut nodes = parse(&text);
    if let [Md::El("p", _, kids)] = nodes.as_mut_slice() {
        nodes = std::mem::take(kids);
    }
    let host = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(div) = host.get() {
            let Some(doc) = div.owner_document() else { return };
            div.set_text_content(None);
            for n in &nodes {
                append(&doc, &div, n);
            }
        }
    });
    view! { <div class=format!("markdown {class}") id=id node_ref=host></div> }
}

fn append(doc: &web_sys::Document, parent: &web_sys::Node, node: &Md) {
    let child: web_sys::Node = match node {
        Md::Text(t) => doc.create_text_node(t).into(),
        Md::El(name, attrs, kids) => {
            let Ok(el) = doc.create_element(name) else { return };
            for (k, v) in attrs {
                let _ = el.set_attribute(k, v);
            }
            for k in kids {
                append(doc, &el, k);
            }
            el.into()
        }
    };
    let _ = parent.append_child(&child);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as HTML, for reading in assertions (text escaped).
    fn html(nodes: &[Md]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Md::Text(t) => t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"),
                Md::El(name, attrs, kids) => {
                    let a: String = attrs.iter().map(|(k, v)| format!(" {k}=\"{}\"", v.replace('"', "&quot;"))).collect();
                    format!("<{name}{a}>{}</{name}>", html(kids))
                }
            })
            .collect()
    }

    fn md(s: &str) -> String {
        html(&parse(s))
    }

    #[test]
    fn github_flavoured_markdown() {
        assert_eq!(md("**bold** and _em_ and `code`"), "<p><strong>bold</strong> and <em>em</em> and <code>code</code></p>");
        assert_eq!(md("- one\n- two"), "<ul><li>one</li><li>two</li></ul>");
        assert_eq!(md("3. three\n4. four"), "<ol start=\"3\"><li>three</li><li>four</li></ol>");
        assert_eq!(md("~~old~~"), "<p><del>old</del></p>");
        assert_eq!(
            md("- [x] done"),
            "<ul><li><input type=\"checkbox\" disabled=\"\" aria-label=\"Done\" checked=\"\"></input>done</li></ul>"
        );
        assert_eq!(md("| a | b |\n|---|---|\n| 1 | 2 |"), "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>");
        assert_eq!(md("```\nx < y\n```"), "<pre><code>x &lt; y\n</code></pre>");
        assert_eq!(
            md("[docs](https://example.com/d)"),
            "<p><a href=\"https://example.com/d\" target=\"_blank\" rel=\"noopener noreferrer\">docs</a></p>"
        );
        assert_eq!(md("[home](/catalog)"), "<p><a href=\"/catalog\">home</a></p>");
        assert_eq!(md("<a@b.io>"), "<p><a href=\"mailto:a@b.io\">a@b.io</a></p>");
        assert_eq!(md("![logo](https://x.io/l.png)"), "<p><img src=\"https://x.io/l.png\" alt=\"logo\" loading=\"lazy\"></img></p>");
    }

    #[test]
    fn hostile_markdown_stays_inert() {
        // A script link keeps its text and loses its target.
        assert_eq!(md("[x](javascript:alert(1))"), "<p>x</p>");
        assert_eq!(md("[x](JaVaScRiPt:alert(1))"), "<p>x</p>");
        assert_eq!(md("[x](//evil.example/p)"), "<p>x</p>");
        // An autolink to a data: URL is not a link.
        assert!(!md("<data:text/html,hello>").contains("<a"));
        // Raw HTML is text, not elements.
        assert_eq!(md("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(md("a <b onmouseover=alert(1)>b</b>"), "<p>a &lt;b onmouseover=alert(1)&gt;b&lt;/b&gt;</p>");
        // Images only from the web.
        assert_eq!(md("![t](data:image/png;base64,AAAA)"), "<p>t</p>");
        assert_eq!(md("![t](javascript:alert(1))"), "<p>t</p>");
    }
}
