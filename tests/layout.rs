//! The source tree's layout rules, checked on the files themselves (native only):
//! no two modules import each other, directly or around a loop; the shared layers
//! (`model`, `browser`, `config`, `ui`, `api`) import no feature and not the
//! shell's app; and every wasm chunk a route names is defined by a page.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use stagedoor::shell::routes::Route;

/// Module path (`catalog::entity::page`) → the file's source, for every file under src/.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    walk(&root, &mut files);
    files
        .into_iter()
        .filter(|p| !p.ends_with("main.rs"))
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
                parts.pop();
            }
            (parts.join("::"), fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code of a file without comments and without its test module.
fn code(src: &str) -> String {
    let src = src.split("#[cfg(test)]").next().unwrap_or_default();
    src.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// The module paths a file names: `crate::a::b`, `super::x` and, in a folder's
/// `mod.rs`, `use child::…`; each resolved to the longest prefix that is a module.
fn imports(module: &str, src: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let is_folder = known.iter().any(|k| k.starts_with(&format!("{module}::")));
    let parent = if is_folder { module.to_string() } else { module.rsplit_once("::").map(|(p, _)| p.to_string()).unwrap_or_default() };
    let code = code(src);
    let mut out = BTreeSet::new();
    let mut add = |segments: Vec<&str>| {
        for n in (1..=segments.len()).rev() {
            let candidate = segments[..n].join("::");
            if known.contains(&candidate) {
                if candidate != module && !candidate.is_empty() {
                    out.insert(candidate);
                }
                return;
            }
        }
    };
    let path_after = |rest: &str| -> Vec<String> {
        rest.split("::")
            .map(|s| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
            .take_while(|s| !s.is_empty())
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        if code[..i].ends_with('$') || code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let segs = path_after(&code[i + "crate::".len()..]);
        add(segs.iter().map(String::as_str).collect());
    }
    for (i, _) in code.match_indices("super::") {
        let segs = path_after(&code[i + "super::".len()..]);
        let mut full: Vec<&str> = if parent.is_empty() { vec![] } else { parent.split("::").collect() };
        if is_folder {
            full.pop();
        }
        full.extend(segs.iter().map(String::as_str));
        add(full);
    }
    if is_folder {
        for line in code.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("pub use ").or_else(|| line.strip_prefix("use ")) {
                let segs = path_after(rest);
                if let Some(first) = segs.first() {
                    let child = format!("{module}::{first}");
                    if known.contains(&child) {
                        let mut full: Vec<&str> = module.split("::").collect();
                        full.extend(segs.iter().map(String::as_str));
                        add(full);
                    }
                }
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let known: BTreeSet<String> = mods.keys().cloned().collect();
    mods.iter().map(|(m, src)| (m.clone(), imports(m, src, &known))).collect()
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = vec![];
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State { g, index: BTreeMap::new(), low: BTreeMap::new(), stack: vec![], on_stack: BTreeSet::new(), next: 0, out: vec![] };
    for v in g.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_module_imports_itself_around_a_loop() {
    let g = graph();
    assert!(g.len() > 60, "the walk found too few modules: {}", g.len());
    // The check sees real edges (a sample that must be there).
    assert!(g["catalog::list"].contains("catalog::data"), "{:?}", g["catalog::list"]);
    assert!(g["api::backend"].contains("api::session"), "{:?}", g["api::backend"]);
    assert_eq!(cycles(&g), Vec::<Vec<String>>::new(), "modules that import each other");
}

#[test]
fn a_loop_is_found_when_there_is_one() {
    let g: BTreeMap<String, BTreeSet<String>> = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"])]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
    assert_eq!(cycles(&g), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
}

#[test]
fn shared_layers_know_no_feature() {
    const FEATURES: [&str; 5] = ["catalog", "catalog_import", "scaffolder", "docs", "search"];
    let top = |m: &str| m.split("::").next().unwrap_or_default().to_string();
    let rules: [(&str, &[&str]); 5] = [
        ("model", &["model"]),
        ("browser", &["model"]),
        ("config", &["model"]),
        ("api", &["api", "model", "browser", "config"]),
        ("ui", &["ui", "api", "model", "browser", "config", "shell"]),
    ];
    let mut wrong = vec![];
    for (m, deps) in graph() {
        for (layer, allowed) in rules {
            if top(&m) == layer {
                for d in &deps {
                    if !allowed.contains(&top(d).as_str()) || d == "shell::app" {
                        wrong.push(format!("{m} → {d}"));
                    }
                }
            }
        }
        // Only the app assembles the features; nothing under it imports it.
        if deps.contains("shell::app") {
            wrong.push(format!("{m} → shell::app"));
        }
        if top(&m) == "shell" && !matches!(m.as_str(), "shell::app" | "shell::quick_switcher") {
            for d in &deps {
                if FEATURES.contains(&top(d).as_str())
                    && !(m == "shell::settings" && matches!(d.as_str(), "catalog::stars" | "catalog::stars_note"))
                {
                    wrong.push(format!("{m} → {d}"));
                }
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new(), "imports across the layers");
}

/// Each route names the chunk its page is in; `split_page!` defines the chunks.
/// The two must agree, or a route would wait for a chunk that never comes.
#[test]
fn every_chunk_a_route_names_is_defined_by_a_page() {
    let defined: BTreeSet<String> = modules()
        .values()
        .flat_map(|src| {
            code(src)
                .match_indices("split_page!(")
                .filter_map(|(i, _)| code(src)[i + "split_page!(".len()..].split(',').next().map(|c| c.trim().to_string()))
                .collect::<Vec<_>>()
        })
        .filter(|c| c != "$chunk")
        .collect();
    let named: BTreeSet<String> = Route::examples().iter().filter_map(Route::chunk).map(String::from).collect();
    assert_eq!(named, defined);
}
