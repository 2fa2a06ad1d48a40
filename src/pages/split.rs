//! The pages that load as chunks of their own: the first page (the catalog, or
//! sign-in) does not wait for their code.

use leptos::prelude::*;

use crate::model::entity_ref::EntityRef;
use crate::pages::actions::ActionsPage;
use crate::pages::create::CreatePage;
use crate::pages::docs::DocsPage;
use crate::pages::docs_reader::DocsReaderPage;
use crate::pages::search::SearchPage;
use crate::pages::settings::SettingsPage;
use crate::pages::entity::EntityPage;
use crate::pages::task::TaskPage;
use crate::pages::tasks::TasksPage;
use crate::pages::wizard::WizardPage;
use crate::split_page;

split_page!(entity, entity_page, EntityRef, |r: EntityRef| view! { <EntityPage entity_ref=r/> }.into_any());
split_page!(create, wizard_page, (String, String), |(namespace, name): (String, String)| view! { <WizardPage namespace=namespace name=name/> }.into_any());
split_page!(create, task_page, String, |id: String| view! { <TaskPage id=id/> }.into_any());
split_page!(create, tasks_page, (), |_: ()| view! { <TasksPage/> }.into_any());
split_page!(create, actions_page, (), |_: ()| view! { <ActionsPage/> }.into_any());
split_page!(templates, create_page, (), |_: ()| view! { <CreatePage/> }.into_any());
split_page!(docs, docs_page, (), |_: ()| view! { <DocsPage/> }.into_any());
split_page!(search, search_page, (), |_: ()| view! { <SearchPage/> }.into_any());
split_page!(settings, settings_page, (), |_: ()| view! { <SettingsPage/> }.into_any());
split_page!(docs_reader, docs_reader_page, (EntityRef, String), |(entity, path): (EntityRef, String)| view! { <DocsReaderPage entity=entity path=path/> }.into_any());
split_page!(search, switcher_panel, Callback<()>, |close: Callback<()>| view! { <crate::components::switcher_panel::SwitcherPanel close=close/> }.into_any());
