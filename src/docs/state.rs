//! What the docs reader keeps beyond one page, for the whole session
//! (`DocsState::session()`, a service of the docs chunk, so the first load does not
//! carry it): each site's build check, shared by its pages; when the cookie images
//! need was fetched; the documented entities' titles and owners. And a page's view
//! of its site's build (`SiteBuild`): started here, or followed when another page
//! of the site started it.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::techdocs::SyncEvent;
use crate::api::Backend;
use crate::browser::sleep;
use crate::model::entity_ref::EntityRef;

/// Where the docs build stands, as a page shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Build {
    Running,
    Done,
    Failed(String),
}

/// A site's build check in this session: one per site, shared by its pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Check {
    Running,
    Done,
}

/// How long a build may take before the page says so instead of spinning.
const BUILD_TIMEOUT_MS: u64 = 120_000;
/// The cookie lives as long as the Backstage token; fetch it again well before.
const COOKIE_REFRESH_MS: f64 = 10.0 * 60_000.0;

#[derive(Default)]
struct Memory {
    /// Site (entity ref) → its check: moving between a site's pages starts no new
    /// build check; a page opened while one runs waits for it.
    checks: HashMap<String, Check>,
    /// When the `backstage-auth` cookie was last fetched (ms since the epoch).
    cookie_at: f64,
    /// Site → the entity's title and owner.
    about: HashMap<String, (String, Option<EntityRef>)>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::default();
}

/// The docs reader's session memory: a handle to the one memory every docs page
/// of this session shares.
#[derive(Clone, Copy)]
pub struct DocsState;

impl DocsState {
    /// The memory of this session.
    pub fn session() -> Self {
        DocsState
    }

    fn with<R>(&self, f: impl FnOnce(&mut Memory) -> R) -> R {
        MEMORY.with(|m| f(&mut m.borrow_mut()))
    }

    pub fn check(&self, site: &str) -> Option<Check> {
        self.with(|m| m.checks.get(site).copied())
    }

    fn set_check(&self, site: &str, check: Check) {
        self.with(|m| m.checks.insert(site.to_string(), check));
    }

    /// A check that did not finish is forgotten, so the next page checks again.
    fn forget_unfinished(&self, site: &str) {
        self.with(|m| {
            if m.checks.get(site) == Some(&Check::Running) {
                m.checks.remove(site);
            }
        });
    }

    /// Gets the cookie images and downloads need, unless it is fresh. Best effort:
    /// without it only images and downloads fail, the text still shows.
    pub async fn ensure_cookie(&self, backend: &Backend) {
        let now = js_sys::Date::now();
        if now - self.with(|m| m.cookie_at) > COOKIE_REFRESH_MS && backend.techdocs_cookie().await.is_ok() {
            self.with(|m| m.cookie_at = now);
        }
    }

    /// The documented entity's title and owner, read once per session; `None`
    /// when it cannot be read (the header then names the entity by its ref).
    pub async fn about(&self, backend: &Backend, site: &str) -> Option<(String, Option<EntityRef>)> {
        if let Some(a) = self.with(|m| m.about.get(site).cloned()) {
            return Some(a);
        }
        let fields = ["kind", "metadata.name", "metadata.namespace", "metadata.title", "spec.owner"];
        let e = backend.entities_by_refs(&[site.to_string()], &fields).await.ok()?.into_iter().next()??;
        let a = (e.display_name().to_string(), e.owner());
        self.with(|m| m.about.insert(site.to_string(), a.clone()));
        Some(a)
    }
}

/// What the page shows when its site's build check ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OnScreen {
    /// The page is still being fetched and read.
    Reading,
    Page,
    /// Not found (not built yet) or an error.
    NoPage,
}

