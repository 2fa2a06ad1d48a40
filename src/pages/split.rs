//! The pages that load as chunks of their own: the first page (the catalog) does
//! not wait for their code.

use leptos::prelude::*;

use crate::model::entity_ref::EntityRef;
use crate::pages::actions::ActionsPage;
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
