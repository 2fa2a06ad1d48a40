//! An SVG map of the entities around one entity, 1–3 hops deep, filtered by
//! relation type; each node opens its entity page.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::api::types::Entity;
use crate::api::Backend;
use crate::catalog::entity::graph::{self, Graph, RELATION_TYPES, RING};
use crate::model::entity_ref::EntityRef;
use crate::shell::paths::href;
use crate::shell::router::use_router;
use crate::shell::routes::Route;
use crate::ui::loaded::Loaded;

type Relations = BTreeMap<String, Vec<(String, String)>>;

/// Fetches the rings of neighbours the chosen depth needs, one `by-refs` call per ring.
async fn load(
    backend: Backend,
    root: Entity,
    depth: u8,
    allowed: BTreeSet<&'static str>,
) -> Result<(Graph, Relations), crate::api::ApiError> {
    let root_id = root.entity_ref().canonical();
    let mut relations: Relations = BTreeMap::new();
    relations.insert(root_id.clone(), root.relations());
    for d in 1..depth {
        let g = graph::build(&root_id, &relations, d, &allowed);
        let missing = graph::missing_at_depth(&g, &relations, d);
        if missing.is_empty() {
            break;
        }
        let found = backend.entities_by_refs(&missing, &["kind", "metadata.name", "metadata.namespace", "relations"]).await?;
        for (id, e) in missing.into_iter().zip(found) {
            relations.insert(id, e.map(|e| e.relations()).unwrap_or_default());
        }
    }
    Ok((graph::build(&root_id, &relations, depth, &allowed), relations))
}

fn label(id: &str) -> (String, String) {
    match EntityRef::parse(id, None, "default") {
        Some(r) => (r.humanize(Some(&r.kind)), r.kind),
        None => (id.to_string(), String::new()),
    }
}

#[component]
pub fn RelationsGraph(entity: Entity) -> impl IntoView {
    let backend = expect_context::<Backend>();
    let router = use_router();
    let depth = RwSignal::new(1u8);
    let allowed = RwSignal::new(RELATION_TYPES.iter().map(|(f, _)| *f).collect::<BTreeSet<&'static str>>());
    let data = Loaded::new(move || load(backend.clone(), entity.clone(), depth.get(), allowed.get()));

    let picture = move |g: Graph| {
        let extent = RING * (g.nodes.iter().map(|n| n.depth).max().unwrap_or(0) as f64) + 110.0;
        let view_box = format!("{} {} {} {}", -extent, -extent, 2.0 * extent, 2.0 * extent);
        let pos: BTreeMap<String, (f64, f64)> = g.nodes.iter().map(|n| (n.id.clone(), (n.x, n.y))).collect();
        let edges = g
            .edges
            .iter()
            .filter_map(|e| {
                let ((x1, y1), (x2, y2)) = (*pos.get(&e.from)?, *pos.get(&e.to)?);
                Some(view! {
                    <g class="graph-edge">
                        <line x1=x1 y1=y1 x2=x2 y2=y2/>
                        <text x=(x1 + x2) / 2.0 y=(y1 + y2) / 2.0 - 4.0 text-anchor="middle">{e.relation}</text>
                    </g>
                })
            })
            .collect_view();
        let nodes = g
            .nodes
            .into_iter()
            .map(|n| {
                let (name, kind) = label(&n.id);
                let path = EntityRef::parse(&n.id, None, "default").map(|r| Route::Entity(r).path()).unwrap_or_default();
                let target = path.clone();
                let root = n.depth == 0;
                let data_href = href(&path);
                view! {
                    <g class="graph-node" class:root=root role="link" tabindex="0"
                        data-href=data_href
                        on:click=move |_| router.navigate(&target, false)
                        on:keydown=move |ev| if ev.key() == "Enter" { router.navigate(&path, false) }>
                        <rect x=n.x - 70.0 y=n.y - 20.0 width="140" height="40" rx="6"/>
                        <text x=n.x y=n.y - 3.0 text-anchor="middle">{name}</text>
                        <text x=n.x y=n.y + 12.0 text-anchor="middle" class="graph-kind">{format!(" ({kind})")}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="relations-graph" viewBox=view_box role="group" aria-label="Relations graph">
                {edges}
                {nodes}
            </svg>
        }
    };

    view! {
        <section class="card graph-card" aria-labelledby="graph-heading">
            <h2 id="graph-heading">"Relations graph"</h2>
            <div class="graph-controls">
                <label>
                    "Depth "
                    <select on:change:target=move |ev| depth.set(ev.target().value().parse().unwrap_or(1))>
                        {[1u8, 2, 3].into_iter().map(|d| view! { <option value=d.to_string() selected=d == 1>{d.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                <fieldset class="graph-relations">
                    <legend>"Relations shown"</legend>
                    {RELATION_TYPES.into_iter().map(|(fwd, _)| {
                        let id = format!("graph-rel-{fwd}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=id.clone() prop:checked=move || allowed.with(|a| a.contains(fwd))
                                    on:change=move |_| allowed.update(|a| { if !a.remove(fwd) { a.insert(fwd); } })/>
                                <label for=id>{fwd}</label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            {crate::ui::async_view::async_view(data, "the graph", move |(g, _)| picture(g))}
        </section>
    }
}
