//! A template folder opened in place, through the browser's File System Access
//! API (`showDirectoryPicker`, Chromium and Edge): read like a chosen folder, and
//! the edited template written back to its own file. Browsers without the API
//! keep `<input webkitdirectory>`, which reads a copy and cannot save.
//! web-sys binds the picker only behind its unstable flag, so calls go through
//! `Reflect` on the objects the browser hands out.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Folders a template never needs in a dry run, and that can hold many files.
const SKIPPED: [&str; 2] = [".git", "node_modules"];

/// A folder the user opened in place.
#[derive(Clone)]
pub struct FolderHandle(JsValue);

/// Whether this browser can open a folder in place.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &key.into())
}

/// Calls `target.method(args…)` and awaits the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(target, method)?.dyn_into()?;
    let promise = f.apply(target, &args.iter().collect::<js_sys::Array>())?;
    JsFuture::from(Promise::resolve(&promise)).await
}

/// `call`, with a failure in words.
async fn ask(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    call(target, method, args).await.map_err(|e| describe(&e))
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Asks the user for a folder, with the right to write to it. `Ok(None)` when
/// the user closed the picker.
pub async fn pick() -> Result<Option<FolderHandle>, String> {
    let window: JsValue = web_sys::window().ok_or("No window.")?.into();
    match call(&window, "showDirectoryPicker", &[options(&[("mode", "readwrite".into())])]).await {
        Ok(handle) => Ok(Some(FolderHandle(handle))),
        Err(e) if error_name(&e) == "AbortError" => Ok(None),
        Err(e) => Err(describe(&e)),
    }
}

impl FolderHandle {
    /// The folder's own name.
    pub fn name(&self) -> String {
        get(&self.0, "name").ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    /// Every file in the folder and its subfolders, as (path starting with the
    /// folder's name, bytes): the shape `folder::from_picked` reads.
    pub async fn read_all(&self) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut out = Vec::new();
        let mut pending = vec![(self.name(), self.0.clone())];
        while let Some((prefix, dir)) = pending.pop() {
            let entries = call_sync(&dir, "values").map_err(|e| describe(&e))?;
            loop {
                let step = ask(&entries, "next", &[]).await?;
                if get(&step, "done").ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                    break;
                }
                let entry = get(&step, "value").map_err(|e| describe(&e))?;
                let name = get(&entry, "name").ok().and_then(|v| v.as_string()).unwrap_or_default();
                let path = format!("{prefix}/{name}");
                match get(&entry, "kind").ok().and_then(|v| v.as_string()).as_deref() {
                    Some("directory") if !SKIPPED.contains(&name.as_str()) => pending.push((path, entry)),
                    Some("file") => {
                        let file: web_sys::File = ask(&entry, "getFile", &[]).await?.unchecked_into();
                        let bytes = crate::browser::file_bytes(&file).await.ok_or_else(|| format!("{path} could not be read."))?;
                        out.push((path, bytes));
                    }
                    _ => {}
                }
            }
        }
        Ok(out)
    }

    /// Writes `text` to the file at `path` inside the folder (`template.yaml`),
    /// asking the browser for the right to write first if it was not given.
    pub async fn save(&self, path: &str, text: &str) -> Result<(), String> {
        let mode = options(&[("mode", "readwrite".into())]);
        // Older implementations lack queryPermission: the write then says.
        if let Ok(state) = call(&self.0, "queryPermission", std::slice::from_ref(&mode)).await {
            if state.as_string().as_deref() != Some("granted") {
                let asked = ask(&self.0, "requestPermission", std::slice::from_ref(&mode)).await?;
                if asked.as_string().as_deref() != Some("granted") {
                    return Err("the browser was not allowed to write to the folder".into());
                }
            }
        }
        let mut dir = self.0.clone();
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let file_name = parts.pop().ok_or("the file has no name")?;
        for part in parts {
            dir = ask(&dir, "getDirectoryHandle", &[part.into()]).await?;
        }
        let file = ask(&dir, "getFileHandle", &[file_name.into(), options(&[("create", true.into())])]).await?;
        let writable = ask(&file, "createWritable", &[]).await?;
        let written = call(&writable, "write", &[text.into()]).await;
        // Closing is what replaces the file: after a failed write, abort keeps the old one.
        match written {
            Ok(_) => ask(&writable, "close", &[]).await.map(|_| ()),
            Err(e) => {
                let _ = call(&writable, "abort", &[]).await;
                Err(describe(&e))
            }
        }
    }
}

fn call_sync(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let f: Function = get(target, method)?.dyn_into()?;
    f.call0(target)
}

fn error_name(e: &JsValue) -> String {
    get(e, "name").ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// A DOMException in words: its name says what happened, its message the detail.
fn describe(e: &JsValue) -> String {
    let message = get(e, "message").ok().and_then(|v| v.as_string()).unwrap_or_default();
    match error_name(e).as_str() {
        "NotAllowedError" => "the browser was not allowed to use the folder".into(),
        "NotFoundError" => "the folder or file is no longer there".into(),
        "NoModificationAllowedError" | "InvalidModificationError" => "the file is locked by another program".into(),
        "QuotaExceededError" => "the disk is full".into(),
        _ if !message.is_empty() => message,
        _ => "the browser could not use the folder".into(),
    }
}
