//! The search page's state as it stands in the URL, the search API's query for it,
//! result locations as portal links, and highlighted matches as plain text runs
//! (the page renders marked runs as `<mark>` elements, never backend text as HTML).

use crate::api::types::SearchHighlight;

/// A result type tab: all types, or one of the backend's collators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SearchTab {
    #[default]
    All,
    Catalog,
    Docs,
}

impl SearchTab {
    pub const ALL: [SearchTab; 3] = [SearchTab::All, SearchTab::Catalog, SearchTab::Docs];

    /// The collator's type name (`types[0]=…`), none for all.
    pub fn api_type(self) -> Option<&'static str> {
        match self {
            SearchTab::All => None,
            SearchTab::Catalog => Some("software-catalog"),
            SearchTab::Docs => Some("techdocs"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SearchTab::All => "All",
            SearchTab::Catalog => "Software Catalog",
            SearchTab::Docs => "Documentation",
        }
    }

    fn parse(s: &str) -> Self {
        Self::ALL.into_iter().find(|t| t.api_type() == Some(s)).unwrap_or_default()
    }
}

/// The label a result type shows with (`software-catalog` → "Catalog").
pub fn type_label(result_type: &str) -> &str {
    match result_type {
        "software-catalog" => "Catalog",
        "techdocs" => "Documentation",
        other => other,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub term: String,
    pub tab: SearchTab,
    /// Entity kind (`Component`), as the collators write it.
    pub kind: String,
    /// Lifecycle (catalog results only).
    pub lifecycle: String,
    pub cursor: Option<String>,
}

impl SearchQuery {
    /// Reads the page's query pairs (`query`, `type`, `kind`, `lifecycle`, `page`).
    pub fn from_query(pairs: &[(String, String)]) -> Self {
        let mut q = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "query" | "term" => q.term = v.clone(),
                "type" | "types[0]" => q.tab = SearchTab::parse(v),
                "kind" | "filters[kind]" => q.kind = v.trim().to_string(),
                "lifecycle" | "filters[lifecycle]" => q.lifecycle = v.trim().to_ascii_lowercase(),
                "page" if !v.is_empty() => q.cursor = Some(v.clone()),
                _ => {}
            }
        }
        q
    }

    /// The page's own query pairs (empty values left out).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        self.pairs(["query", "type", "kind", "lifecycle", "page"], false)
    }

    /// The search API's query pairs (`GET /api/search/query`).
    pub fn api_query(&self) -> Vec<(&'static str, String)> {
        self.pairs(["term", "types[0]", "filters[kind]", "filters[lifecycle]", "pageCursor"], true)
    }

    /// Term, type, kind, lifecycle and cursor under the given keys.
    fn pairs(&self, keys: [&'static str; 5], always_term: bool) -> Vec<(&'static str, String)> {
        let [term, tab, kind, lifecycle, cursor] = keys;
        let mut out = vec![];
        if always_term || !self.term.is_empty() {
            out.push((term, if always_term { self.term.trim().to_string() } else { self.term.clone() }));
        }
        if let Some(t) = self.tab.api_type() {
            out.push((tab, t.to_string()));
        }
        if !self.kind.is_empty() {
            out.push((kind, self.kind.clone()));
        }
        // Docs have no lifecycle: the filter would hide every docs result.
        if !self.lifecycle.is_empty() && self.tab != SearchTab::Docs {
            out.push((lifecycle, self.lifecycle.clone()));
        }
        if let Some(c) = &self.cursor {
            out.push((cursor, c.clone()));
        }
        out
    }
}

/// Where a result's `location` leads: portal routes stay in the portal (the
/// collators write `/catalog/…` and `/docs/…`), http(s) addresses open outside,
/// anything else is not a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultLink {
    App(String),
    Outside(String),
    None,
}

pub fn result_link(location: &str) -> ResultLink {
    let l = location.trim();
    if l.starts_with('/') && !l.starts_with("//") && !l.contains('\\') {
        ResultLink::App(l.to_string())
    } else if l.starts_with("https://") || l.starts_with("http://") {
        ResultLink::Outside(l.to_string())
    } else {
        ResultLink::None
    }
}

/// Splits highlighted text at the engine's tags into runs, `true` for a match.
/// Tags are the engine's own (random per backend), never HTML to parse; an
/// unclosed match runs to the end, empty runs are dropped.
/// A field of a search hit as text runs (`true` = matched), if the engine marked it.
pub fn marked_field(h: &SearchHighlight, field: &str) -> Option<Vec<(String, bool)>> {
    Some(highlight_runs(h.field(field)?, &h.pre_tag, &h.post_tag))
}

