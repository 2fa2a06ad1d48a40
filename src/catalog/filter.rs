//! The catalog list's state: every filter, the sort, the page. It lives in the URL
//! (so a link reproduces the view and back/forward work) and turns into the
//! server-side query; nothing is filtered in the browser except the small set of
//! starred entities.

use crate::model::entity_ref::EntityRef;
use crate::model::text::capitalized;

/// "Owned by me / starred / all", as Backstage's user filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UserFilter {
    #[default]
    All,
    Owned,
    Starred,
}

impl UserFilter {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "all" => Some(Self::All),
            "owned" => Some(Self::Owned),
            "starred" => Some(Self::Starred),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Owned => "owned",
            Self::Starred => "starred",
        }
    }
}

/// Columns the list can sort by, with the entity field the backend orders on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortField {
    Name,
    Title,
    Type,
    Lifecycle,
    Owner,
}

impl SortField {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "name" => Some(Self::Name),
            "title" => Some(Self::Title),
            "type" => Some(Self::Type),
            "lifecycle" => Some(Self::Lifecycle),
            "owner" => Some(Self::Owner),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Title => "title",
            Self::Type => "type",
            Self::Lifecycle => "lifecycle",
            Self::Owner => "owner",
        }
    }
    pub fn entity_field(self) -> &'static str {
        match self {
            Self::Name => "metadata.name",
            Self::Title => "metadata.title",
            Self::Type => "spec.type",
            Self::Lifecycle => "spec.lifecycle",
            Self::Owner => "spec.owner",
        }
    }
}

/// A link may ask for any page size up to `MAX_LIMIT`.
pub const MAX_LIMIT: u32 = 500;
pub const DEFAULT_KIND: &str = "component";

