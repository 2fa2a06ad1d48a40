//! The browser reads a docs page itself where it can: `Document.parseHTML` with
//! the HTML Sanitizer API parses the page once, natively, keeping only what
//! `page`'s allowlist names (and never a script, a handler or a `javascript:` URL,
//! whatever the list says); links and ids are rewritten on that tree by `links`,
//! and the article goes into the portal as nodes, never parsed again. For a 1 MB
//! page this is the difference between one native parse and two html5ever parses
//! plus the browser's own. Browsers without the API read the page with
//! `page::read_page` (html5ever and ammonia), as before.
//!
//! A long page shows its beginning first, read as the browser shows a page still
//! arriving (the text up to a little past the article's start, parsed alone:
//! what is in it is what the whole page holds there); the whole page is read
//! once that is on screen, and its article takes the beginning's place.
//!
//! The DOM work is `in_browser.js`, fetched with the docs page (the boot script's
//! `window.__stagedoorImport`): DOM calls made from Rust would each add an import
//! to the first load's main module. Rust keeps the rules: the allowlist, where
//! each URL points, reading the navigation.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use crate::docs::links::DocsLocation;
use crate::docs::page::{self, DocsPage, ListPath, Markup, NavItem};

/// An element of the navigation or the table of contents as the script hands it over.
#[derive(Clone, Debug, Deserialize)]
pub struct MarkupNode {
    name: String,
    classes: String,
    href: Option<String>,
    text: String,
    children: Vec<MarkupNode>,
}

impl Markup for MarkupNode {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn has_class(&self, class: &str) -> bool {
        self.classes.split_ascii_whitespace().any(|c| c == class)
    }
    fn attr(&self, name: &str) -> Option<String> {
        (name == "href").then(|| self.href.clone()).flatten()
    }
    fn text(&self) -> String {
        page::collapse_whitespace(&self.text)
    }
    fn child_elements(&self) -> Vec<Self> {
        self.children.clone()
    }
}

/// What `parse` found: the page's title, its navigation and table of contents,
/// and every URL or id of the article as `[element, attribute, value]`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Parsed {
    title: String,
    title_from_heading: bool,
    nav: Option<MarkupNode>,
    toc: Option<MarkupNode>,
    urls: Vec<(String, String, String)>,
}

/// Ordinary HTML elements outside the allowlist whose text is kept (the rest,
/// scripts, styles, forms, embedded content, go with what they hold).
const UNWRAPPED: &[&str] = &[
    "main", "section", "label", "button", "font", "big", "address", "search", "menu", "dialog", "fieldset", "legend", "output", "meter",
    "progress", "picture", "slot", "nobr", "marquee", "blink",
];

/// Pages this long (the 3 MB mkdocs writes around a 1 MB document) show their
/// beginning first…
const PREVIEW_FROM: usize = 512 * 1024;
/// …the text up to this far past the article's start: several screens, parsed
/// in a few tens of milliseconds.
const PREVIEW_BYTES: usize = 128 * 1024;

/// Blocks per part of a long article: the page's style lays out only the parts
/// on screen (`content-visibility`), and a few hundred parts cost the browser far
/// less to skip than thousands of blocks.
const BLOCKS_PER_PART: u32 = 40;

/// Parts a long article shows in its first frame; the rest follow in steps of a
/// few milliseconds (`inSteps` in the script), like…
const FIRST_PARTS: u32 = 2;
/// …the entries of a long table of contents after its first ones.
const TOC_STEP: usize = 150;

/// The script's settings: the Sanitizer's configuration from `page`'s allowlist
/// (the document's own structure kept, so the article can be found in it), and
/// where the article, navigation and table of contents stand.
fn settings() -> String {
    let mut elements: Vec<serde_json::Value> = page::ALLOWED_ELEMENTS
        .iter()
        .map(|name| {
            let own = page::ALLOWED_ELEMENT_ATTRIBUTES.iter().find(|(e, _)| e == name).map(|(_, a)| *a).unwrap_or(&[]);
            serde_json::json!({ "name": name, "attributes": own })
        })
        .collect();
    elements.extend(["html", "head", "body", "title"].map(|n| serde_json::json!(n)));
    let mut url_attributes = page::URL_ATTRIBUTES.to_vec();
    url_attributes.push("id");
    serde_json::json!({
        "sanitizer": {
            "elements": elements,
            "replaceWithChildrenElements": UNWRAPPED,
            "attributes": page::ALLOWED_ATTRIBUTES,
            "comments": false,
            "dataAttributes": false,
        },
        // Pages without an article are left to ammonia.
        "article": &page::ARTICLE[..2],
        "nav": page::NAV,
        "toc": page::TOC,
        "linkClass": page::NAV_LINK,
        "skipClass": page::NAV_NESTED_TOC,
        "urlAttributes": url_attributes,
        "urlSelector": url_attributes.iter().map(|a| format!("[{a}]")).collect::<Vec<_>>().join(","),
        "remove": format!(".{}", page::ARTICLE_BUTTONS),
        "rel": page::LINK_REL,
        "copy": copy_button(),
    })
    .to_string()
}

/// The copy button put before each code block (`reader`'s click listener finds
/// it by its first class).
fn copy_button() -> serde_json::Value {
    serde_json::json!({ "class": "docs-copy button small secondary", "label": "Copy code", "text": "Copy" })
}

