//! `/settings`: who you are signed in as, the theme, and sign-out.

use leptos::prelude::*;

use crate::api::session::{Session, SessionState};
use crate::catalog::stars_note::StarsNote;
use crate::config::ThemePreference;
use crate::shell::theme::Theme;
use crate::ui::page_header::PageHeader;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let theme = expect_context::<Theme>();
    let config = expect_context::<crate::config::Config>();
    let state = session.state;
    let identity = move || match state.get() {
        SessionState::SignedIn(s) => Some(*s),
        _ => None,
    };
    let sign_out = {
        let session = session.clone();
        move |_| session.sign_out()
    };
    let choice = |pref: ThemePreference, label: &'static str| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="theme"
                    value=pref.as_str()
                    prop:checked=move || theme.preference.get() == pref
                    on:change=move |_| theme.choose(pref)
                />
                {label}
            </label>
        }
    };
    view! {
        <PageHeader title="Settings"/>
        <section class="card" aria-labelledby="identity-heading">
            <h2 id="identity-heading">"Profile"</h2>
            {move || identity().map(|s| {
                let provider = config.provider_title(&s.provider);
                let refs = s.ownership_entity_refs.clone();
                view! {
                    <dl class="facts">
                        <dt>"Name"</dt>
                        <dd>{s.profile.display_name.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Email"</dt>
                        <dd>{s.profile.email.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>"Signed in with"</dt>
                        <dd>{provider}</dd>
                        <dt>"User entity"</dt>
                        <dd data-testid="user-entity-ref">{s.user_entity_ref.clone()}</dd>
                        <dt>"Ownership"</dt>
                        <dd>
                            <ul class="plain-list" aria-label="Ownership entity refs">
                                {refs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                            </ul>
                        </dd>
                    </dl>
                }
            })}
            <button type="button" class="button" on:click=sign_out>"Sign out"</button>
        </section>
        <section class="card" aria-labelledby="stars-heading">
            <h2 id="stars-heading">"Stars"</h2>
            <StarsNote info=true/>
        </section>
        <section class="card" aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">"Appearance"</h2>
            <fieldset>
                <legend>"Theme"</legend>
                {choice(ThemePreference::Auto, "Same as my system")}
                {choice(ThemePreference::Light, "Light")}
                {choice(ThemePreference::Dark, "Dark")}
            </fieldset>
        </section>
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(settings, settings_page, (), |_: ()| view! { <SettingsPage/> }.into_any());
