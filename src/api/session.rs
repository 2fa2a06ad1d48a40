//! Who is signed in. The token lives in memory only; what survives a reload is the
//! name of the provider used, so the session can be restored with its refresh call.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use crate::api::auth;
use crate::api::error::ApiError;
use crate::api::types::{AuthResponse, Profile};
use crate::browser::local_storage;

#[derive(Clone, Debug, PartialEq)]
pub struct SignedIn {
    pub provider: String,
    pub token: String,
    pub user_entity_ref: String,
    pub ownership_entity_refs: Vec<String>,
    pub profile: Profile,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// Start-up: asking the provider whether an earlier session can be restored.
    Restoring,
    /// Not signed in; `notice` says why when it was not the user's choice.
    SignedOut {
        notice: Option<String>,
    },
    SignedIn(Box<SignedIn>),
}

/// The part of the state that decides which page shows: a token refresh changes
/// the state but not the phase, so pages are not rebuilt (and lose no input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Restoring,
    SignedOut,
    SignedIn,
}

impl SessionState {
    pub fn phase(&self) -> Phase {
        match self {
            Self::Restoring => Phase::Restoring,
            Self::SignedOut { .. } => Phase::SignedOut,
            Self::SignedIn(_) => Phase::SignedIn,
        }
    }
}

/// When to refresh a token that lives `expires_in` seconds: a minute early, but
/// never sooner than 10 s from now (Backstage's own client does the same).
pub fn refresh_delay_secs(expires_in: Option<f64>) -> Option<f64> {
    expires_in.filter(|s| s.is_finite() && *s > 0.0).map(|s| (s - 60.0).max(10.0))
}

pub const EXPIRED_NOTICE: &str = "Your session expired or the backend no longer accepts it. Sign in again to continue where you were.";

#[derive(Clone)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    base: String,
    environment: String,
}

impl Session {
    pub fn new(base: &str, environment: &str) -> Self {
        Self { state: RwSignal::new(SessionState::Restoring), base: base.to_string(), environment: environment.to_string() }
    }

    fn storage_key(&self) -> String {
        format!("stagedoor:signed-in-with@{}", self.base)
    }

    fn remembered_provider(&self) -> Option<String> {
        local_storage()?.get_item(&self.storage_key()).ok().flatten()
    }

    fn remember_provider(&self, provider: Option<&str>) {
        if let Some(s) = local_storage() {
            let _ = match provider {
                Some(p) => s.set_item(&self.storage_key(), p),
                None => s.remove_item(&self.storage_key()),
            };
        }
    }

    pub fn token(&self) -> Option<String> {
        match &*self.state.read_untracked() {
            SessionState::SignedIn(s) => Some(s.token.clone()),
            _ => None,
        }
    }

    /// The signed-in user's entity ref (`user:default/guest`).
    pub fn user_entity_ref(&self) -> Option<String> {
        match &*self.state.read_untracked() {
            SessionState::SignedIn(s) => Some(s.user_entity_ref.clone()),
            _ => None,
        }
    }

    /// The signed-in identity's ownership refs ("owned by me").
    pub fn ownership_refs(&self) -> Vec<String> {
        match &*self.state.read_untracked() {
            SessionState::SignedIn(s) => s.ownership_entity_refs.clone(),
            _ => vec![],
        }
    }

    fn provider(&self) -> Option<String> {
        match &*self.state.read_untracked() {
            SessionState::SignedIn(s) => Some(s.provider.clone()),
            _ => self.remembered_provider(),
        }
    }

    fn accept(&self, provider: &str, r: AuthResponse) {
        let expires_in = r.backstage_identity.expires_in_seconds;
        let token = r.backstage_identity.token.clone();
        self.state.set(SessionState::SignedIn(Box::new(SignedIn {
            provider: provider.to_string(),
            token: r.backstage_identity.token,
            user_entity_ref: r.backstage_identity.identity.user_entity_ref,
            ownership_entity_refs: r.backstage_identity.identity.ownership_entity_refs,
            profile: r.profile,
        })));
        self.remember_provider(Some(provider));
        self.schedule_refresh(token, expires_in);
    }

