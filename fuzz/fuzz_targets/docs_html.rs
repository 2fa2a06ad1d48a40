//! The TechDocs HTML pipeline on any page: what it emits can never run script.
//! Every output is parsed again as a browser would and checked: no script-capable
//! element, no event handler or `style` attribute, no URL outside http(s),
//! mailto, the portal's own paths and raster data images.
#![no_main]
use libfuzzer_sys::fuzz_target;
use scraper::{Html, Node};
use stagedoor::docs::links::DocsLocation;
use stagedoor::docs::page::read_page;

const BANNED_ELEMENTS: [&str; 16] =
    ["script", "style", "iframe", "frame", "object", "embed", "base", "meta", "link", "form", "svg", "math", "template", "noscript", "applet", "frameset"];
const URL_ATTRIBUTES: [&str; 8] = ["href", "src", "srcset", "action", "formaction", "xlink:href", "cite", "poster"];

fn check(html: &str, what: &str) {
    let doc = Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Node::Element(e) = node.value() else { continue };
        let name = e.name().to_ascii_lowercase();
        assert!(!BANNED_ELEMENTS.contains(&name.as_str()), "{what}: <{name}> in {html}");
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on") && attr != "style" && attr != "srcdoc", "{what}: {attr}= in {html}");
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                let v: String = value.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
                let safe = v.starts_with("http://") || v.starts_with("https://") || v.starts_with("mailto:") || (v.starts_with('/') && !v.starts_with("//")) || v.starts_with('#')
                    || (name == "img" && attr == "src" && v.starts_with("data:image/") && !v.starts_with("data:image/svg"));
                assert!(safe, "{what}: {attr}={value:?} in {html}");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let at = DocsLocation {
        static_base: "http://127.0.0.1:7007/api/techdocs/static/docs/default/component/x/".into(),
        portal_base: "/docs/default/component/x/".into(),
        page_path: "a/b/".into(),
        allowed_hosts: vec![],
    };
    // As a whole page, and as an article on its own.
    let page = read_page(html, &at);
    check(&page.content_html, "page");
    let wrapped = format!("<article class=\"md-content__inner\">{html}</article>");
    check(&read_page(&wrapped, &at).content_html, "article");
    for item in page.nav.iter().chain(page.toc.iter()) {
        if let Some(h) = &item.href {
            assert!(h.starts_with('/') && !h.starts_with("//"), "nav href {h:?}");
        }
    }
});
