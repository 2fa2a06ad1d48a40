//! The signed-in user's starred entities. Kept on the backend when it has the
//! user-settings plugin, so they follow the user to every browser (and
//! Backstage's own frontend shows the same stars); in local storage per backend
//! otherwise. The browser's copy is shown at once and doubles as a cache.

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
    key: StoredValue<String>,
    /// Names the user whose server stars the browser's copy mirrors; absent
    /// while the copy holds stars no server has.
    mirror_key: StoredValue<String>,
    /// The backend and user the stars are saved for, once read from there.
    server: StoredValue<Option<(Backend, String)>>,
    /// The backend and user of the last sign-in, for "Try again".
    signed_in: StoredValue<Option<(Backend, String)>>,
    queue: StoredValue<SaveQueue>,
}

impl Stars {
    pub fn load(backend_base: &str) -> Self {
        let key = format!("stagedoor:starred@{backend_base}");
        let stored = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        Self {
            refs: RwSignal::new(starred::parse(stored.as_deref())),
            kept_in: RwSignal::new(KeptIn::Checking),
            key: StoredValue::new(key),
            mirror_key: StoredValue::new(format!("stagedoor:starred-mirrors@{backend_base}")),
            server: StoredValue::new(None),
            signed_in: StoredValue::new(None),
            queue: StoredValue::new(SaveQueue::default()),
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
        if self.server.with_value(Option::is_some) {
            self.save();
        } else {
            // The copy now holds a change no server has: merge it in later.
            self.set_mirror(None);
        }
    }

    /// After sign-in: reads the user's stars from the backend when it keeps
    /// them, merging in what this browser starred before it could.
    pub async fn sync(self, backend: Backend, user: String) {
        self.signed_in.set_value(Some((backend.clone(), user.clone())));
        self.server.set_value(None);
        let mirror = local_storage().and_then(|s| s.get_item(&self.mirror_key.get_value()).ok().flatten());
        if mirror.as_ref().is_some_and(|m| *m != user) {
            // Another user's stars, cached in this browser: never shown as these.
            self.refs.set(Vec::new());
            self.keep_copy();
            self.set_mirror(None);
        }
        if !backend.has_plugin("user-settings").await {
            self.kept_in.set(KeptIn::Browser);
            return;
        }
        match backend.stars_on_server().await {
            Err(e) => {
                self.kept_in.set(KeptIn::BrowserAfterError(format!("Your stars on the backend could not be read. {}", e.user_message())));
            }
            Ok(value) => {
                let on_server = value.as_ref().map(starred::from_server).unwrap_or_default();
                let stars = starred::after_sign_in(on_server.clone(), self.refs.get_untracked(), mirror.as_deref() == Some(&user));
                let merged = stars != on_server;
                self.refs.set(stars);
                self.keep_copy();
                self.server.set_value(Some((backend, user.clone())));
                self.kept_in.set(KeptIn::Server);
                if merged {
                    self.save();
                } else {
                    self.set_mirror(Some(&user));
                }
            }
        }
    }

    /// Reads and saves again after a failure.
    pub fn retry(&self) {
        if let Some((backend, user)) = self.signed_in.get_value() {
            self.kept_in.set(KeptIn::Checking);
            spawn_local(self.sync(backend, user));
        }
    }

    fn save(self) {
        if !self.queue.try_update_value(|q| q.changed()).unwrap_or(false) {
            return;
        }
        let Some((backend, user)) = self.server.get_value() else {
            return;
        };
        spawn_local(async move {
            loop {
                let refs = self.refs.get_untracked();
                match backend.save_stars_on_server(&refs).await {
                    Ok(()) => {
                        self.set_mirror(Some(&user));
                        self.kept_in.set(KeptIn::Server);
                    }
                    Err(e) => {
                        self.set_mirror(None);
                        self.kept_in.set(KeptIn::BrowserAfterError(format!(
                            "Your last change to your stars could not be saved on the backend. {}",
                            e.user_message()
                        )));
                    }
                }
                if !self.queue.try_update_value(|q| q.saved()).unwrap_or(false) {
                    break;
                }
            }
        });
    }

    fn keep_copy(&self) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(&self.key.get_value(), &starred::serialize(&self.refs.get_untracked()));
        }
    }

    fn set_mirror(&self, user: Option<&str>) {
        if let Some(s) = local_storage() {
            let key = self.mirror_key.get_value();
            let _ = match user {
                Some(u) => s.set_item(&key, u),
                None => s.remove_item(&key),
            };
        }
    }
}
