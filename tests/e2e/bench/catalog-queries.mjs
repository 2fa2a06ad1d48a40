// The backend's own time for the catalog page's query shapes and the
// alternatives to them, against the backend already running on 7007 (seed it
// first, e.g. with a catalog benchmark, or STAGEDOOR_GENERATED=N backend.sh start).
// Median of RUNS (default 5) per query; prints a table. Not a test.
//   node tests/e2e/bench/catalog-queries.mjs [label]
const BACKEND = process.env.BACKEND || 'http://127.0.0.1:7007';
const RUNS = Number(process.env.RUNS || 5);
const label = process.argv[2] || '';

const auth = await (await fetch(`${BACKEND}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json();
const headers = { Authorization: `Bearer ${auth.backstageIdentity.token}` };
const api = `${BACKEND}/api/catalog/entities/by-query`;
// The fields the catalog table asks for (catalog/data.rs).
const FIELDS = 'fields=kind,metadata.name,metadata.namespace,metadata.title,metadata.description,metadata.tags,metadata.annotations,metadata.links,spec.type,spec.lifecycle,spec.owner,spec.system,spec.domain,spec.profile';
const page = `${FIELDS}&limit=20&totalItems=exclude`;
const byName = 'orderField=metadata.name,asc';

async function time(query) {
  const times = [];
  let body;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await fetch(`${api}?${query}`, { headers });
    body = await res.json();
    times.push(performance.now() - t);
    if (!res.ok) throw new Error(`${res.status} for ${query}: ${JSON.stringify(body)}`);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(RUNS / 2)]), body };
}

const first = await time(`filter=kind%3Dcomponent&${byName}&${page}`);
const cursor = encodeURIComponent(first.body.pageInfo.nextCursor);
const total = (await (await fetch(`${api}?limit=0`, { headers })).json()).totalItems;
const shapes = [
  ['first page: components by name (the portal, and Backstage\'s own frontend)', `filter=kind%3Dcomponent&${byName}&${page}`],
  ['  the same, name descending', `filter=kind%3Dcomponent&orderField=metadata.name,desc&${page}`],
  ['  the same, unsorted (entity id order)', `filter=kind%3Dcomponent&${page}`],
  ['  every kind by name (no filter)', `${byName}&${page}`],
  ['  APIs by name', `filter=kind%3Dapi&${byName}&${page}`],
  ['  groups by name', `filter=kind%3Dgroup&${byName}&${page}`],
  ['next page (cursor)', `cursor=${cursor}&${FIELDS}&limit=20`],
  ['filter: type=service, lifecycle=production', `filter=kind%3Dcomponent,spec.type%3Dservice,spec.lifecycle%3Dproduction&${byName}&${page}`],
  ['text "component-0001" in name, title, display name (the portal)', `filter=kind%3Dcomponent&${byName}&fullTextFilterTerm=component-0001&fullTextFilterFields=metadata.name,metadata.title,spec.profile.displayName&${page}`],
  ['  the same, name only', `filter=kind%3Dcomponent&${byName}&fullTextFilterTerm=component-0001&fullTextFilterFields=metadata.name&${page}`],
  ['owner picker: groups matching "team-00019"', `filter=kind%3Dgroup&filter=kind%3Duser&${byName}&fullTextFilterTerm=team-00019&fullTextFilterFields=metadata.name,metadata.title,spec.profile.displayName&fields=kind,metadata.name,metadata.namespace,metadata.title,spec.profile.displayName&limit=20&totalItems=exclude`],
  ['with the count (totalItems)', `filter=kind%3Dcomponent&${byName}&${FIELDS}&limit=20`],
];
console.log(`backend time per query, median of ${RUNS}, ${total} entities${label ? ` (${label})` : ''}`);
for (const [name, q] of shapes) {
  const { ms } = await time(q);
  console.log(`${String(ms).padStart(7)} ms  ${name}`);
}