impl OnScreen {
    /// Whether the page must be read again once the check has ended: when none is
    /// shown, unless it is being read and the docs were already up to date (that
    /// read gets the current version; reading again would parse the page twice).
    pub fn read_again(self, updated: bool) -> bool {
        match self {
            OnScreen::Page => false,
            OnScreen::Reading => updated,
            OnScreen::NoPage => true,
        }
    }
}

/// One page's view of its site's build: the state, the build log as it comes, and
/// whether a build replaced the version on screen.
#[derive(Clone, Copy)]
pub struct SiteBuild {
    pub build: RwSignal<Build>,
    pub log: RwSignal<Vec<String>>,
    pub stale: RwSignal<bool>,
}

impl SiteBuild {
    /// Asks the backend to build the site if its docs are out of date, following
    /// the build's log. When it ends, `refetch` reads the page again if none is
    /// shown (`OnScreen::read_again`), or the page is marked stale if a newer
    /// version was built.
    pub fn start(
        self,
        backend: &Backend,
        entity: &EntityRef,
        state: &DocsState,
        on_screen: impl Fn() -> OnScreen + 'static,
        refetch: impl Fn() + 'static,
    ) {
        let Self { build, log, stale } = self;
        let (backend, entity, state, site) = (backend.clone(), entity.clone(), *state, entity.canonical());
        build.set(Build::Running);
        log.set(vec![]);
        state.set_check(&site, Check::Running);
        spawn_local(async move {
            let result = backend
                .sync_techdocs(&entity, |e| match e {
                    SyncEvent::Log(line) => drop(log.try_update(|l| l.push(line))),
                    SyncEvent::Finish { updated } => {
                        state.set_check(&site, Check::Done);
                        let _ = build.try_set(Build::Done);
                        let shows = on_screen();
                        if shows.read_again(updated) {
                            refetch();
                        } else if updated && shows == OnScreen::Page {
                            let _ = stale.try_set(true);
                        }
                    }
                    SyncEvent::Error(message) => drop(build.try_set(Build::Failed(message))),
                })
                .await;
            if let Err(e) = result {
                let _ = build.try_set(Build::Failed(e.user_message()));
            } else if build.try_get_untracked() == Some(Build::Running) {
                let _ = build.try_set(Build::Failed("The backend ended the docs build without saying whether it worked.".into()));
            }
            state.forget_unfinished(&site);
        });
        set_timeout(
            move || {
                if build.try_get_untracked() == Some(Build::Running) {
                    let _ =
                        build.try_set(Build::Failed(format!("The docs build did not finish within {} seconds.", BUILD_TIMEOUT_MS / 1000)));
                }
            },
            std::time::Duration::from_millis(BUILD_TIMEOUT_MS),
        );
    }

    /// Waits for the check another page of the site started: done → read the page
    /// if none is shown; given up → `start_own` checks again from this page.
    pub fn follow(
        self,
        state: DocsState,
        site: String,
        on_screen: impl Fn() -> OnScreen + 'static,
        refetch: impl Fn() + 'static,
        start_own: impl Fn() + 'static,
    ) {
        let build = self.build;
        spawn_local(async move {
            loop {
                sleep(300).await;
                if build.try_get_untracked().is_none() {
                    return; // the page is gone
                }
                match state.check(&site) {
                    Some(Check::Running) => continue,
                    Some(Check::Done) => {
                        build.set(Build::Done);
                        // Whether that check built anything is not known here.
                        if on_screen().read_again(true) {
                            refetch();
                        }
                    }
                    None => start_own(),
                }
                return;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::OnScreen;

    #[test]
    fn a_page_being_read_is_read_again_only_when_a_build_changed_the_docs() {
        // Up to date: the read under way gets the current version (one parse, not two).
        assert!(!OnScreen::Reading.read_again(false));
        // Built now: the read under way may have asked before the build, and got a 404.
        assert!(OnScreen::Reading.read_again(true));
        assert!(OnScreen::NoPage.read_again(false));
        assert!(!OnScreen::Page.read_again(true));
    }
}
