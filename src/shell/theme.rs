//! Light/dark theme: the config gives the default, the user's choice is
//! remembered in local storage and applied as `data-theme` on the portal's root element (`<body>` on its own
//! page), where the theme's custom properties are defined.

use leptos::prelude::*;

use crate::browser::local_storage;
use crate::config::ThemePreference;

const STORAGE_KEY: &str = "stagedoor:theme";

#[derive(Clone, Copy)]
pub struct Theme {
    pub preference: RwSignal<ThemePreference>,
}

/// What the user last chose wins over the configured default.
pub fn initial_preference(stored: Option<&str>, configured: ThemePreference) -> ThemePreference {
    stored.and_then(ThemePreference::parse).unwrap_or(configured)
}

/// The theme actually shown: `auto` follows the operating system.
pub fn effective(pref: ThemePreference, system_prefers_dark: bool) -> ThemePreference {
    match pref {
        ThemePreference::Auto if system_prefers_dark => ThemePreference::Dark,
        ThemePreference::Auto => ThemePreference::Light,
        other => other,
    }
}

fn system_prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().map(|m| m.matches()).unwrap_or(false)
}

impl Theme {
    /// Reads the stored choice and keeps the root's `data-theme` and storage in step.
    pub fn install(configured: ThemePreference) -> Self {
        let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let preference = RwSignal::new(initial_preference(stored.as_deref(), configured));
        Effect::new(move |_| {
            let pref = preference.get();
            if let Some(root) = crate::shell::mount::root() {
                let _ = root.set_attribute("data-theme", effective(pref, system_prefers_dark()).as_str());
            }
        });
        Self { preference }
    }

    /// The user's explicit choice, remembered across reloads.
    pub fn choose(&self, pref: ThemePreference) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(STORAGE_KEY, pref.as_str());
        }
        self.preference.set(pref);
    }

    pub fn is_dark(&self) -> bool {
        effective(self.preference.get(), system_prefers_dark()) == ThemePreference::Dark
    }

    /// The header's one-click switch between light and dark.
    pub fn toggle(&self) {
        let next = if effective(self.preference.get_untracked(), system_prefers_dark()) == ThemePreference::Dark {
            ThemePreference::Light
        } else {
            ThemePreference::Dark
        };
        self.choose(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_choice_beats_config() {
        assert_eq!(initial_preference(Some("dark"), ThemePreference::Light), ThemePreference::Dark);
        assert_eq!(initial_preference(Some("bogus"), ThemePreference::Light), ThemePreference::Light);
        assert_eq!(initial_preference(None, ThemePreference::Auto), ThemePreference::Auto);
    }

    #[test]
    fn auto_follows_the_system() {
        assert_eq!(effective(ThemePreference::Auto, true), ThemePreference::Dark);
        assert_eq!(effective(ThemePreference::Auto, false), ThemePreference::Light);
        assert_eq!(effective(ThemePreference::Light, true), ThemePreference::Light);
    }
}
