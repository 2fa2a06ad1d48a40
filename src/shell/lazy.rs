//! Pages whose code lives in wasm chunks loaded on first use (`--features split`,
//! built by `scripts/build/wasm.sh`). Without the feature the same functions are plain
//! async functions over code in the one module, so tests and `cargo check` need
//! no splitter.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::loading::Loading;
use crate::ui::page_style;

/// A page's view function, handed over from its chunk.
pub type Page<A> = fn(A) -> AnyView;

/// A chunk could not be fetched (offline, or a deploy replaced the files).
#[derive(Debug, Clone, Copy)]
pub struct LoadError;

impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadError
    }
}

/// `split_code!(chunk, name, T, value)` defines `async fn name()` that loads
/// `chunk` and returns `value`: function pointers into code that only the chunk
/// carries.
#[macro_export]
macro_rules! split_code {
    ($chunk:ident, $name:ident, $ty:ty, $value:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = leptos::wasm_split, fallible)]
        pub fn $name() -> Result<$ty, $crate::shell::lazy::LoadError> {
            Ok($value)
        }
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<$ty, $crate::shell::lazy::LoadError> {
            Ok($value)
        }
    };
}

/// `split_page!(chunk, name, Arg, |a: Arg| view)` defines `async fn name()` that
/// loads `chunk` and returns the page's view function.
#[macro_export]
macro_rules! split_page {
    ($chunk:ident, $name:ident, $arg:ty, $page:expr) => {
        $crate::split_code!($chunk, $name, $crate::shell::lazy::Page<$arg>, $page);
    };
}

/// Shows "Loading…" until the page's chunk is there, then the page; if the chunk
/// cannot be fetched, says so with a retry. Only this thin layer is generic: the
/// page and its argument become one boxed view function, so each route adds a
/// few closures to the first load instead of a copy of the loading machinery.
///
/// `styles` are the page's own stylesheets (`Route::styles`): fetched with the
/// chunk, and the page shows once both are there, so never unstyled.
pub fn lazy_page<A, F, Fut>(load: F, styles: &'static [&'static str], arg: A) -> AnyView
where
    A: Clone + Send + Sync + 'static,
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Page<A>, LoadError>> + 'static,
{
    lazy_view(
        Arc::new(move || {
            let (load, arg) = (load.clone(), arg.clone());
            Box::pin(async move { load().await.map(|page| Arc::new(move || page(arg.clone())) as View) })
        }),
        styles,
    )
}

/// A loaded page, ready to render with its argument.
type View = Arc<dyn Fn() -> AnyView + Send + Sync>;
type Loader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<View, LoadError>>>> + Send + Sync>;

fn lazy_view(load: Loader, styles: &'static [&'static str]) -> AnyView {
    let page = RwSignal::new(None::<Result<View, LoadError>>);
    let start = Callback::new(move |_: ()| {
        let css = wasm_bindgen_futures::JsFuture::from(page_style::start(styles));
        let fut = load();
        spawn_local(async move {
            let r = fut.await;
            let _ = css.await;
            let _ = page.try_set(Some(r));
        })
    });
    start.run(());
    let retry = Callback::new(move |_: ()| {
        page.set(None);
        start.run(());
    });
    (move || match page.get() {
        Some(Ok(f)) => f(),
        Some(Err(LoadError)) => code_missing(retry),
        None => view! { <Loading what="this page"/> }.into_any(),
    })
    .into_any()
}

/// What shows where a chunk could not be fetched, with a retry. Not generic, so
/// each page's `lazy_page` adds only a few calls to the first load.
pub fn code_missing(retry: Callback<()>) -> AnyView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-title">"This page could not be loaded"</p>
            <p class="error-message">"Its code could not be fetched from the server. Check the connection, or reload if the portal was just updated."</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
    .into_any()
}

/// Fetches the chunks' loader and the small shared chunks in the background
/// (`window.__stagedoorPrefetch`, shell/boot.js), for the next page the user opens.
pub fn prefetch_chunks() {
    if let Some(f) = crate::browser::boot_function("__stagedoorPrefetch") {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}
