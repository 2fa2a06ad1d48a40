//! A template's folder as the author chose it from disk, and the files a dry run
//! produced: paths inside the folder, which file is the template, and the rows of
//! a file tree.

use base64::Engine;

/// One file: its path inside the folder (`skeleton/README.md`) and its bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct FolderFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The files chosen with `<input webkitdirectory>`, whose paths start with the
/// chosen folder's own name (`service/skeleton/README.md`): that first segment is
/// dropped, so the paths are what the template's steps see (`./skeleton`).
pub fn from_picked(picked: Vec<(String, Vec<u8>)>) -> Vec<FolderFile> {
    let mut files: Vec<FolderFile> = picked
        .into_iter()
        .map(|(path, bytes)| {
            let path = path.replace('\\', "/");
            let inside = path.split_once('/').map_or(path.as_str(), |(_, rest)| rest).to_string();
            FolderFile { path: inside, bytes }
        })
        .filter(|f| !f.path.is_empty())
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The template of the folder: `template.yaml` (or `.yml`) at its top, else the
/// top-level YAML file that says `kind: Template`.
pub fn template_file(files: &[FolderFile]) -> Option<&FolderFile> {
    let top = |f: &&FolderFile| !f.path.contains('/');
    files.iter().filter(top).find(|f| f.path == "template.yaml" || f.path == "template.yml").or_else(|| {
        files.iter().filter(top).find(|f| {
            (f.path.ends_with(".yaml") || f.path.ends_with(".yml"))
                && std::str::from_utf8(&f.bytes).is_ok_and(|t| t.lines().any(|l| l.trim() == "kind: Template"))
        })
    })
}

/// The folder as the dry run's `directoryContents`: path and base64 content.
pub fn as_upload(files: &[FolderFile]) -> Vec<(String, String)> {
    files.iter().map(|f| (f.path.clone(), base64::engine::general_purpose::STANDARD.encode(&f.bytes))).collect()
}

/// A produced file's bytes (`None` when the backend's base64 is broken).
pub fn decode(base64_content: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(base64_content).ok()
}

/// One row of a file tree: a folder (no index) or a file (its index in the list).
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRow {
    pub depth: usize,
    pub name: String,
    pub file: Option<usize>,
}

/// The rows of the tree of `paths`, folders before the files they hold, each
/// folder once, in path order.
pub fn tree_rows(paths: &[&str]) -> Vec<TreeRow> {
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| paths[a].split('/').cmp(paths[b].split('/')));
    let mut rows = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    for i in order {
        let parts: Vec<&str> = paths[i].split('/').filter(|p| !p.is_empty()).collect();
        let Some((name, dirs)) = parts.split_last() else { continue };
        let same = open.iter().zip(dirs).take_while(|(a, b)| a == b).count();
        open.truncate(same);
        for (depth, dir) in dirs.iter().enumerate().skip(same) {
            rows.push(TreeRow { depth, name: dir.to_string(), file: None });
            open.push(dir);
        }
        rows.push(TreeRow { depth: dirs.len(), name: name.to_string(), file: Some(i) });
    }
    rows
}

/// How a file's size reads ("512 bytes", "2.4 KB").
pub fn size_label(n: usize) -> String {
    match n {
        1 => "1 byte".into(),
        n if n < 1000 => format!("{n} bytes"),
        n if n < 1_000_000 => format!("{:.1} KB", n as f64 / 1000.0),
        n => format!("{:.1} MB", n as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(paths: &[&str]) -> Vec<FolderFile> {
        from_picked(paths.iter().map(|p| (p.to_string(), p.as_bytes().to_vec())).collect())
    }

    #[test]
    fn the_chosen_folders_name_is_not_part_of_the_paths() {
        let files = picked(&["service/template.yaml", "service/skeleton/README.md", "service/skeleton/src/main.rs"]);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["skeleton/README.md", "skeleton/src/main.rs", "template.yaml"]);
        assert_eq!(template_file(&files).unwrap().path, "template.yaml");
    }

    #[test]
    fn a_template_under_another_name_is_found_by_its_kind() {
        let files = from_picked(vec![
            ("t/notes.yaml".into(), b"kind: Component\n".to_vec()),
            ("t/nested/x.yaml".into(), b"kind: Template\n".to_vec()),
            ("t/scaffold.yaml".into(), b"apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n".to_vec()),
        ]);
        assert_eq!(template_file(&files).unwrap().path, "scaffold.yaml");
        assert!(template_file(&picked(&["t/README.md"])).is_none());
    }

    #[test]
    fn files_travel_as_base64_both_ways() {
        let files = vec![FolderFile { path: "bin/tool".into(), bytes: vec![0, 159, 146, 150, 255] }];
        let up = as_upload(&files);
        assert_eq!(up, vec![("bin/tool".to_string(), "AJ+Slv8=".to_string())]);
        assert_eq!(decode(&up[0].1).unwrap(), files[0].bytes);
        assert_eq!(decode("not base64!"), None);
    }

    #[test]
    fn tree_lists_each_folder_once_before_its_files() {
        let paths = ["src/main.rs", "README.md", "src/lib/a.rs", "catalog-info.yaml", "src/lib/b.rs", "docs/index.md"];
        let rows: Vec<(usize, String, Option<usize>)> = tree_rows(&paths).into_iter().map(|r| (r.depth, r.name, r.file)).collect();
        let want = [
            (0, "README.md", Some(1)),
            (0, "catalog-info.yaml", Some(3)),
            (0, "docs", None),
            (1, "index.md", Some(5)),
            (0, "src", None),
            (1, "lib", None),
            (2, "a.rs", Some(2)),
            (2, "b.rs", Some(4)),
            (1, "main.rs", Some(0)),
        ];
        assert_eq!(rows, want.map(|(d, n, f)| (d, n.to_string(), f)));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(1), "1 byte");
        assert_eq!(size_label(512), "512 bytes");
        assert_eq!(size_label(2400), "2.4 KB");
        assert_eq!(size_label(3_200_000), "3.2 MB");
    }
}
