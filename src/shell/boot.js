// Starts the portal: loads the main wasm module (the chunks load on demand).
// A file rather than an inline script, so a strict Content-Security-Policy can
// forbid inline scripts.
//
// Before the wasm is there, it starts what does not need it, so those round trips
// overlap the download instead of following it (ARCHITECTURE.md, "Boot"):
// config.json, then the remembered provider's session refresh, then the page's
// first backend calls where the URL decides them. (The app starts the route's wasm
// chunk itself, shell/app.rs `warm`: preloading its ~30 files from here held up
// the first load's own files over HTTP/1.1.)
// Each answer waits in window.__stagedoorEarly under "METHOD url token" until the
// app asks for exactly that request (api/http.rs takes it once, after
// window.__stagedoorEarlyReady); a guess the app does not make is never used.

// The catalog's first page for /catalog without filters (catalog/data.rs,
// page_query; a native test keeps the two in step).
const CATALOG_FIRST_PAGE = /*CATALOG_FIRST_PAGE*/ '?filter=kind%3Dcomponent&orderField=metadata.name,asc&fields=kind,metadata.name,metadata.namespace,metadata.title,metadata.description,metadata.tags,metadata.annotations,metadata.links,spec.type,spec.lifecycle,spec.owner,spec.system,spec.domain,spec.profile&limit=20&totalItems=exclude' /*END*/;
const TIMEOUT_MS = 30000;

const early = new Map();
window.__stagedoorEarly = early;

