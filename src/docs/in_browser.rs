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
//! arriving (`beginning`: the text up to a little past the article's start, with
//! the first screens of its table of contents, parsed alone: what is in it is
//! what the whole page holds there); the whole page is read once that is on
//! screen, and its article and table of contents take the beginning's place.
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

use crate::docs::beginning;
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
    /// `toc` holds the first entries only (`TOC_HANDED_FIRST`).
    #[serde(default)]
    toc_partial: bool,
    urls: Vec<(String, String, String)>,
}

/// Ordinary HTML elements outside the allowlist whose text is kept (the rest,
/// scripts, styles, forms, embedded content, go with what they hold).
const UNWRAPPED: &[&str] = &[
    "main", "section", "label", "button", "font", "big", "address", "search", "menu", "dialog", "fieldset", "legend", "output", "meter",
    "progress", "picture", "slot", "nobr", "marquee", "blink",
];

/// Blocks per part of a long article: the page's style lays out only the parts
/// on screen (`content-visibility`), and a few hundred parts cost the browser far
/// less to skip than thousands of blocks.
const BLOCKS_PER_PART: u32 = 40;

/// Parts a long article shows in its first frame; the rest follow in steps of a
/// few milliseconds (`inSteps` in the script), like…
const FIRST_PARTS: u32 = 2;
/// …the entries of a long table of contents after its first ones.
const TOC_STEP: usize = 150;
/// Entries of a preview's table of contents read with its beginning: the first
/// `TOC_STEP` and what `nav_html_in_steps` adds to them (the first entry of each
/// list they open, mkdocs nesting at most six deep). The rest is read with the
/// whole page once the beginning is on screen.
const TOC_HANDED_FIRST: usize = TOC_STEP + 10;

/// The reader's layout and its table of contents (`reader`'s classes), where
/// the rest of a preview's table of contents goes.
pub const LAYOUT_CLASS: &str = "docs-layout";
pub const TOC_CLASS: &str = "docs-toc";

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
        "tocFirst": TOC_HANDED_FIRST,
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
/// completed in place once it is on screen; its table of contents may then come
/// with its first entries only, and `whole_toc` is handed the whole list (with
/// the article's `div`) once it is read.
pub async fn read_page(
    html: &str,
    at: &DocsLocation,
    preview: bool,
    whole_toc: impl FnOnce(&Element, Vec<NavItem>) + 'static,
) -> Option<DocsPage<Element>> {
    if !at.allowed_hosts.is_empty() {
        return None;
    }
    let script = script().await?;
    if let Some(first) = preview.then(|| beginning::beginning(html, TOC_HANDED_FIRST)).flatten() {
        if let Some((mut page, toc_partial)) = read(&script, &first.text, at, Reading::Beginning) {
            let toc_partial = toc_partial || first.toc_cut;
            // Its first screens exactly as the whole list's would be, so that
            // the rest's pieces fit (`nav_html_in_steps`).
            if toc_partial {
                page.toc = page::nav_html_first_entries(&page.toc, TOC_STEP);
            }
            let (whole, at, shown) = (html.to_string(), at.clone(), page.content.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(painted) = call(&script, "afterShown", &[shown.clone().into()]) {
                    let _ = JsFuture::from(Promise::from(painted)).await;
                }
                let rest = read(&script, &whole, &at, Reading::Rest { toc: toc_partial });
                let failed = "The rest of this page could not be read.";
                let article = rest.as_ref().map_or(JsValue::NULL, |(p, _)| p.content.clone().into());
                call(&script, "complete", &[shown.clone().into(), article, failed.into(), FIRST_PARTS.into()]);
                if let Some((p, _)) = rest.filter(|_| toc_partial) {
                    complete_toc(&script, &shown, p.toc, whole_toc);
                }
            });
            return Some(page);
        }
    }
    read(&script, html, at, Reading::Whole).map(|(page, _)| page)
}

/// Hands a preview's whole table of contents to `whole_toc`, and adds what its
/// beginning lacked to the list on screen, in steps.
fn complete_toc(script: &JsValue, shown: &Element, toc: Vec<NavItem>, whole_toc: impl FnOnce(&Element, Vec<NavItem>)) {
    let (_, rest) = page::nav_html_in_steps(&toc, "", TOC_STEP);
    whole_toc(shown, toc);
    if !rest.is_empty() {
        call(script, "tocInSteps", &[shown.into(), LAYOUT_CLASS.into(), TOC_CLASS.into(), pieces_json(&rest).into()]);
    }
}

/// What a reading of a page's text is for (`parse` in `in_browser.js`).
#[derive(Clone, Copy)]
enum Reading {
    Whole,
    /// The page's beginning, for a preview.
    Beginning,
    /// The whole page for what a preview's beginning lacked: its article, and
    /// its table of contents if the beginning had its first entries only.
    Rest {
        toc: bool,
    },
}

/// The page, and whether its table of contents holds its first entries only
/// (a preview's, which `parse` read to its `tocFirst` entries).
fn read(script: &JsValue, html: &str, at: &DocsLocation, reading: Reading) -> Option<(DocsPage<Element>, bool)> {
    let reading = match reading {
        Reading::Whole => "whole",
        Reading::Beginning => "beginning",
        Reading::Rest { toc: false } => "article",
        Reading::Rest { toc: true } => "article-toc",
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
    Some((DocsPage { title, content, nav, toc }, parsed.toc_partial))
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
        call(&s, "listInSteps", &[nav.into(), pieces_json(pieces).into()]);
    }
}

fn pieces_json(pieces: &[(ListPath, String)]) -> String {
    serde_json::to_string(pieces).unwrap_or_default()
}

/// A "Copy" button on every code block of an article read by `page::read_page`
/// (the browser's reading adds them itself).
pub async fn add_copy_buttons(article: &Element) {
    if let Some(script) = script().await {
        call(&script, "copyButtons", &[article.into(), copy_button().to_string().into()]);
    }
}
