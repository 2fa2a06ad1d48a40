//! A text box for YAML with line numbers, colouring and marks on the lines that
//! have problems. A plain `<textarea>` does the editing (keyboard, selection,
//! undo, screen readers all work as everywhere); the colouring is a copy of its
//! text drawn underneath, as text nodes (nothing typed is ever markup). The box
//! grows with its text, so the gutter, colouring and text scroll as one.

use leptos::prelude::*;

use crate::browser::caret_to_line;
use crate::ui::highlight::{highlight, Language};

/// `marks`: (line, message) of each problem, in line order.
#[component]
pub fn CodeEditor(
    id: &'static str,
    label: &'static str,
    text: RwSignal<String>,
    #[prop(into)] marks: Signal<Vec<(usize, String)>>,
) -> impl IntoView {
    let lines = Memo::new(move |_| text.with(|t| t.split('\n').count()));
    let widest = Memo::new(move |_| text.with(|t| t.split('\n').map(|l| l.chars().count()).max().unwrap_or(0)));
    let problems_id = format!("{id}-problems");
    view! {
        <div class="code-editor">
            <div class="code-gutter" aria-hidden="true">
                {move || {
                    let marked: Vec<usize> = marks.with(|m| m.iter().map(|(l, _)| *l).collect());
                    (1..=lines.get()).map(|n| view! { <div class:marked=marked.contains(&n)>{n}</div> }).collect_view()
                }}
            </div>
            <div class="code-area">
                <pre class="code-colour" aria-hidden="true">
                    {move || text.with(|t| highlight(t, Language::Data)).into_iter().map(|(tok, s)| view! { <span class=tok.class()>{s}</span> }).collect_view()}
                    // A last empty line still takes its height.
                    "\n"
                </pre>
                <textarea id=id aria-label=label spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                    aria-describedby=problems_id.clone()
                    rows=move || lines.get() + 1
                    style:width=move || format!("max(100%, {}ch)", widest.get() + 3)
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
        </div>
        <div id=problems_id aria-live="polite">
            {move || {
                let m = marks.get();
                if m.is_empty() {
                    return None;
                }
                Some(view! {
                    <ul class="plain-list code-problems" aria-label="Problems">
                        {m.into_iter().map(|(line, message)| view! {
                            <li>
                                <button type="button" class="link-button" on:click=move |_| caret_to_line(id, line)>{format!("Line {line}")}</button>
                                ": "{message}
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
