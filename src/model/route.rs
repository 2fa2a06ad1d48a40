//! The portal's routes, Backstage's URL shapes, matched from an app path (the part
//! after the mount point). Pure, so every shape is tested natively.

use crate::model::entity_ref::EntityRef;
use crate::model::percent::decode as decode_component;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: Backstage's home; the portal opens the catalog.
    Home,
    Catalog,
    Entity(EntityRef),
    Create,
    /// `/create/templates/:namespace/:name`: the wizard.
    Template { namespace: String, name: String },
    Tasks,
    Task(String),
    Actions,
    Docs,
    /// `/docs/:namespace/:kind/:name/*path`: a page of an entity's TechDocs; `path`
    /// is the page within the site (`""` or ending in `/`).
    DocsPage { entity: EntityRef, path: String },
    Search,
    Settings,
    NotFound,
}

/// Matches `/catalog/default/component/x` etc. A trailing slash is ignored.
pub fn match_route(app_path: &str) -> Route {
    let segments: Vec<String> = app_path.split('/').filter(|s| !s.is_empty()).map(decode_component).collect();
    let s: Vec<&str> = segments.iter().map(String::as_str).collect();
    match s.as_slice() {
        [] => Route::Home,
        ["catalog"] => Route::Catalog,
        ["catalog", namespace, kind, name] => Route::Entity(EntityRef::new(kind, namespace, name)),
        ["create"] => Route::Create,
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

/// Parses `a=1&b=x%20y&filters[kind]=api` into decoded pairs, in order.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_query(k), decode_query(v))
        })
        .collect()
}

/// The first value of `key` in a query string.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    parse_query(query).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn decode_query(s: &str) -> String {
    decode_component(&s.replace('+', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backstage_url_shapes() {
        assert_eq!(match_route("/"), Route::Home);
        assert_eq!(match_route(""), Route::Home);
        assert_eq!(match_route("/catalog"), Route::Catalog);
        assert_eq!(match_route("/catalog/"), Route::Catalog);
        assert_eq!(match_route("/catalog/default/component/checkout-service"), Route::Entity(EntityRef::new("component", "default", "checkout-service")));
        assert_eq!(match_route("/catalog/ops/api/a%20b"), Route::Entity(EntityRef::new("api", "ops", "a b")));
        assert_eq!(match_route("/create"), Route::Create);
        assert_eq!(match_route("/create/templates/default/new-service"), Route::Template { namespace: "default".into(), name: "new-service".into() });
        assert_eq!(match_route("/create/tasks"), Route::Tasks);
        assert_eq!(match_route("/create/tasks/7c1e-42"), Route::Task("7c1e-42".into()));
        assert_eq!(match_route("/create/actions"), Route::Actions);
        assert_eq!(match_route("/create/templates/default"), Route::NotFound);
        assert_eq!(match_route("/docs"), Route::Docs);
        assert_eq!(match_route("/docs/default/component/checkout-service"), Route::DocsPage { entity: EntityRef::new("component", "default", "checkout-service"), path: String::new() });
        assert_eq!(match_route("/docs/default/component/checkout-service/operations/runbook/"), Route::DocsPage { entity: EntityRef::new("component", "default", "checkout-service"), path: "operations/runbook/".into() });
        assert_eq!(match_route("/search"), Route::Search);
        assert_eq!(match_route("/settings"), Route::Settings);
        assert_eq!(match_route("/catalog/default/component"), Route::NotFound);
        assert_eq!(match_route("/no/such/page"), Route::NotFound);
        assert_eq!(match_route("/catalogue"), Route::NotFound);
    }

    #[test]
    fn hrefs_and_queries() {
        assert_eq!(
            parse_query("?filters%5Bkind%5D=api&query=a+b%20c&flag&x=%E2%9C%93"),
            vec![
                ("filters[kind]".to_string(), "api".to_string()),
                ("query".into(), "a b c".into()),
                ("flag".into(), "".into()),
                ("x".into(), "✓".into())
            ]
        );
        assert_eq!(query_value("a=1&query=x&query=y", "query").as_deref(), Some("x"));
        assert_eq!(query_value("", "query"), None);
    }
}
