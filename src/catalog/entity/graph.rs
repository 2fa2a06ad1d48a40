//! The relations graph around one entity: which nodes and edges to draw for a
//! depth and a set of relation types, and where to put them. Pure; the page
//! fetches each ring of neighbours with one `by-refs` call.

use std::collections::{BTreeMap, BTreeSet};

/// One direction of each relation pair is drawn (Backstage stores both, e.g.
/// `dependsOn` and `dependencyOf`); the other is the same edge reversed.
pub const RELATION_TYPES: [(&str, &str); 7] = [
    ("ownedBy", "ownerOf"),
    ("partOf", "hasPart"),
    ("dependsOn", "dependencyOf"),
    ("providesApi", "apiProvidedBy"),
    ("consumesApi", "apiConsumedBy"),
    ("memberOf", "hasMember"),
    ("childOf", "parentOf"),
];

/// The forward name of a relation type, and whether `t` was the inverse.
pub fn forward(t: &str) -> Option<(&'static str, bool)> {
    RELATION_TYPES.iter().find_map(|(fwd, inv)| {
        if *fwd == t {
            Some((*fwd, false))
        } else if *inv == t {
            Some((*fwd, true))
        } else {
            None
        }
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Canonical ref (`component:default/x`).
    pub id: String,
    pub depth: u8,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// Forward relation type, e.g. `dependsOn`.
    pub relation: &'static str,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Nodes further than this from the root are left out, so the picture stays legible.
pub const MAX_NODES: usize = 80;
pub const RING: f64 = 150.0;

/// Breadth-first from `root` over `relations` (canonical ref → its `(type,
/// targetRef)` pairs, for every entity fetched so far), up to `depth` hops,
/// following only the `allowed` forward types.
pub fn build(root: &str, relations: &BTreeMap<String, Vec<(String, String)>>, depth: u8, allowed: &BTreeSet<&str>) -> Graph {
    let root = root.to_ascii_lowercase();
    let mut depth_of: BTreeMap<String, u8> = BTreeMap::new();
    depth_of.insert(root.clone(), 0);
    let mut order = vec![root.clone()];
    let mut edges: BTreeSet<Edge> = BTreeSet::new();
    let mut frontier = vec![root];
    for d in 1..=depth {
        let mut next = Vec::new();
        for id in &frontier {
            for (t, target) in relations.get(id).map(Vec::as_slice).unwrap_or(&[]) {
                let Some((fwd, inverse)) = forward(t) else { continue };
                if !allowed.contains(fwd) {
                    continue;
                }
                let target = target.to_ascii_lowercase();
                if !depth_of.contains_key(&target) {
                    if depth_of.len() >= MAX_NODES {
                        continue;
                    }
                    depth_of.insert(target.clone(), d);
                    order.push(target.clone());
                    next.push(target.clone());
                }
                let (from, to) = if inverse { (target.clone(), id.clone()) } else { (id.clone(), target.clone()) };
                edges.insert(Edge { from, to, relation: fwd });
            }
        }
        frontier = next;
    }
    // Rings by depth; each ring spread evenly, starting at the top.
    let mut nodes = Vec::with_capacity(order.len());
    for d in 0..=depth {
        let ring: Vec<&String> = order.iter().filter(|id| depth_of[*id] == d).collect();
        let n = ring.len().max(1) as f64;
        for (i, id) in ring.into_iter().enumerate() {
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n + d as f64 * 0.35;
            let r = RING * d as f64;
            nodes.push(Node {
                id: id.clone(),
                depth: d,
                x: (r * angle.cos() * 100.0).round() / 100.0,
                y: (r * angle.sin() * 100.0).round() / 100.0,
            });
        }
    }
    Graph { nodes, edges: edges.into_iter().collect() }
}

/// The refs at `depth` hops whose own relations are still unknown: what the page
/// asks the backend for next.
pub fn missing_at_depth(g: &Graph, relations: &BTreeMap<String, Vec<(String, String)>>, depth: u8) -> Vec<String> {
    g.nodes.iter().filter(|n| n.depth == depth && !relations.contains_key(&n.id)).map(|n| n.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(pairs: &[(&str, &[(&str, &str)])]) -> BTreeMap<String, Vec<(String, String)>> {
        pairs.iter().map(|(id, r)| (id.to_string(), r.iter().map(|(t, x)| (t.to_string(), x.to_string())).collect())).collect()
    }

    fn all() -> BTreeSet<&'static str> {
        RELATION_TYPES.iter().map(|(f, _)| *f).collect()
    }

    #[test]
    fn one_edge_per_relation_pair_and_depth_limits() {
        let r = rels(&[
            (
                "component:default/a",
                &[("dependsOn", "component:default/b"), ("ownedBy", "group:default/t"), ("dependencyOf", "component:default/c")],
            ),
            ("component:default/b", &[("dependencyOf", "component:default/a"), ("dependsOn", "resource:default/db")]),
        ]);
        let g = build("Component:default/a", &r, 1, &all());
        assert_eq!(g.nodes.len(), 4);
        assert_eq!(g.nodes[0], Node { id: "component:default/a".into(), depth: 0, x: 0.0, y: 0.0 });
        assert!(g.edges.contains(&Edge { from: "component:default/c".into(), to: "component:default/a".into(), relation: "dependsOn" }));
        assert_eq!(g.edges.len(), 3);

        let g2 = build("component:default/a", &r, 2, &all());
        assert!(g2.nodes.iter().any(|n| n.id == "resource:default/db" && n.depth == 2));
        // a→b is found from both sides but drawn once.
        assert_eq!(g2.edges.iter().filter(|e| e.from == "component:default/a" && e.to == "component:default/b").count(), 1);
        assert_eq!(missing_at_depth(&g2, &r, 1), vec!["group:default/t", "component:default/c"]);
    }

    #[test]
    fn relation_filter() {
        let r = rels(&[("component:default/a", &[("dependsOn", "component:default/b"), ("ownedBy", "group:default/t")])]);
        let only_owner: BTreeSet<&str> = ["ownedBy"].into_iter().collect();
        let g = build("component:default/a", &r, 3, &only_owner);
        assert_eq!(g.nodes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), vec!["component:default/a", "group:default/t"]);
    }

    #[test]
    fn rings_are_spread_around_the_root() {
        let r = rels(&[("x:d/r", &[("dependsOn", "x:d/1"), ("dependsOn", "x:d/2")])]);
        let g = build("x:d/r", &r, 1, &all());
        let (a, b) = (&g.nodes[1], &g.nodes[2]);
        let dist = |n: &Node| (n.x * n.x + n.y * n.y).sqrt();
        assert!((dist(a) - RING).abs() < 0.1 && (dist(b) - RING).abs() < 0.1);
        assert!((a.x - b.x).abs() + (a.y - b.y).abs() > 100.0);
    }

    #[test]
    fn node_count_is_capped() {
        let many: Vec<(String, String)> = (0..200).map(|i| ("dependsOn".to_string(), format!("component:default/n{i}"))).collect();
        let mut r = BTreeMap::new();
        r.insert("component:default/root".to_string(), many);
        assert_eq!(build("component:default/root", &r, 1, &all()).nodes.len(), MAX_NODES);
    }
}
