//! `RepoUrlPicker`: host, (organization,) owner and repository name, stored as
//! `host?owner=…&repo=…`; complete only with an owner and a name.

use leptos::prelude::*;
use serde_json::Value;

use crate::scaffolder::forms::extensions::Extension;
use crate::scaffolder::forms::field::{description, help, required_mark, FormCtx, Ids};
use crate::scaffolder::forms::keywords::plain;
use crate::scaffolder::forms::path::Path;
use crate::scaffolder::forms::repo_url::RepoUrl;
use crate::scaffolder::forms::schema::Field;

pub const EXTENSION: Extension = Extension { name: "RepoUrlPicker", render: Some(render), validate: Some(validate), labels_itself: true };

fn validate(f: &Field, value: &Value) -> Option<String> {
    let url = value.as_str()?;
    RepoUrl::parse(url).problem(&f.ui_strings("allowedOwners"), &f.ui_strings("allowedRepos")).map(|p| format!("is not complete: {p}"))
}

fn render(f: &Field, ctx: FormCtx, ids: &Ids) -> AnyView {
    let path = StoredValue::new(f.path.clone());
    let value = ctx.value(&f.path);
    let mut hosts = f.ui_strings("allowedHosts");
    if hosts.is_empty() {
        hosts.push("github.com".into());
    }
    let (orgs, owners, repos) = (f.ui_strings("allowedOrganizations"), f.ui_strings("allowedOwners"), f.ui_strings("allowedRepos"));
    // The first host shows as chosen, as in Backstage, but nothing is stored
    // until the user enters a part (an untouched optional field stays empty).
    let part = RepoPart { ctx, value, path, id: StoredValue::new(f.id()), default_host: StoredValue::new(hosts[0].clone()) };
    let base = ids.input.clone();
    let err = ctx.error(f.id());
    view! {
        <fieldset class="form-field repo-field" class:has-error=move || err.get().is_some() aria-describedby=ids.described_by(f)>
            <legend>{f.title()}{required_mark(f.required)}</legend>
            {description(f, ids)}
            <div class="repo-url" id=ids.input.clone()>
                {part.view("Host", format!("{base}-host"), hosts, |r| r.host.clone(), |r, v| r.host = v)}
                {(!orgs.is_empty()).then(|| part.view("Organization", format!("{base}-organization"), orgs, |r| r.organization.clone(), |r, v| r.organization = v))}
                {part.view("Repository owner", format!("{base}-owner"), owners, |r| r.owner.clone(), |r, v| r.owner = v)}
                {part.view("Repository name", format!("{base}-repo"), repos, |r| r.repo.clone(), |r, v| r.repo = v)}
            </div>
            {help(f)}
            <p class="field-error" id=ids.error.clone() aria-live="polite">{move || err.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// One part of a repo URL: a text box, or a select when the template lists the
/// allowed values.
#[derive(Clone, Copy)]
struct RepoPart {
    ctx: FormCtx,
    value: Memo<Option<Value>>,
    path: StoredValue<Path>,
    id: StoredValue<String>,
    default_host: StoredValue<String>,
}

impl RepoPart {
    fn parse(self, v: Option<&Value>) -> RepoUrl {
        let mut r = RepoUrl::parse(&v.map(plain).unwrap_or_default());
        if r.host.is_empty() {
            r.host = self.default_host.get_value();
        }
        r
    }

    fn current(self) -> RepoUrl {
        self.value.with(|v| self.parse(v.as_ref()))
    }

    fn set(self, put: fn(&mut RepoUrl, String), v: String) {
        let mut r = self.value.with_untracked(|x| self.parse(x.as_ref()));
        put(&mut r, v);
        self.ctx.set_value(&self.path.get_value(), Some(Value::String(r.format())));
    }

    fn view(
        self,
        label: &'static str,
        input_id: String,
        allowed: Vec<String>,
        get: fn(&RepoUrl) -> String,
        put: fn(&mut RepoUrl, String),
    ) -> AnyView {
        let control = if allowed.is_empty() {
            view! {
                <input type="text" id=input_id.clone() autocomplete="off" prop:value=move || get(&self.current())
                    on:input=move |ev| self.set(put, event_target_value(&ev))
                    on:blur=move |_| self.ctx.touch(&self.id.get_value())/>
            }
            .into_any()
        } else {
            view! {
                <select id=input_id.clone() prop:value=move || get(&self.current())
                    on:change=move |ev| { self.set(put, event_target_value(&ev)); self.ctx.touch(&self.id.get_value()); }>
                    <option value="">"Choose…"</option>
                    {allowed.into_iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view()}
                </select>
            }
            .into_any()
        };
        view! { <div class="repo-part"><label for=input_id>{label}</label>{control}</div> }.into_any()
    }
}
