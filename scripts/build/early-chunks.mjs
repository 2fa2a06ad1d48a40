// Lets the boot script start fetching a page's wasm chunks before the main module
// is there. The splitter's loader fetches a page's chunks only when the app asks
// for the page, once the main module has downloaded and started: on a real
// network the entity page's ~250 KB of chunks then came last, after everything
// else. This adds to the loader an export `prefetch(page)` that starts the fetches
// of the page's own module and of every shared chunk it needs, without
// instantiating anything; the load that follows takes those fetches instead of
// making its own (each file is asked for once). boot.js calls it for the pages
// the URL alone decides (entity, template, docs page). Run by
// scripts/build/wasm.sh after split-loader.mjs, on chunk-loader.js.
//   node scripts/build/early-chunks.mjs <chunk-loader.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
let js = readFileSync(file, 'utf8');
const must = (text, what) => {
  if (!js.includes(text)) throw new Error(`early-chunks: ${what} not found in ${file}`);
};

// makeLoad(fetcher, deps): a fetch started early is kept and used by the load.
const loaderStart = 'function makeLoad(fetcher, deps) {\n    const loader = async () => {\n        const parallelStuff = deps.map(d => d());\n        const instantiate = fetcher();';
must(loaderStart, "makeLoad's start");
js = js.replace(
  loaderStart,
  'function makeLoad(fetcher, deps) {\n    let early;\n    const loader = async () => {\n        const parallelStuff = deps.map(d => d());\n        const instantiate = early || fetcher();\n        early = undefined;',
);
const loaderEnd = '        return loadingModule;\n    }\n}';
must(loaderEnd, "makeLoad's end");
js = js.replace(
  loaderEnd,
  `        return loadingModule;
    };
    // Fetches without instantiating (a load under way or done has its own).
    load.prefetch = () => {
        if (loadingModule !== undefined || early !== undefined) return;
        __early = true;
        try {
            early = fetcher();
        } finally {
            __early = false;
        }
        deps.forEach(d => d.prefetch());
    };
    return load;
}`,
);
must('    let loadingModule = undefined;\n    return () => {', "makeLoad's returned function");
js = js.replace('    let loadingModule = undefined;\n    return () => {', '    let loadingModule = undefined;\n    const load = () => {');

// A fetch started early is read at once: a response nobody reads until the main
// module runs would hold its connection (HTTP/1.1 has six), and under Chromium's
// network emulation it stalled every other request too.
const wasmFetch = /fetch\(new URL\("\.\/(\w+\.wasm)", import\.meta\.url\)\)/g;
const fetches = js.match(wasmFetch)?.length ?? 0;
if (fetches === 0) throw new Error('early-chunks: no wasm fetches found');
js = js.replace(wasmFetch, '__fetch("$1")');
js += `
// Written by scripts/build/early-chunks.mjs: what prefetch starts is read at once.
let __early = false;
function __fetch(file) {
    const response = fetch(new URL("./" + file, import.meta.url));
    if (!__early) return response;
    return response.then((r) => r.arrayBuffer().then((body) => new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers })));
}
`;

// Each page's loader is named, so prefetch can reach it before wrapAsyncCb.
const pages = [];
js = js.replace(/^export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(/gm, (_, page) => {
  pages.push(page);
  return `const __page_${page} = makeLoad(`;
});
if (pages.length === 0) throw new Error('early-chunks: no page loaders found');
// Each page's makeLoad(...) call ends its statement with "]));" (its deps list and
// the two calls); now one call, then the export that wraps it.
for (const page of pages) {
  const start = js.indexOf(`const __page_${page} = makeLoad(`);
  const end = js.indexOf(']));', start);
  if (end < 0) throw new Error(`early-chunks: the end of ${page}'s loader not found`);
  js = `${js.slice(0, end)}]);\nexport const __wasm_split_load_${page} = wrapAsyncCb(__page_${page});${js.slice(end + 4)}`;
}
js += `
// Written by scripts/build/early-chunks.mjs: the boot script starts a page's chunks.
const __pages = { ${pages.map((p) => `${p}: __page_${p}`).join(', ')} };
export function prefetch(page) {
    __pages[page]?.prefetch();
}
`;
writeFileSync(file, js);
console.log(`early-chunks: prefetch(page) for ${pages.length} pages`);
