//! Where a link or asset in a TechDocs page points, seen from the portal: another
//! page of the same site (a portal route), a file of the site (the backend's
//! static URL), an outside address, or nothing safe at all.

/// A docs page's place: the site's static root on the backend, its portal route,
/// and the page's path within the site (`operations/runbook/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsLocation {
    /// `http://backend/api/techdocs/static/docs/default/component/x/` (ends in `/`).
    pub static_base: String,
    /// `/docs/default/component/x/` (ends in `/`).
    pub portal_base: String,
    /// The page within the site, `""` for the home page, else ending in `/`.
    pub page_path: String,
    /// Outside hosts whose images and frames may load (none by default: air-gapped).
    pub allowed_hosts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A page of this site: its portal route (with `#fragment`).
    Page(String),
    /// A file of this site on the backend (image, download, stylesheet).
    File(String),
    /// `#anchor` on this page (the id as rewritten, see `anchor_id`).
    Anchor(String),
    /// An http(s) or mailto address elsewhere.
    Outside(String),
    /// Anything else (`javascript:`, `data:` outside images, escaping the site…).
    Refused,
}

/// Headings keep their ids with a prefix, so a page's `id="main"` can never take
/// the place of the portal's own elements.
pub fn anchor_id(id: &str) -> String {
    format!("doc-{id}")
}

fn scheme_of(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut c = scheme.chars();
    (c.next()?.is_ascii_alphabetic() && c.all(|x| x.is_ascii_alphanumeric() || "+-.".contains(x))).then(|| scheme.to_ascii_lowercase())
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("//")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host))
}

/// Joins a relative path onto a directory path within the site; `None` when it
/// climbs out of the site.
fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = rel.ends_with('/') || rel.is_empty() || rel.ends_with("/.") || rel == "." || rel.ends_with("/..") || rel == "..";
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Whether a site path is a page (a folder, or an `.html` file) rather than a file.
fn is_page(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    path.is_empty() || path.ends_with('/') || last.ends_with(".html") || !last.contains('.')
}

impl DocsLocation {
    /// A link to a heading of this page, with the page's own route in front: under
    /// the portal's `<base href>` a bare `#id` would point at the portal's root.
    pub fn anchor_href(&self, id: &str) -> String {
        format!("{}{}#{id}", self.portal_base, self.page_path)
    }

