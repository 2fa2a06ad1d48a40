//! The portal's one route table: Backstage's URL shapes. A `Route` is matched from
//! an app path (the part after the mount point), builds its own path and href, and
//! names the wasm chunk its page is in. Adding a page is a variant here, its arm in
//! each `match` below, and its view in `shell::app`. Pure, so every shape is
//! tested natively.

use crate::model::entity_ref::{encode_segment, EntityRef};
use crate::model::percent::decode as decode_component;

/// The first path segments the portal owns. `index.html`'s base-finding script
/// keeps the same list (a test checks they agree).
pub const SECTIONS: [&str; 6] = ["catalog", "catalog-import", "create", "docs", "search", "settings"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: Backstage's home; the portal opens the catalog.
    Home,
    Catalog,
    /// `/catalog/export?<the list's filters>`: those rows as a file.
    CatalogExport,
    Entity(EntityRef),
    /// `/catalog-import`: register an existing component (Backstage's URL).
    CatalogImport,
    /// `/catalog-import/validate`: check entity YAML without registering it.
    ValidateEntities,
    /// `/create`: the template list.
    Create,
    /// `/create/edit[?template=namespace/name]`: the template editor.
    TemplateEditor,
    /// `/create/edit/fields`: try a field extension's options.
    FieldExplorer,
    /// `/create/templates/:namespace/:name`: the wizard.
    Template {
        namespace: String,
        name: String,
    },
    Tasks,
    Task(String),
    Actions,
    Docs,
    /// `/docs/:namespace/:kind/:name/*path`: a page of an entity's TechDocs; `path`
    /// is the page within the site (`""` or ending in `/`).
    DocsPage {
        entity: EntityRef,
        path: String,
    },
    Search,
    Settings,
    NotFound,
}