/** Sends a GET and keeps its answer for the app; returns [answer, its bytes]. */
function earlyFetch(url, token, init = {}) {
  const headers = { ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  const signal = AbortSignal.timeout?.(TIMEOUT_MS);
  // The body is read at once: a big answer (a docs page) the app takes only later
  // would otherwise stall in the browser's network buffers until then.
  // (The answer is its own init: status, statusText and headers are read from it.)
  const answer = fetch(url, { ...init, headers, signal }).then((r) => r.arrayBuffer().then((body) => [new Response(body, r), body]));
  const kept = answer.then(([r]) => r);
  kept.catch(() => {});
  early.set(`GET ${url} ${token || ''}`, kept);
  return answer;
}

// An answer's JSON from its bytes, at once: a Response's own json() waits for
// the main thread once more, tens of ms while the wasm starts.
const json = (body) => JSON.parse(new TextDecoder().decode(body));

/** The app path's segments (percent-encoded, as in the address bar). */
function appSegments() {
  const base = new URL(document.baseURI).pathname;
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  return path.split('/').filter((s) => s);
}

/** The chunk's page (shell/routes.rs, Route::chunk; a native test keeps the
 * names in step) of the URLs whose first backend calls boot.js can tell. */
function firstPage(segs) {
  const [a, b] = segs;
  if (segs.length === 4 && a === 'catalog' && b !== 'export') return 'entity';
  if (segs.length === 4 && a === 'create' && b === 'templates') return 'create';
  if (segs.length >= 4 && a === 'docs') return 'docs_reader';
}

// The page this URL opens.
const segs = appSegments();
const page = firstPage(segs);

/** This page's first backend calls, when the URL alone decides them. */
function firstCalls(api) {
  const [a, b, c, d] = segs;
  if (segs.length === 1 && a === 'catalog' && !location.search) return [`${api}/catalog/entities/by-query${CATALOG_FIRST_PAGE}`];
  if (page === 'entity') {
    // The entity page asks for the entity and the locations it came through at once.
    const entity = `${api}/catalog/entities/by-name/${c}/${b}/${d}`;
    return [entity, `${entity}/ancestry`];
  }
  if (page === 'create') return [`${api}/scaffolder/v2/templates/${c}/template/${d}/parameter-schema`];
  // A docs page's HTML (api/techdocs.rs: namespace and kind lower-case), when no
  // segment needs encoding, so the app asks for the very same URL.
  if (page === 'docs_reader' && segs.every((s) => /^[\w.~-]+$/.test(s))) {
    const rest = segs.slice(4).map((s) => `${s}/`).join('');
    return [`${api}/techdocs/static/docs/${b.toLowerCase()}/${c.toLowerCase()}/${d}/${rest}index.html`];
  }
  return [];
}

/** Restores the session from `provider` of the backend at `base` (config.json's
 * `auth.environment`: `env`, encoded), then sends the page's first calls with
 * its token. */
async function restore(base, provider, env) {
  const refreshUrl = `${base}/api/auth/${provider}/refresh?optional&env=${env}`;
  const [refresh, body] = await earlyFetch(refreshUrl, null, { credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  if (!refresh.ok) return;
  const token = json(body)?.backstageIdentity?.token;
  // A backend older than Backstage 1.33 refuses totalItems (api/catalog.rs remembers).
  const noTotal = localStorage.getItem(`stagedoor:no-total-items@${base}`);
  for (const call of firstCalls(`${base}/api`)) {
    if (token) earlyFetch(noTotal ? call.replace('&totalItems=exclude', '') : call, token);
  }
}

async function startEarly() {
  const configUrl = new URL('config.json', document.baseURI).href;
  const reading = earlyFetch(configUrl).then(([, body]) => json(body));
  const signedIn = (base) => localStorage.getItem(`stagedoor:signed-in-with@${base}`);
  // The session is restored as on the last visit at once, before config.json
  // is read: those few steps would wait tens of ms for a main thread busy
  // starting the wasm. Still signed in with the same provider (signing out
  // forgets it), the guess is nearly always right, and a wrong one (config.json
  // changed) is a request the app never uses.
  const lastKey = `stagedoor:last-session@${configUrl}`;
  const last = localStorage.getItem(lastKey);
  const [lastBase, lastProvider, lastEnv] = last?.split(' ') || [];
  const guessed = lastProvider && signedIn(lastBase) === lastProvider && restore(lastBase, lastProvider, lastEnv);
  const config = await reading;
  const base = String(config?.backend?.baseUrl || '').trim().replace(/\/+$/, '');
  const env = encodeURIComponent(config?.auth?.environment || 'development');
  if (!/^https?:\/\//.test(base)) return;
  const provider = signedIn(base);
  if (!provider) return;
  const session = `${base} ${provider} ${env}`;
  if (guessed && session === last) return guessed;
  localStorage.setItem(lastKey, session);
  return restore(base, provider, env);
}

// Where the wasm and the pages' own stylesheets are (ui/page_style.rs).
window.__stagedoorPkg = new URL('./', import.meta.url).href;
// An embedding page hands over its own configuration and routes: nothing to guess.
if (!window.STAGEDOOR_CONFIG) {
  // The app waits for "ready" (everything guessed has been sent) before it looks
  // for an answer, or it could race this chain and send the same call itself.
  window.__stagedoorEarlyReady = startEarly().catch(() => {});
  // A chunk's page opened first: all its wasm in one file, fetched now rather
  // than file by file once the main module runs (scripts/build/first-pages.mjs);
  // the chunks' loader takes its slices from this answer.
  if (page) window.__stagedoorFirst = earlyFetch(`${window.__stagedoorPkg}first-${page}.bin`).then(([r]) => r);
}
// The chunks' loader (scripts/build/split-loader.mjs), beside main.js when the
// first page is a chunk's; the catalog list, in the main module, does without.
const modulePreload = (file) => document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: window.__stagedoorPkg + file }));
if (segs.length > 1 || (segs.length === 1 && segs[0] !== 'catalog')) modulePreload('chunk-loader.js');
// A docs page's own script (below), which the reader imports only once the
// page's HTML is in: a round trip saved.
if (page === 'docs_reader') modulePreload('docs-read.js');
// What opening another page needs first, fetched once the first page is up (the
// catalog asks, catalog/list.rs): the chunks' loader and the small shared chunks
// packed in one file. Their names are hashed and cached, so the loader's own
// import and fetch later find them here.
window.__stagedoorPrefetch = () => {
  import('./chunk-loader.js').catch(() => {});
  fetch(new URL('./small-chunks.bin', import.meta.url)).then((r) => r.arrayBuffer()).catch(() => {});
};
// A page's own script (the docs reader's, src/docs/in_browser.js), imported once.
window.__stagedoorImport = (file) => import(window.__stagedoorPkg + file);
// A page's own stylesheets (style/pages/), each linked once: the promise settles
// when they have loaded or failed, or after 3 s of a stalled connection (a page
// without its styles is better than no page). Here rather than in Rust, where
// the promise and its callbacks cost ten times the bytes.
const pageStyles = {};
window.__stagedoorStyles = (files) => Promise.all(files.map((file) => (pageStyles[file] ||= new Promise((done) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: window.__stagedoorPkg + file });
  link.onload = link.onerror = done;
  setTimeout(done, 3000);
  document.head.append(link);
}))));
const { default: init } = await import('./main.js');
const wasm = await init({ module_or_path: new URL('./main_bg.wasm', import.meta.url) });
dispatchEvent(new CustomEvent('StagedoorStarted', { detail: { wasm } }));