/// Text-filter fields, as Backstage's own catalog page searches.
pub const TEXT_FIELDS: [&str; 3] = ["metadata.name", "metadata.title", "spec.profile.displayName"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogFilter {
    /// Lower-case kind (the catalog shows one kind at a time); empty for any kind
    /// (the docs index).
    pub kind: String,
    /// Only entities with this annotation (set by a page, never from the URL).
    pub annotation: Option<&'static str>,
    pub types: Vec<String>,
    /// Owner entity refs, canonical (`group:default/team-a`).
    pub owners: Vec<String>,
    pub lifecycles: Vec<String>,
    pub tags: Vec<String>,
    pub namespaces: Vec<String>,
    pub user: UserFilter,
    /// Only entities whose location is gone (`backstage.io/orphan`).
    pub orphan: bool,
    pub text: String,
    pub sort: SortField,
    pub descending: bool,
    pub limit: u32,
    /// Cursor of the page shown, and how many rows come before it.
    pub cursor: Option<String>,
    pub offset: u64,
}

impl Default for CatalogFilter {
    fn default() -> Self {
        Self {
            kind: DEFAULT_KIND.to_string(),
            annotation: None,
            types: vec![],
            owners: vec![],
            lifecycles: vec![],
            tags: vec![],
            namespaces: vec![],
            user: UserFilter::All,
            orphan: false,
            text: String::new(),
            sort: SortField::Name,
            descending: false,
            limit: crate::ui::pager::PAGE_SIZES[0],
            cursor: None,
            offset: 0,
        }
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let v = value.trim();
    if !v.is_empty() && !list.iter().any(|x| x == v) {
        list.push(v.to_string());
    }
}

fn normalize_owner(s: &str) -> Option<String> {
    EntityRef::parse(s, Some("group"), "default").map(|r| r.canonical())
}

impl CatalogFilter {
    /// Reads decoded query pairs. Accepts this portal's keys (`kind`, `type`,
    /// `owner`, `lifecycle`, `tag`, `namespace`, `user`, `orphan`, `q`, `sort`,
    /// `limit`, `cursor`, `offset`) and Backstage's `filters[kind]=…` shape, so
    /// links shared from Backstage keep working. Unknown or bad values are ignored.
    pub fn from_query(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        for (key, value) in pairs {
            let key = key.strip_prefix("filters[").and_then(|k| k.strip_suffix(']')).unwrap_or(key);
            // Backstage writes repeated values as `filters[tags][0]=…` and as comma lists.
            let key = key.split('[').next().unwrap_or(key).trim_end_matches(']');
            let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key {
                "kind" => {
                    if let Some(k) = values().next() {
                        f.kind = k.to_ascii_lowercase();
                    }
                }
                "type" => values().for_each(|v| push_unique(&mut f.types, &v.to_ascii_lowercase())),
                "owner" | "owners" => values().filter_map(normalize_owner).for_each(|v| push_unique(&mut f.owners, &v)),
                "lifecycle" | "lifecycles" => values().for_each(|v| push_unique(&mut f.lifecycles, &v.to_ascii_lowercase())),
                "tag" | "tags" => values().for_each(|v| push_unique(&mut f.tags, v)),
                "namespace" | "namespaces" => values().for_each(|v| push_unique(&mut f.namespaces, &v.to_ascii_lowercase())),
                "user" => f.user = UserFilter::parse(value).unwrap_or_default(),
                "orphan" => f.orphan = value == "true",
                "q" | "text" => f.text = value.trim().to_string(),
                "sort" => {
                    let (field, dir) = value.split_once(':').unwrap_or((value, "asc"));
                    if let Some(s) = SortField::parse(field) {
                        f.sort = s;
                        f.descending = dir == "desc";
                    }
                }
                "limit" => {
                    if let Some(l) = value.parse().ok().filter(|l| (1..=MAX_LIMIT).contains(l)) {
                        f.limit = l;
                    }
                }
                "cursor" if !value.is_empty() => f.cursor = Some(value.clone()),
                "offset" => f.offset = value.parse().unwrap_or(0),
                _ => {}
            }
        }
        f
    }

    /// The query pairs that reproduce this view (defaults left out).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let d = Self::default();
        let mut q: Vec<(&'static str, String)> = Vec::new();
        if self.kind != d.kind {
            q.push(("kind", self.kind.clone()));
        }
        for (key, list) in [
            ("type", &self.types),
            ("owner", &self.owners),
            ("lifecycle", &self.lifecycles),
            ("tag", &self.tags),
            ("namespace", &self.namespaces),
        ] {
            q.extend(list.iter().map(|v| (key, v.clone())));
        }
        if self.user != d.user {
            q.push(("user", self.user.as_str().to_string()));
        }
        if self.orphan {
            q.push(("orphan", "true".into()));
        }
        if !self.text.is_empty() {
            q.push(("q", self.text.clone()));
        }
        if self.sort != d.sort || self.descending {
            q.push(("sort", format!("{}:{}", self.sort.as_str(), if self.descending { "desc" } else { "asc" })));
        }
        if self.limit != d.limit {
            q.push(("limit", self.limit.to_string()));
        }
        if let Some(c) = &self.cursor {
            q.push(("cursor", c.clone()));
        }
        if self.offset > 0 {
            q.push(("offset", self.offset.to_string()));
        }
        q
    }

    /// The same view from its first page: any change of filter or sort starts over.
    pub fn first_page(mut self) -> Self {
        self.cursor = None;
        self.offset = 0;
        self
    }

    /// Server-side conditions, all ANDed; values of one key are ORed by the
    /// backend (`spec.type=service,spec.type=website`). `ownership` are the
    /// signed-in identity's `ownershipEntityRefs`, used by "owned by me".
    pub fn conditions(&self, ownership: &[String], skip: Option<Facet>) -> String {
        let mut c: Vec<String> = vec![];
        if !self.kind.is_empty() {
            c.push(format!("kind={}", self.kind));
        }
        if let Some(a) = self.annotation {
            // A bare key matches "annotation present".
            c.push(format!("metadata.annotations.{a}"));
        }
        let mut add = |facet: Facet, values: &[String]| {
            if skip != Some(facet) {
                c.extend(values.iter().map(|v| format!("{}={}", facet.field(), v)));
            }
        };
        add(Facet::Type, &self.types);
        add(Facet::Lifecycle, &self.lifecycles);
        add(Facet::Tag, &self.tags);
        add(Facet::Namespace, &self.namespaces);
        c.extend(self.owners.iter().map(|o| format!("relations.ownedBy={o}")));
        if self.user == UserFilter::Owned {
            if ownership.is_empty() {
                // Nobody owns nothing: match no entity rather than every entity.
                c.push("relations.ownedBy=-".into());
            }
            c.extend(ownership.iter().map(|o| format!("relations.ownedBy={}", o.to_ascii_lowercase())));
        }
        if self.orphan {
            c.push("metadata.annotations.backstage.io/orphan=true".into());
        }
        c.join(",")
    }

    pub fn order_field(&self) -> String {
        format!("{},{}", self.sort.entity_field(), if self.descending { "desc" } else { "asc" })
    }

    /// Whether any filter beyond the kind narrows the list.
    pub fn is_narrowed(&self) -> bool {
        !(self.types.is_empty()
            && self.owners.is_empty()
            && self.lifecycles.is_empty()
            && self.tags.is_empty()
            && self.namespaces.is_empty())
            || self.user != UserFilter::All
            || self.orphan
            || !self.text.is_empty()
    }

    /// Toggles one value of a multi-value filter.
    pub fn toggle(mut self, facet: Facet, value: &str) -> Self {
        let list = match facet {
            Facet::Type => &mut self.types,
            Facet::Lifecycle => &mut self.lifecycles,
            Facet::Tag => &mut self.tags,
            Facet::Namespace => &mut self.namespaces,
        };
        if let Some(i) = list.iter().position(|v| v == value) {
            list.remove(i);
        } else {
            list.push(value.to_string());
        }
        self.first_page()
    }
}

/// Filters whose options come from `/entity-facets`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Type,
    Lifecycle,
    Tag,
    Namespace,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Type, Facet::Lifecycle, Facet::Tag, Facet::Namespace];
    pub fn field(self) -> &'static str {
        match self {
            Facet::Type => "spec.type",
            Facet::Lifecycle => "spec.lifecycle",
            Facet::Tag => "metadata.tags",
            Facet::Namespace => "metadata.namespace",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Facet::Type => "Type",
            Facet::Lifecycle => "Lifecycle",
            Facet::Tag => "Tags",
            Facet::Namespace => "Namespace",
        }
    }
    pub fn selected(self, f: &CatalogFilter) -> &[String] {
        match self {
            Facet::Type => &f.types,
            Facet::Lifecycle => &f.lifecycles,
            Facet::Tag => &f.tags,
            Facet::Namespace => &f.namespaces,
        }
    }
}

