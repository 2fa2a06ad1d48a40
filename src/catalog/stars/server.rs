//! Stars kept by the backend's user-settings plugin: read once per user signed
//! in, each change saved as the whole list, one save at a time.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{KeptIn, Stars};
use crate::api::Backend;
use crate::catalog::starred;

pub(super) async fn sync(stars: Stars, backend: Backend, user: String) {
    stars.keeping.update_value(|k| k.server = None);
    let mirror = stars.mirror();
    if mirror.as_ref().is_some_and(|m| *m != user) {
        // Another user's stars, cached in this browser: never shown as these.
        stars.refs.set(Vec::new());
        stars.keep_copy();
        stars.set_mirror(None);
    }
    if !backend.has_plugin("user-settings").await {
        stars.kept_in.set(KeptIn::Browser);
        return;
    }
    match backend.stars_on_server().await {
        Err(e) => {
            stars.kept_in.set(KeptIn::BrowserAfterError(format!("Your stars on the backend could not be read. {}", e.user_message())));
        }
        Ok(value) => {
            let on_server = value.as_ref().map(starred::from_server).unwrap_or_default();
            let list = starred::after_sign_in(on_server.clone(), stars.refs.get_untracked(), mirror.as_deref() == Some(&user));
            let merged = list != on_server;
            stars.refs.set(list);
            stars.keep_copy();
            stars.keeping.update_value(|k| k.server = Some((backend, user.clone())));
            stars.kept_in.set(KeptIn::Server);
            if merged {
                save(stars);
            } else {
                stars.set_mirror(Some(&user));
            }
        }
    }
}

pub(super) fn save(stars: Stars) {
    let Some((backend, user)) = stars.keeping.try_update_value(|k| k.server.clone().filter(|_| k.queue.changed())).flatten() else {
        return;
    };
    spawn_local(async move {
        loop {
            let refs = stars.refs.get_untracked();
            match backend.save_stars_on_server(&refs).await {
                Ok(()) => {
                    stars.set_mirror(Some(&user));
                    stars.kept_in.set(KeptIn::Server);
                }
                Err(e) => {
                    stars.set_mirror(None);
                    stars.kept_in.set(KeptIn::BrowserAfterError(format!(
                        "Your last change to your stars could not be saved on the backend. {}",
                        e.user_message()
                    )));
                }
            }
            if !stars.keeping.try_update_value(|k| k.queue.saved()).unwrap_or(false) {
                break;
            }
        }
    });
}