impl Route {
    /// Matches `/catalog/default/component/x` etc. A trailing slash is ignored.
    pub fn parse(app_path: &str) -> Route {
        let segments: Vec<String> = app_path.split('/').filter(|s| !s.is_empty()).map(decode_component).collect();
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        match s.as_slice() {
            [] => Route::Home,
            ["catalog"] => Route::Catalog,
            ["catalog", "export"] => Route::CatalogExport,
            ["catalog", namespace, kind, name] => Route::Entity(EntityRef::new(kind, namespace, name)),
            ["catalog-import"] => Route::CatalogImport,
            ["catalog-import", "validate"] => Route::ValidateEntities,
            ["create"] => Route::Create,
            ["create", "edit"] => Route::TemplateEditor,
            ["create", "edit", "fields"] => Route::FieldExplorer,
            ["create", "templates", namespace, name] => Route::Template { namespace: namespace.to_string(), name: name.to_string() },
            ["create", "tasks"] => Route::Tasks,
            ["create", "tasks", id] => Route::Task(id.to_string()),
            ["create", "actions"] => Route::Actions,
            ["docs"] => Route::Docs,
            ["docs", namespace, kind, name, rest @ ..] => {
                let path = rest.iter().filter(|p| !p.is_empty()).map(|p| format!("{p}/")).collect::<String>();
                Route::DocsPage { entity: EntityRef::new(kind, namespace, name), path }
            }
            ["search"] => Route::Search,
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The app path of the route, segments percent-encoded. Entity pages lower-case
    /// kind and namespace, as Backstage does in these URLs; docs pages the kind.
    pub fn path(&self) -> String {
        // Appending to one string keeps this small in the first load, where the
        // header and the catalog's links call it.
        let mut out = String::new();
        let mut seg = |s: &str| {
            out.push('/');
            out.push_str(&encode_segment(s));
        };
        match self {
            Route::Home => {}
            Route::Catalog => seg("catalog"),
            Route::CatalogExport => {
                seg("catalog");
                seg("export");
            }
            Route::Entity(r) => {
                seg("catalog");
                seg(&r.namespace.to_ascii_lowercase());
                seg(&r.kind.to_ascii_lowercase());
                seg(&r.name);
            }
            Route::CatalogImport | Route::ValidateEntities => {
                seg("catalog-import");
                if *self == Route::ValidateEntities {
                    seg("validate");
                }
            }
            Route::Create => seg("create"),
            Route::TemplateEditor | Route::FieldExplorer => {
                seg("create");
                seg("edit");
                if *self == Route::FieldExplorer {
                    seg("fields");
                }
            }
            Route::Template { namespace, name } => {
                seg("create");
                seg("templates");
                seg(namespace);
                seg(name);
            }
            Route::Tasks | Route::Task(_) => {
                seg("create");
                seg("tasks");
                if let Route::Task(id) = self {
                    seg(id);
                }
            }
            Route::Actions => {
                seg("create");
                seg("actions");
            }
            Route::Docs => seg("docs"),
            Route::DocsPage { entity, path } => {
                seg("docs");
                seg(&entity.namespace);
                seg(&entity.kind.to_ascii_lowercase());
                seg(&entity.name);
                path.split('/').filter(|p| !p.is_empty()).for_each(&mut seg);
            }
            Route::Search => seg("search"),
            Route::Settings => seg("settings"),
            Route::NotFound => seg("404"),
        }
        if out.is_empty() || matches!(self, Route::DocsPage { path, .. } if !path.is_empty()) {
            out.push('/');
        }
        out
    }

    /// The path with a query string (`"?a=1"` or `""`) after it.
    pub fn path_with(&self, query: &str) -> String {
        let mut path = self.path();
        path.push_str(query);
        path
    }

    /// The href of the route where the portal is mounted (see `shell::paths`).
    pub fn href(&self) -> String {
        crate::shell::paths::href(&self.path())
    }

    /// The href with a query string (`"?a=1"` or `""`).
    pub fn href_with(&self, query: &str) -> String {
        crate::shell::paths::href(&self.path_with(query))
    }

    /// The wasm chunk the route's page is in (`split_page!`'s first argument), or
    /// `None` for the pages in the first load.
    pub fn chunk(&self) -> Option<&'static str> {
        match self {
            Route::Home | Route::Catalog | Route::NotFound => None,
            Route::Entity(_) => Some("entity"),
            Route::CatalogImport | Route::ValidateEntities | Route::CatalogExport => Some("catalog_import"),
            Route::Create => Some("templates"),
            Route::TemplateEditor | Route::FieldExplorer => Some("template_editor"),
            Route::Template { .. } | Route::Tasks | Route::Task(_) | Route::Actions => Some("create"),
            Route::Docs => Some("docs"),
            Route::DocsPage { .. } => Some("docs_reader"),
            Route::Search => Some("search"),
            Route::Settings => Some("settings"),
        }
    }

    /// The page's own stylesheets (`style/pages/`), fetched with its chunk
    /// instead of travelling in the first load's `main.css`.
    pub fn styles(&self) -> &'static [&'static str] {
        match self {
            Route::Home | Route::Catalog | Route::NotFound | Route::Create | Route::Settings => &[],
            // Code colouring (ui/highlight.rs): API definitions, the template editor's YAML and results.
            Route::Entity(_) => &["entity.css", "code.css"],
            Route::CatalogImport | Route::ValidateEntities | Route::CatalogExport => &["forms.css", "catalog-import.css"],
            Route::TemplateEditor | Route::FieldExplorer => &["forms.css", "template-editor.css", "code.css"],
            Route::Template { .. } | Route::Tasks | Route::Task(_) | Route::Actions => &["forms.css"],
            Route::Docs | Route::DocsPage { .. } => &["docs.css"],
            Route::Search => &["search.css"],
        }
    }