/// "Components", "APIs": how the table's caption names a kind.
pub fn kind_plural(kind: &str) -> String {
    match kind {
        "api" => "APIs".into(),
        k => capitalized(k) + "s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_captions() {
        assert_eq!(kind_plural("component"), "Components");
        assert_eq!(kind_plural("api"), "APIs");
    }

    fn pairs(q: &str) -> Vec<(String, String)> {
        crate::model::query::parse_query(q)
    }

    #[test]
    fn defaults() {
        let f = CatalogFilter::from_query(&[]);
        assert_eq!(f, CatalogFilter::default());
        assert_eq!(f.conditions(&[], None), "kind=component");
        assert_eq!(f.order_field(), "metadata.name,asc");
        assert!(f.to_query().is_empty());
        assert!(!f.is_narrowed());
    }

    #[test]
    fn own_shape_round_trips() {
        let q = "kind=api&type=openapi&type=grpc&owner=team-a&lifecycle=production&tag=java&namespace=ops&user=owned&orphan=true&q=pay&sort=type:desc&limit=50&cursor=abc&offset=50";
        let f = CatalogFilter::from_query(&pairs(q));
        assert_eq!(f.kind, "api");
        assert_eq!(f.types, vec!["openapi", "grpc"]);
        assert_eq!(f.owners, vec!["group:default/team-a"]);
        assert_eq!(f.user, UserFilter::Owned);
        assert!(f.orphan && f.descending);
        assert_eq!(f.sort, SortField::Type);
        assert_eq!((f.limit, f.offset), (50, 50));
        assert_eq!(f.cursor.as_deref(), Some("abc"));
        let back: Vec<(String, String)> = f.to_query().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        assert_eq!(CatalogFilter::from_query(&back), f);
    }

    #[test]
    fn backstage_filters_shape_is_accepted() {
        let f = CatalogFilter::from_query(&pairs("filters%5Bkind%5D=Component&filters%5Buser%5D=starred&filters%5Btags%5D%5B0%5D=java&filters%5Btags%5D%5B1%5D=go&filters%5Bowners%5D=user:default/alice,group:ops/x&filters%5Blifecycles%5D=production"));
        assert_eq!(f.kind, "component");
        assert_eq!(f.user, UserFilter::Starred);
        assert_eq!(f.tags, vec!["java", "go"]);
        assert_eq!(f.owners, vec!["user:default/alice", "group:ops/x"]);
        assert_eq!(f.lifecycles, vec!["production"]);
    }

    #[test]
    fn bad_values_are_ignored() {
        let f = CatalogFilter::from_query(&pairs("limit=0&limit=501&sort=bogus:desc&user=everyone&offset=x&owner=a:b/c/d"));
        assert_eq!(f, CatalogFilter::default());
    }

    #[test]
    fn any_kind_with_an_annotation() {
        let f = CatalogFilter { kind: String::new(), annotation: Some("backstage.io/techdocs-ref"), ..CatalogFilter::default() };
        assert_eq!(f.conditions(&[], None), "metadata.annotations.backstage.io/techdocs-ref");
        // Not something a URL can set.
        assert_eq!(f.to_query(), vec![("kind", String::new())]);
    }

    #[test]
    fn conditions_for_the_server() {
        let mut f = CatalogFilter::from_query(&pairs("type=service&type=website&tag=java&owner=team-a&user=owned&orphan=true"));
        let own = vec!["user:default/guest".to_string(), "group:default/Team-Web".to_string()];
        assert_eq!(
            f.conditions(&own, None),
            "kind=component,spec.type=service,spec.type=website,metadata.tags=java,relations.ownedBy=group:default/team-a,relations.ownedBy=user:default/guest,relations.ownedBy=group:default/team-web,metadata.annotations.backstage.io/orphan=true"
        );
        // A facet's own selection does not narrow its options.
        assert!(!f.conditions(&own, Some(Facet::Type)).contains("spec.type"));
        f.user = UserFilter::Owned;
        assert!(f.conditions(&[], None).contains("relations.ownedBy=-"));
    }

    #[test]
    fn toggling_starts_from_the_first_page() {
        let f = CatalogFilter::from_query(&pairs("cursor=abc&offset=20"));
        let f = f.toggle(Facet::Lifecycle, "production");
        assert_eq!(f.lifecycles, vec!["production"]);
        assert_eq!((f.cursor.as_deref(), f.offset), (None, 0));
        let f = f.toggle(Facet::Lifecycle, "production");
        assert!(f.lifecycles.is_empty());
    }
}
