//! The signed-in user's starred entities. Kept on the backend when it has the
//! user-settings plugin, so they follow the user to every browser (and
//! Backstage's own frontend shows the same stars); in local storage per backend
//! otherwise. The browser's copy is shown at once and doubles as a cache.

mod server;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::Backend;
use crate::browser::local_storage;
use crate::catalog::starred::{self, SaveQueue};

/// Where the stars are kept, for the page to say.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptIn {
    /// Not known yet: the backend is being asked.
    Checking,
    /// On the backend: every browser the user signs in with.
    Server,
    /// In this browser: the backend has no user-settings plugin.
    Browser,
    /// In this browser for now: the backend could not read or save them.
    BrowserAfterError(String),
}

#[derive(Clone, Copy)]
pub struct Stars {
    pub refs: RwSignal<Vec<String>>,
    pub kept_in: RwSignal<KeptIn>,
    /// The rest, in one stored value: each type stored adds code to the first load.
    keeping: StoredValue<Keeping>,
}

#[derive(Default)]
struct Keeping {
    /// Local storage keys: the browser's copy, and the user whose server stars
    /// it mirrors (absent while the copy holds stars no server has).
    key: String,
    mirror_key: String,
    /// The backend and user the stars are saved for, once read from there.
    server: Option<(Backend, String)>,
    /// The backend and user of the last sign-in, for "Try again".
    signed_in: Option<(Backend, String)>,
    queue: SaveQueue,
}

impl Stars {
    pub fn load(backend_base: &str) -> Self {
        let key = format!("stagedoor:starred@{backend_base}");
        let stored = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        let mirror_key = format!("stagedoor:starred-mirrors@{backend_base}");
        Self {
            refs: RwSignal::new(starred::parse(stored.as_deref())),
            kept_in: RwSignal::new(KeptIn::Checking),
            keeping: StoredValue::new(Keeping { key, mirror_key, ..Keeping::default() }),
        }
    }

    pub fn is_starred(&self, canonical_ref: &str) -> bool {
        self.refs.with(|r| r.iter().any(|x| x == canonical_ref))
    }

    pub fn toggle(&self, canonical_ref: &str) {
        self.refs.update(|r| {
            starred::toggle(r, canonical_ref);
        });
        self.keep_copy();
        if self.keeping.with_value(|k| k.server.is_some()) {
            server::save(*self);
        } else {
            // The copy now holds a change no server has: merge it in later.
            self.set_mirror(None);
        }
    }

    /// After sign-in: asks the backend for the user's stars when it keeps them.
    /// In the first load, not a chunk: the catalog asks for it at once after
    /// sign-in, and as a chunk it fetched 33 KB gzip of shared code with it.
    pub fn sync(self, backend: Backend, user: String) {
        self.keeping.update_value(|k| k.signed_in = Some((backend.clone(), user.clone())));
        spawn_local(server::sync(self, backend, user));
    }

    /// Reads and saves again after a failure.
    pub fn retry(&self) {
        if let Some((backend, user)) = self.keeping.with_value(|k| k.signed_in.clone()) {
            self.kept_in.set(KeptIn::Checking);
            self.sync(backend, user);
        }
    }

    fn keep_copy(&self) {
        if let Some(s) = local_storage() {
            let _ = self.keeping.with_value(|k| s.set_item(&k.key, &starred::serialize(&self.refs.get_untracked())));
        }
    }

    fn mirror(&self) -> Option<String> {
        local_storage().and_then(|s| self.keeping.with_value(|k| s.get_item(&k.mirror_key)).ok().flatten())
    }

    fn set_mirror(&self, user: Option<&str>) {
        if let Some(s) = local_storage() {
            let _ = self.keeping.with_value(|k| match user {
                Some(u) => s.set_item(&k.mirror_key, u),
                None => s.remove_item(&k.mirror_key),
            });
        }
    }
}
