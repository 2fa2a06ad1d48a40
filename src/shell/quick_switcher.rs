//! Ctrl/⌘-K anywhere opens the quick switcher. Only this opener is in the first
//! load; the dialog's code is a chunk fetched on first use.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::search::switcher_panel::switcher_panel;
use crate::shell::lazy::lazy_page;
use crate::shell::routes::Route;

#[component]
pub fn QuickSwitcher() -> impl IntoView {
    let open = RwSignal::new(false);
    // Focus goes back where it was when the dialog closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            if !open.get_untracked() {
                opener.set_value(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
                open.set(true);
            }
        }
    });
    on_cleanup(move || handle.remove());
    let close = Callback::new(move |_| {
        open.set(false);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    });
    move || open.get().then(|| lazy_page(switcher_panel, Route::Search.styles(), close))
}