    /// What `url`, written in this page for an attribute of element `tag`, points at.
    pub fn resolve(&self, url: &str, tag: &str) -> Target {
        // Browsers ignore these inside URLs; so must the check (`java\tscript:`).
        let url: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
        if let Some(frag) = url.strip_prefix('#') {
            return Target::Anchor(anchor_id(frag));
        }
        if let Some(scheme) = scheme_of(&url) {
            return match scheme.as_str() {
                "http" | "https" => {
                    if let Some(rest) = url.strip_prefix(&self.static_base) {
                        return self.in_site(rest, tag);
                    }
                    let embedded = matches!(tag, "img" | "iframe" | "source" | "video" | "audio");
                    let allowed = host_of(&url).is_some_and(|h| self.allowed_hosts.iter().any(|a| a.eq_ignore_ascii_case(h)));
                    if embedded && !allowed {
                        Target::Refused
                    } else {
                        Target::Outside(url)
                    }
                }
                "mailto" if tag == "a" => Target::Outside(url),
                "data"
                    if tag == "img"
                        && url[5..].to_ascii_lowercase().starts_with("image/")
                        && !url[5..].to_ascii_lowercase().starts_with("image/svg") =>
                {
                    Target::File(url)
                }
                _ => Target::Refused,
            };
        }
        if url.starts_with("//") || url.starts_with('/') {
            // Protocol- or root-relative: outside this site and not worth guessing.
            return Target::Refused;
        }
        let (path, frag) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url.as_str(), None),
        };
        match join(&self.page_path, path) {
            Some(p) => self.in_site(&(p + &frag.map(|f| format!("#{f}")).unwrap_or_default()), tag),
            None => Target::Refused,
        }
    }

    /// A path within the site (with an optional `#fragment`).
    fn in_site(&self, rest: &str, tag: &str) -> Target {
        let (path, frag) = match rest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (rest, None),
        };
        let path = path.split('?').next().unwrap_or("");
        if tag == "a" && is_page(path) {
            let page = path.strip_suffix("index.html").unwrap_or(path);
            let page = match page.strip_suffix(".html") {
                Some(p) => format!("{p}/"),
                None => page.to_string(),
            };
            let frag = frag.map(|f| format!("#{}", anchor_id(f))).unwrap_or_default();
            Target::Page(format!("{}{page}{frag}", self.portal_base))
        } else {
            Target::File(format!("{}{path}", self.static_base))
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The fixture's checkout-service site, at `page`, allowing `hosts`.
    pub fn location(page: &str, hosts: &[&str]) -> DocsLocation {
        DocsLocation {
            static_base: "http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/".into(),
            portal_base: "/docs/default/component/checkout-service/".into(),
            page_path: page.into(),
            allowed_hosts: hosts.iter().map(|h| h.to_string()).collect(),
        }
    }

    fn at(page: &str) -> DocsLocation {
        location(page, &["img.acme.example"])
    }

    #[test]
    fn pages_of_the_site_become_portal_routes() {
        let l = at("operations/runbook/");
        assert_eq!(l.resolve("../../architecture/", "a"), Target::Page("/docs/default/component/checkout-service/architecture/".into()));
        assert_eq!(l.resolve("../..", "a"), Target::Page("/docs/default/component/checkout-service/".into()));
        assert_eq!(l.resolve("./", "a"), Target::Page("/docs/default/component/checkout-service/operations/runbook/".into()));
        assert_eq!(
            l.resolve("../../architecture/#payment-flow", "a"),
            Target::Page("/docs/default/component/checkout-service/architecture/#doc-payment-flow".into())
        );
        assert_eq!(
            at("").resolve("architecture/index.html", "a"),
            Target::Page("/docs/default/component/checkout-service/architecture/".into())
        );
        assert_eq!(at("").resolve("notes.html", "a"), Target::Page("/docs/default/component/checkout-service/notes/".into()));
        assert_eq!(at("").resolve("#top", "a"), Target::Anchor("doc-top".into()));
    }

    #[test]
    fn files_of_the_site_load_from_the_backend() {
        let l = at("architecture/");
        assert_eq!(
            l.resolve("../images/payment-flow.png", "img"),
            Target::File(
                "http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/images/payment-flow.png".into()
            )
        );
        assert_eq!(
            l.resolve("../files/report.pdf", "a"),
            Target::File("http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/files/report.pdf".into())
        );
        assert_eq!(
            l.resolve("http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/images/x.png", "img"),
            Target::File("http://127.0.0.1:7007/api/techdocs/static/docs/default/component/checkout-service/images/x.png".into())
        );
    }

    #[test]
    fn outside_addresses_and_refusals() {
        let l = at("");
        assert_eq!(l.resolve("https://backstage.io/docs", "a"), Target::Outside("https://backstage.io/docs".into()));
        assert_eq!(l.resolve("mailto:ops@acme.example", "a"), Target::Outside("mailto:ops@acme.example".into()));
        // Air-gapped: no image from an outside host unless config allows it.
        assert_eq!(l.resolve("https://fonts.example/x.png", "img"), Target::Refused);
        assert_eq!(l.resolve("https://img.acme.example/x.png", "img"), Target::Outside("https://img.acme.example/x.png".into()));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
            "file:///etc/passwd",
        ] {
            assert_eq!(l.resolve(bad, "a"), Target::Refused, "{bad}");
        }
        assert_eq!(l.resolve("data:image/svg+xml,<svg onload=alert(1)>", "img"), Target::Refused);
        assert!(matches!(l.resolve("data:image/png;base64,iVBOR", "img"), Target::File(_)));
        assert_eq!(l.resolve("../../../../etc/passwd", "a"), Target::Refused);
        assert_eq!(l.resolve("/api/catalog/entities", "a"), Target::Refused);
        assert_eq!(l.resolve("//evil.example/x", "img"), Target::Refused);
    }
}