thread_local! {
    static SCRIPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// `in_browser.js`, fetched once (the build puts it beside the wasm as
/// `docs-read.js`); `None` without the boot script or when it cannot load.
async fn script() -> Option<JsValue> {
    if let Some(s) = loaded() {
        return Some(s);
    }
    let import = crate::browser::boot_function("__stagedoorImport")?;
    let loading: Promise = import.call1(&JsValue::NULL, &"docs-read.js".into()).ok()?.dyn_into().ok()?;
    let s = JsFuture::from(loading).await.ok()?;
    SCRIPT.with(|slot| *slot.borrow_mut() = Some(s.clone()));
    Some(s)
}

fn call(script: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = Reflect::get(script, &name.into()).ok()?.dyn_into().ok()?;
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).ok()
}

/// Reads a TechDocs page with the browser's parser and sanitizer; `None` when
/// the browser has no Sanitizer API, when the page has no article, or when the
/// config lets frames in (the browser's safe parsing never keeps one): the caller
/// then reads it with `page::read_page`. The article comes as a `<div>` of an
/// inert document holding its nodes, which the reader moves into the page (and
/// again on a later visit). `preview`: a long page may come as its beginning,
/// completed in place once it is on screen.
pub async fn read_page(html: &str, at: &DocsLocation, preview: bool) -> Option<DocsPage<Element>> {
    if !at.allowed_hosts.is_empty() {
        return None;
    }
    let script = script().await?;
    if let Some(end) = preview.then(|| preview_end(html)).flatten() {
        if let Some(page) = read(&script, &html[..end], at, Reading::Beginning) {
            let (whole, at, shown) = (html.to_string(), at.clone(), page.content.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(painted) = call(&script, "afterShown", &[shown.clone().into()]) {
                    let _ = JsFuture::from(Promise::from(painted)).await;
                }
                let article = read(&script, &whole, &at, Reading::Article).map_or(JsValue::NULL, |p| p.content.into());
                let failed = "The rest of this page could not be read.";
                call(&script, "complete", &[shown.into(), article, failed.into(), FIRST_PARTS.into()]);
            });
            return Some(page);
        }
    }
    read(&script, html, at, Reading::Whole)
}

/// Where a long page's beginning ends; `None` for a page read whole at once.
/// The article's start found in the text is a hint only: `parse` checks what
/// the beginning holds.
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

/// What a reading of a page's text is for (`parse` in `in_browser.js`).
#[derive(Clone, Copy)]
enum Reading {
    Whole,
    /// The page's beginning, for a preview.
    Beginning,
    /// The whole page for its article alone: the preview had the rest.
    Article,
}

fn read(script: &JsValue, html: &str, at: &DocsLocation, reading: Reading) -> Option<DocsPage<Element>> {
    let reading = match reading {
        Reading::Whole => "whole",
        Reading::Beginning => "beginning",
        Reading::Article => "article",
    };
    let parsed = call(script, "parse", &[html.into(), settings().into(), reading.into()])?.as_string()?;
    let parsed: Parsed = serde_json::from_str(&parsed).ok()?;
    let values: Vec<Option<String>> = parsed.urls.iter().map(|(e, a, v)| page::rewritten(e, a, v, at)).collect();
    let values = serde_json::to_string(&values).ok()?;
    let content: Element =
        call(script, "finish", &[values.into(), BLOCKS_PER_PART.into(), "docs-body".into(), "docs-part".into()])?.unchecked_into();
    let title = page::collapse_whitespace(&parsed.title);
    let title = if parsed.title_from_heading { page::heading_title(&title) } else { title };
    let nav = parsed.nav.map(|ul| page::nav_items(&ul, at)).unwrap_or_default();
    let toc = parsed.toc.map(|ul| page::nav_items(&ul, at)).unwrap_or_default();
    Some(DocsPage { title, content, nav, toc })
}

/// The script, if a page was read with it.
fn loaded() -> Option<JsValue> {
    SCRIPT.with(|s| s.borrow().clone())
}

/// Puts an article this module read into `into`: a long one's first parts now,
/// the rest in steps; all of it at once with `at_once` (a link to a heading).
pub fn show(into: &Element, article: &Element, at_once: bool) {
    let first = if at_once { u32::MAX } else { FIRST_PARTS };
    if loaded().and_then(|s| call(&s, "show", &[into.into(), article.into(), first.into()])).is_none() {
        let _ = into.append_child(article);
    }
}

/// A table of contents as `nav_html`, or where the script can add the rest
/// after the first frame (`toc_rest`), its first entries and the rest's pieces.
pub fn toc_html(items: &[NavItem], label: &str) -> (String, Vec<(ListPath, String)>) {
    match loaded() {
        Some(_) => page::nav_html_in_steps(items, label, TOC_STEP),
        None => (page::nav_html(items, label), vec![]),
    }
}

/// Adds the rest of a table of contents (`toc_html`) to the one in `nav`.
pub fn toc_rest(nav: &Element, pieces: &[(ListPath, String)]) {
    if let (Some(s), false) = (loaded(), pieces.is_empty()) {
        call(&s, "listInSteps", &[nav.into(), serde_json::to_string(pieces).unwrap_or_default().into()]);
    }
}

/// A "Copy" button on every code block of an article read by `page::read_page`
/// (the browser's reading adds them itself).
pub async fn add_copy_buttons(article: &Element) {
    if let Some(script) = script().await {
        call(&script, "copyButtons", &[article.into(), copy_button().to_string().into()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
