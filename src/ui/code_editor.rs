//! A text box for YAML with line numbers, colouring and marks on the lines that
//! have problems. A plain `<textarea>` does the editing (keyboard, selection,
//! undo, screen readers all work as everywhere); the colouring is a copy of its
//! text drawn underneath, as text nodes (nothing typed is ever markup). The box
//! grows with its text, so the gutter, colouring and text scroll as one.

use leptos::prelude::*;

use crate::browser::caret_to_line;
use crate::ui::highlight::{highlight_line, Language};

/// `marks`: (line, message) of each problem, in line order.
#[component]
pub fn CodeEditor(
    id: &'static str,
    label: &'static str,
    text: RwSignal<String>,
    #[prop(into)] marks: Signal<Vec<(usize, String)>>,
) -> impl IntoView {
    // One pass over the text a keystroke: how many lines, and the widest.
    let shape = Memo::new(move |_| text.with(|t| t.split('\n').fold((0, 0), |(n, w), l| (n + 1, w.max(l.chars().count())))));
    let lines = Memo::new(move |_| shape.get().0);
    let widest = Memo::new(move |_| shape.get().1);
    let problems_id = format!("{id}-problems");
    // The text goes into the box only when it changed elsewhere (a template
    // opened, a draft restored): writing a textarea's value rebuilds its whole
    // layout, which on every keystroke would cost more than the rest together.
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        let Some(el) = area.get() else { return };
        text.with(|t| {
            if el.value() != *t {
                el.set_value(t);
            }
        });
    });
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
                    // Keyed by content: a keystroke redraws its own line only. Each
                    // line is a block of its own (style/pages), so laying it out
                    // again does not lay out the others, and lines out of view skip it.
                    <For each=move || text.with(|t| keyed_lines(t)) key=|(k, _)| k.clone() children=|(_, line)| view! {
                        <span class="code-line">{highlight_line(&line, Language::Data).into_iter().map(|(tok, s)| view! { <span class=tok.class()>{s}</span> }).collect_view()}</span>
                    }/>
                </pre>
                <textarea id=id aria-label=label spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                    aria-describedby=problems_id.clone()
                    rows=move || lines.get() + 1
                    style:width=move || format!("max(100%, {}ch)", widest.get() + 3)
                    node_ref=area
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

/// Each line of `text` with a key unique among them that does not depend on its
/// position: the line itself and how many equal lines come before it.
pub fn keyed_lines(text: &str) -> Vec<(String, String)> {
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    text.split('\n')
        .map(|line| {
            let n = seen.entry(line).or_insert(0);
            *n += 1;
            (format!("{n}\u{0}{line}"), line.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_key_when_lines_are_added_above() {
        let before = keyed_lines("a: 1\n  b\n  b\nc");
        let after = keyed_lines("new\na: 1\n  b\n  b\nc");
        assert_eq!(before.len(), 4);
        assert_eq!(&after[1..], &before[..]);
        // Equal lines get distinct keys.
        assert_ne!(before[1].0, before[2].0);
        assert_eq!(before[1].1, before[2].1);
        // The last, empty line of a text ending in a newline is a line too.
        assert_eq!(keyed_lines("x\n").len(), 2);
    }
}
