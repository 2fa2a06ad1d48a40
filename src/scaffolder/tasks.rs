//! `/create/tasks`: the tasks started from templates, mine or everyone's, paged.

use leptos::prelude::*;

use crate::api::session::Session;
use crate::api::Backend;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::async_view::async_view;
use crate::ui::loaded::Loaded;
use crate::ui::page_header::PageHeader;

const PAGE: u32 = 20;

#[component]
pub fn TasksPage() -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let user = expect_context::<Session>().user_entity_ref();
    // `?owner=all` shows everyone's; the default is the signed-in user's.
    let all = Memo::new(move |_| router.query("owner").as_deref() == Some("all"));
    let page = Memo::new(move |_| router.query("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0));
    let tasks = Loaded::new(move || {
        let (backend, all, page, user) = (backend.clone(), all.get(), page.get(), user.clone());
        async move { backend.tasks(if all { None } else { user.as_deref() }, PAGE, page * PAGE).await }
    });
    let go = move |all: bool, page: u32| {
        let mut q = vec![];
        if all {
            q.push("owner=all".to_string());
        }
        if page > 0 {
            q.push(format!("page={page}"));
        }
        router.navigate(&Route::Tasks.path_with(&if q.is_empty() { String::new() } else { format!("?{}", q.join("&")) }), false);
    };
    view! {
        <PageHeader title="Tasks" subtitle="What was created from templates, and how it went."/>
        <div class="segmented" role="group" aria-label="Whose tasks">
            <button type="button" class="button" aria-pressed=move || (!all.get()).to_string() on:click=move |_| go(false, 0)>"My tasks"</button>
            <button type="button" class="button" aria-pressed=move || all.get().to_string() on:click=move |_| go(true, 0)>"All tasks"</button>
        </div>
        {async_view(tasks, "the tasks", move |list| {
            if list.tasks.is_empty() {
                return view! { <p class="empty">"No tasks yet. Start one from a template on the Create page."</p> }.into_any();
            }
            let total = list.total_tasks;
            let shown = list.tasks.len() as u32;
            let p = page.get_untracked();
            let has_next = total.map(|t| u64::from((p + 1) * PAGE) < t).unwrap_or(shown == PAGE);
            view! {
                <table class="data-table">
                    <caption class="visually-hidden">"Tasks"</caption>
                    <thead><tr><th scope="col">"Task"</th><th scope="col">"Template"</th><th scope="col">"Status"</th><th scope="col">"Created"</th><th scope="col">"By"</th></tr></thead>
                    <tbody>
                        {list.tasks.into_iter().map(|t| view! {
                            <tr>
                                <td><a href=Route::Task(t.id.clone()).href()>{t.id.clone()}</a></td>
                                <td>{t.template_title().or(t.template_ref()).unwrap_or_default().to_string()}</td>
                                <td><span class=format!("step-status status-{}", t.status)>{t.status.clone()}</span></td>
                                <td>{t.created_at.clone()}</td>
                                <td>{t.created_by.clone().unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <nav class="pager" aria-label="Pages">
                    <button type="button" class="button" disabled=p == 0 on:click=move |_| go(all.get_untracked(), p.saturating_sub(1))>"Previous"</button>
                    <span>{match total { Some(t) => format!("Page {} · {t} tasks", p + 1), None => format!("Page {}", p + 1) }}</span>
                    <button type="button" class="button" disabled=!has_next on:click=move |_| go(all.get_untracked(), p + 1)>"Next"</button>
                </nav>
            }
            .into_any()
        })}
    }
}

// This page is a wasm chunk of its own, loaded on first use (see shell::routes).
crate::split_page!(create, tasks_page, (), |_: ()| view! { <TasksPage/> }.into_any());