    fn schedule_refresh(&self, token: String, expires_in: Option<f64>) {
        let Some(delay) = refresh_delay_secs(expires_in) else { return };
        let this = self.clone();
        set_timeout(
            move || {
                // Only the newest token schedules the next refresh.
                if this.token().as_deref() == Some(token.as_str()) {
                    spawn_local(async move {
                        let _ = this.refresh().await;
                    });
                }
            },
            Duration::from_secs_f64(delay),
        );
    }

    /// At start-up: restore the session of the provider used last, if any.
    pub async fn restore(&self) {
        let Some(provider) = self.remembered_provider() else {
            self.state.set(SessionState::SignedOut { notice: None });
            return;
        };
        match auth::refresh(&self.base, &provider, &self.environment).await {
            Ok(Some(r)) => self.accept(&provider, r),
            Ok(None) => self.state.set(SessionState::SignedOut { notice: None }),
            Err(e) => self.state.set(SessionState::SignedOut { notice: Some(e.user_message()) }),
        }
    }

    /// Signs in with the provider the user picked.
    pub async fn sign_in(&self, provider: &str) -> Result<(), String> {
        let r = if provider == "guest" {
            match auth::refresh(&self.base, provider, &self.environment).await {
                Ok(Some(r)) => r,
                Ok(None) => {
                    return Err("The backend did not start a guest session. Is the guest provider enabled in its auth config?".into())
                }
                Err(e) => return Err(e.user_message()),
            }
        } else {
            auth::popup_sign_in(&self.base, provider, &self.environment).await?
        };
        self.accept(provider, r);
        Ok(())
    }

    /// Gets a fresh token from the current provider without changing the page.
    pub async fn refresh(&self) -> Result<(), ApiError> {
        let provider = self.provider().ok_or_else(|| ApiError::from_status(401, "", &self.base))?;
        match auth::refresh(&self.base, &provider, &self.environment).await? {
            // A call that failed meanwhile may have ended the session: a refresh
            // finishing after that must not sign the user back in behind the
            // sign-in page.
            Some(_) if self.state.with_untracked(SessionState::phase) != Phase::SignedIn => Err(ApiError::from_status(401, "", &self.base)),
            Some(r) => {
                self.accept(&provider, r);
                Ok(())
            }
            None => Err(ApiError::from_status(401, "", &self.base)),
        }
    }

    /// A call was refused even after a refresh: back to the sign-in page, on the
    /// same URL, so the user returns to where they were.
    pub fn expire(&self) {
        self.state.set(SessionState::SignedOut { notice: Some(EXPIRED_NOTICE.to_string()) });
    }

    pub fn sign_out(&self) {
        let provider = self.provider();
        self.remember_provider(None);
        self.state.set(SessionState::SignedOut { notice: None });
        if let Some(p) = provider {
            let (base, env) = (self.base.clone(), self.environment.clone());
            // Best effort: the local sign-out has happened whatever the backend says.
            spawn_local(async move {
                let _ = auth::logout(&base, &p, &env).await;
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_timing() {
        assert_eq!(refresh_delay_secs(Some(3600.0)), Some(3540.0));
        assert_eq!(refresh_delay_secs(Some(30.0)), Some(10.0));
        assert_eq!(refresh_delay_secs(None), None);
        assert_eq!(refresh_delay_secs(Some(-1.0)), None);
        assert_eq!(refresh_delay_secs(Some(f64::NAN)), None);
    }

    #[test]
    fn phases() {
        assert_eq!(SessionState::Restoring.phase(), Phase::Restoring);
        assert_eq!(SessionState::SignedOut { notice: None }.phase(), Phase::SignedOut);
    }
}