pub fn highlight_runs(text: &str, pre: &str, post: &str) -> Vec<(String, bool)> {
    let mut runs = vec![];
    if pre.is_empty() || post.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let mut rest = text;
    while let Some(start) = rest.find(pre) {
        if start > 0 {
            runs.push((rest[..start].to_string(), false));
        }
        let after = &rest[start + pre.len()..];
        match after.find(post) {
            Some(end) => {
                if end > 0 {
                    runs.push((after[..end].to_string(), true));
                }
                rest = &after[end + post.len()..];
            }
            None => {
                if !after.is_empty() {
                    runs.push((after.to_string(), true));
                }
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        runs.push((rest.to_string(), false));
    }
    runs
}

/// A long text cut around its first match, so the match is what shows.
pub fn excerpt(runs: Vec<(String, bool)>, max_chars: usize) -> Vec<(String, bool)> {
    let total: usize = runs.iter().map(|(t, _)| t.chars().count()).sum();
    if total <= max_chars {
        return runs;
    }
    let before_match: usize = runs.iter().take_while(|(_, m)| !m).map(|(t, _)| t.chars().count()).sum();
    let mut skip = before_match.saturating_sub(max_chars / 4);
    let mut budget = max_chars;
    let mut out = vec![];
    if skip > 0 {
        out.push(("…".to_string(), false));
    }
    for (text, marked) in runs {
        let n = text.chars().count();
        if skip >= n {
            skip -= n;
            continue;
        }
        let piece: String = text.chars().skip(skip).take(budget).collect();
        skip = 0;
        budget -= piece.chars().count();
        out.push((piece, marked));
        if budget == 0 {
            out.push(("…".to_string(), false));
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        crate::model::query::parse_query(q)
    }

    #[test]
    fn url_round_trip_and_api_query() {
        let q = SearchQuery::from_query(&pairs("query=ledger%20writes&type=software-catalog&kind=Component&lifecycle=Production&page=abc"));
        assert_eq!(q.term, "ledger writes");
        assert_eq!(q.tab, SearchTab::Catalog);
        assert_eq!(q.lifecycle, "production");
        assert_eq!(SearchQuery::from_query(&q.to_query().into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>()), q);
        assert_eq!(
            q.api_query(),
            vec![
                ("term", "ledger writes".to_string()),
                ("types[0]", "software-catalog".into()),
                ("filters[kind]", "Component".into()),
                ("filters[lifecycle]", "production".into()),
                ("pageCursor", "abc".into())
            ]
        );
    }

    #[test]
    fn docs_tab_drops_lifecycle_and_unknown_types_mean_all() {
        let q = SearchQuery { term: "x".into(), tab: SearchTab::Docs, lifecycle: "production".into(), ..Default::default() };
        assert_eq!(q.api_query(), vec![("term", "x".to_string()), ("types[0]", "techdocs".into())]);
        assert_eq!(SearchQuery::from_query(&pairs("type=nonsense")).tab, SearchTab::All);
    }

    #[test]
    fn result_locations() {
        assert_eq!(result_link("/catalog/default/component/x"), ResultLink::App("/catalog/default/component/x".into()));
        assert_eq!(result_link("/docs/default/component/x/run/"), ResultLink::App("/docs/default/component/x/run/".into()));
        assert_eq!(result_link("https://wiki.example/p"), ResultLink::Outside("https://wiki.example/p".into()));
        for bad in ["javascript:alert(1)", "//evil.example/x", "data:text/html,x", "/\\evil.example", ""] {
            assert_eq!(result_link(bad), ResultLink::None, "{bad}");
        }
    }

    #[test]
    fn highlight_runs_are_text() {
        let (pre, post) = ("<abc>", "</abc>");
        assert_eq!(
            highlight_runs("the <abc>ledger</abc> and <abc>writes</abc>.", pre, post),
            vec![("the ".into(), false), ("ledger".into(), true), (" and ".into(), false), ("writes".into(), true), (".".into(), false)]
        );
        // Markup in the text stays text; an unclosed tag marks to the end.
        assert_eq!(
            highlight_runs("<img src=x onerror=alert(1)> <abc>x", pre, post),
            vec![("<img src=x onerror=alert(1)> ".into(), false), ("x".into(), true)]
        );
        assert_eq!(highlight_runs("plain", "", ""), vec![("plain".into(), false)]);
    }

    #[test]
    fn excerpt_keeps_the_match_in_view() {
        let long = "a".repeat(500);
        let runs = vec![(long.clone(), false), ("match".into(), true), (long, false)];
        let e = excerpt(runs, 100);
        assert!(e.iter().any(|(t, m)| *m && t == "match"));
        assert!(e.iter().map(|(t, _)| t.chars().count()).sum::<usize>() <= 102);
        assert_eq!(e.first().unwrap().0, "…");
        let short = vec![("short".to_string(), false)];
        assert_eq!(excerpt(short.clone(), 100), short);
    }
}