    /// One route of each shape, for tests that must cover them all.
    pub fn examples() -> Vec<Route> {
        let e = EntityRef::new("component", "default", "checkout-service");
        vec![
            Route::Home,
            Route::Catalog,
            Route::CatalogExport,
            Route::Entity(e.clone()),
            Route::CatalogImport,
            Route::ValidateEntities,
            Route::Create,
            Route::TemplateEditor,
            Route::FieldExplorer,
            Route::Template { namespace: "default".into(), name: "new-service".into() },
            Route::Tasks,
            Route::Task("7c1e-42".into()),
            Route::Actions,
            Route::Docs,
            Route::DocsPage { entity: e.clone(), path: String::new() },
            Route::DocsPage { entity: e, path: "operations/runbook/".into() },
            Route::Search,
            Route::Settings,
            Route::NotFound,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_stylesheet_is_in_style_pages_and_each_is_used() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/style/pages");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        on_disk.sort();
        let mut named: Vec<String> = Route::examples().iter().flat_map(|r| r.styles().iter().map(|s| s.to_string())).collect();
        named.sort();
        named.dedup();
        assert_eq!(named, on_disk);
    }

    #[test]
    fn backstage_url_shapes() {
        let p = Route::parse;
        assert_eq!(p("/"), Route::Home);
        assert_eq!(p(""), Route::Home);
        assert_eq!(p("/catalog"), Route::Catalog);
        assert_eq!(p("/catalog/"), Route::Catalog);
        assert_eq!(
            p("/catalog/default/component/checkout-service"),
            Route::Entity(EntityRef::new("component", "default", "checkout-service"))
        );
        assert_eq!(p("/catalog/ops/api/a%20b"), Route::Entity(EntityRef::new("api", "ops", "a b")));
        assert_eq!(p("/catalog/export"), Route::CatalogExport);
        assert_eq!(p("/catalog-import"), Route::CatalogImport);
        assert_eq!(p("/catalog-import/validate"), Route::ValidateEntities);
        assert_eq!(p("/create"), Route::Create);
        assert_eq!(p("/create/templates/default/new-service"), Route::Template { namespace: "default".into(), name: "new-service".into() });
        assert_eq!(p("/create/edit"), Route::TemplateEditor);
        assert_eq!(p("/create/edit/fields"), Route::FieldExplorer);
        assert_eq!(p("/create/tasks"), Route::Tasks);
        assert_eq!(p("/create/tasks/7c1e-42"), Route::Task("7c1e-42".into()));
        assert_eq!(p("/create/actions"), Route::Actions);
        assert_eq!(p("/create/templates/default"), Route::NotFound);
        assert_eq!(p("/docs"), Route::Docs);
        assert_eq!(
            p("/docs/default/component/checkout-service"),
            Route::DocsPage { entity: EntityRef::new("component", "default", "checkout-service"), path: String::new() }
        );
        assert_eq!(
            p("/docs/default/component/checkout-service/operations/runbook/"),
            Route::DocsPage { entity: EntityRef::new("component", "default", "checkout-service"), path: "operations/runbook/".into() }
        );
        assert_eq!(p("/search"), Route::Search);
        assert_eq!(p("/settings"), Route::Settings);
        assert_eq!(p("/catalog/default/component"), Route::NotFound);
        assert_eq!(p("/no/such/page"), Route::NotFound);
        assert_eq!(p("/catalogue"), Route::NotFound);
    }

    #[test]
    fn every_route_parses_back_from_its_path() {
        for r in Route::examples() {
            assert_eq!(Route::parse(&r.path()), r, "{}", r.path());
        }
        // Names that need encoding survive the trip too.
        let odd = Route::Entity(EntityRef::new("api", "ops", "a b/c?d#e%f"));
        assert_eq!(odd.path(), "/catalog/ops/api/a%20b%2Fc%3Fd%23e%25f");
        assert_eq!(Route::parse(&odd.path()), odd);
        let task = Route::Task("id with space".into());
        assert_eq!(Route::parse(&task.path()), task);
    }

    #[test]
    fn entity_paths_are_lowercased_as_backstage_does() {
        assert_eq!(Route::Entity(EntityRef::new("Component", "Default", "a b")).path(), "/catalog/default/component/a%20b");
        assert_eq!(
            Route::DocsPage { entity: EntityRef::new("Component", "default", "x"), path: "a/b/".into() }.path(),
            "/docs/default/component/x/a/b/"
        );
        assert_eq!(Route::Catalog.path_with("?kind=api"), "/catalog?kind=api");
    }

    #[test]
    fn every_section_is_a_route_and_every_route_is_in_a_section() {
        for section in SECTIONS {
            assert_ne!(Route::parse(&format!("/{section}")), Route::NotFound, "{section}");
        }
        for r in Route::examples() {
            let first = r.path().split('/').nth(1).unwrap_or_default().to_string();
            if !matches!(r, Route::Home | Route::NotFound) {
                assert!(SECTIONS.contains(&first.as_str()), "{first} of {r:?} is not in SECTIONS");
            }
        }
    }

    /// `index.html` finds the sub-path it is served under from these segments
    /// before the wasm loads, so it keeps its own copy: it must be the same.
    #[test]
    fn index_html_knows_the_same_sections() {
        let html = include_str!("../../index.html");
        let list = html.split("var routes = [").nth(1).and_then(|s| s.split(']').next()).expect("index.html's route list");
        let segments: Vec<&str> = list.split(',').map(|s| s.trim().trim_matches('\'')).collect();
        assert_eq!(segments, SECTIONS);
    }
}
