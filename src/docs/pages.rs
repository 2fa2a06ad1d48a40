//! Docs pages as the reader shows them, fetched and read once per session: a
//! prefetch (the page's neighbours, a link pointed at) and the click that follows
//! share one request and one parse. Failures and "not built yet" are not kept.
//! (The one browser-side part of `docs`: it calls the backend.)

use std::cell::RefCell;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use crate::api::{ApiError, Backend};
use crate::docs::in_browser;
use crate::docs::links::DocsLocation;
use crate::docs::page::{read_page, DocsPage, NavItem};
use crate::model::entity_ref::EntityRef;
use crate::shell::routes::Route;

/// A page's article as read: the browser's own sanitized nodes, or sanitized
/// HTML where the browser has no Sanitizer API (`docs::in_browser`).
#[derive(Clone, Debug, PartialEq)]
pub enum Article {
    Nodes(web_sys::Element),
    Html(String),
}

/// Why a page cannot be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum PageError {
    /// What the backend answered (down, 401, 500, …).
    Backend(ApiError),
    /// The reader for browsers without the Sanitizer API is a chunk of its own,
    /// and it could not be fetched.
    Code,
}

/// `Ok(None)`: the site has no such page (yet: the first build may be running).
pub type PageResult = Result<Option<DocsPage<Article>>, PageError>;

// html5ever and ammonia (330 KB gzip) are fetched only where the browser cannot
// read the page itself (`docs::in_browser`).
crate::split_code!(docs_markup, markup_reader, fn(&str, &DocsLocation) -> DocsPage, read_page);
type Fetch = Shared<LocalBoxFuture<'static, Result<String, ApiError>>>;

/// Enough for a reader moving back and forth in a site; big pages are rare.
const KEPT_PAGES: usize = 12;

thread_local! {
    /// Pages fetched or being fetched, newest last.
    static FETCHED: RefCell<Vec<(String, Fetch)>> = const { RefCell::new(Vec::new()) };
    /// Pages read (parsed and sanitized), newest last.
    static READ: RefCell<Vec<(String, DocsPage<Article>)>> = const { RefCell::new(Vec::new()) };
}

fn keep<T>(list: &mut Vec<(String, T)>, key: String, value: T) {
    list.retain(|(k, _)| *k != key);
    list.push((key, value));
    if list.len() > KEPT_PAGES {
        drop(list.remove(0));
    }
}

/// Where a page of an entity's docs lives, on the backend and in the portal.
pub fn location(backend: &Backend, entity: &EntityRef, path: &str, allowed_hosts: &[String]) -> DocsLocation {
    DocsLocation {
        static_base: backend.techdocs_static_base(entity),
        portal_base: format!("{}/", Route::DocsPage { entity: entity.clone(), path: String::new() }.href()),
        page_path: path.to_string(),
        allowed_hosts: allowed_hosts.to_vec(),
    }
}

/// The page's HTML: one request per page, shared by whoever asks meanwhile.
async fn fetch(backend: &Backend, entity: &EntityRef, path: &str) -> Result<String, ApiError> {
    let key = format!("{}{path}", backend.techdocs_static_base(entity));
    let found = FETCHED.with(|f| f.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
    let fetch = found.unwrap_or_else(|| {
        let (backend, entity, path) = (backend.clone(), entity.clone(), path.to_string());
        let fetch = async move { backend.techdocs_page(&entity, &path).await }.boxed_local().shared();
        FETCHED.with(|f| keep(&mut f.borrow_mut(), key.clone(), fetch.clone()));
        fetch
    });
    let result = fetch.await;
    if result.is_err() {
        FETCHED.with(|f| f.borrow_mut().retain(|(k, _)| *k != key));
    }
    result
}

/// The page, read and sanitized, from this session's pages when there.
/// `preview`: for the page on screen, a long page may come as its beginning,
/// completed in place once on screen (`in_browser`).
pub async fn load(backend: &Backend, entity: &EntityRef, path: &str, allowed_hosts: &[String], preview: bool) -> PageResult {
    let at = location(backend, entity, path, allowed_hosts);
    let key = format!("{}{}", at.static_base, at.page_path);
    if let Some(page) = READ.with(|r| r.borrow().iter().find(|(k, _)| *k == key).map(|(_, p)| p.clone())) {
        return Ok(Some(page));
    }
    let page = match fetch(backend, entity, path).await {
        Ok(html) => match in_browser::read_page(&html, &at, preview, remember_whole_toc(key.clone())).await {
            Some(page) => page.with_content(Article::Nodes),
            None => markup_reader().await.map_err(|_| PageError::Code)?(&html, &at).with_content(Article::Html),
        },
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(PageError::Backend(e)),
    };
    READ.with(|r| keep(&mut r.borrow_mut(), key, page.clone()));
    Ok(Some(page))
}

/// Where a preview's whole table of contents goes once read: into the page
/// kept under `key`, if that is still the one it was read for, so that a later
/// visit shows all of it.
fn remember_whole_toc(key: String) -> impl FnOnce(&web_sys::Element, Vec<NavItem>) {
    move |shown, toc| {
        READ.with(|r| {
            let mut r = r.borrow_mut();
            if let Some((_, page)) = r.iter_mut().find(|(k, p)| *k == key && p.content == Article::Nodes(shown.clone())) {
                page.toc = toc;
            }
        });
    }
}

/// Starts fetching a page the reader may open next (the network only: reading
/// it waits for `prefetch_read` or the click).
pub fn prefetch_fetch(backend: &Backend, entity: &EntityRef, path: &str) {
    let (backend, entity, path) = (backend.clone(), entity.clone(), path.to_string());
    leptos::task::spawn_local(async move {
        let _ = fetch(&backend, &entity, &path).await;
    });
}

/// Fetches and reads a page the reader is about to open.
pub fn prefetch_read(backend: &Backend, entity: &EntityRef, path: &str, allowed_hosts: &[String]) {
    let (backend, entity, path, hosts) = (backend.clone(), entity.clone(), path.to_string(), allowed_hosts.to_vec());
    leptos::task::spawn_local(async move {
        let _ = load(&backend, &entity, &path, &hosts, false).await;
    });
}

/// Drops a site's pages (a newer build replaced them).
pub fn forget_site(backend: &Backend, entity: &EntityRef) {
    let base = backend.techdocs_static_base(entity);
    FETCHED.with(|f| f.borrow_mut().retain(|(k, _)| !k.starts_with(&base)));
    READ.with(|r| r.borrow_mut().retain(|(k, _)| !k.starts_with(&base)));
}
