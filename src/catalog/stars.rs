//! The signed-in user's starred entities, kept in local storage per backend.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::catalog::starred;

#[derive(Clone, Copy)]
pub struct Stars {
    pub refs: RwSignal<Vec<String>>,
    key: StoredValue<String>,
}

impl Stars {
    pub fn load(backend_base: &str) -> Self {
        let key = format!("stagedoor:starred@{backend_base}");
        let stored = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        Self { refs: RwSignal::new(starred::parse(stored.as_deref())), key: StoredValue::new(key) }
    }

    pub fn is_starred(&self, canonical_ref: &str) -> bool {
        self.refs.with(|r| r.iter().any(|x| x == canonical_ref))
    }

    pub fn toggle(&self, canonical_ref: &str) {
        self.refs.update(|r| {
            starred::toggle(r, canonical_ref);
        });
        if let Some(s) = local_storage() {
            let _ = s.set_item(&self.key.get_value(), &starred::serialize(&self.refs.get_untracked()));
        }
    }
}
