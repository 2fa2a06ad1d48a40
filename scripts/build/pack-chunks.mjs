// Packs the splitter's small shared chunks into one file. wasm-split-cli writes a
// module for every set of pages that shares code: the entity page needs ~30 of
// them, most under 2 KB, and over HTTP/1.1 (six connections, a round trip each)
// fetching them one by one cost more than their bytes. This writes the chunks
// under LIMIT bytes into small-chunks.bin, points their loaders in
// __wasm_split.js at slices of it (one request, shared by every page, fetched
// once), and removes the packed files. Run by scripts/build/wasm.sh after wasm-opt.
//   node scripts/build/pack-chunks.mjs <pkg dir> [limit bytes, default 4096]
import { readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { chunkFiles } from './split-loaders.mjs';

const [dir, limitArg] = process.argv.slice(2);
const limit = Number(limitArg || 4096);
const loaderFile = `${dir}/__wasm_split.js`;
let js = readFileSync(loaderFile, 'utf8');

const fetchOf = (file) => `fetch(new URL("./${file}", import.meta.url))`;
const shared = chunkFiles(js).map(([, file]) => file);
if (shared.length === 0) throw new Error('pack-chunks: no shared chunk loaders in __wasm_split.js');

const small = shared.filter((f) => statSync(`${dir}/${f}`).size < limit);
const index = {};
const parts = [];
let offset = 0;
for (const file of small) {
  const bytes = readFileSync(`${dir}/${file}`);
  index[file] = [offset, bytes.length];
  parts.push(bytes);
  offset += bytes.length;
  const call = fetchOf(file);
  if (js.split(call).length !== 2) throw new Error(`pack-chunks: ${file} is not fetched exactly once`);
  js = js.replace(call, `__packed("${file}")`);
}
writeFileSync(`${dir}/small-chunks.bin`, Buffer.concat(parts));

const helper = `
// Written by scripts/build/pack-chunks.mjs: the small shared chunks arrive in one
// file, each loader takes its slice (one request instead of dozens).
const __PACK = ${JSON.stringify(index)};
let __pack;
function __packed(file) {
    if (__pack === undefined) {
        const pack = fetch(new URL("./small-chunks.bin", import.meta.url)).then((r) => {
            if (!r.ok) throw new Error("small-chunks.bin: " + r.status);
            return r.arrayBuffer();
        });
        // A failed fetch is made again by the next load that needs it.
        pack.catch(() => { if (__pack === pack) __pack = undefined; });
        __pack = pack;
    }
    const [offset, length] = __PACK[file];
    // Bytes, which __instantiate (first-pages.mjs) compiles off the main thread.
    return __pack.then((buf) => buf.slice(offset, offset + length));
}
`;
const firstLineEnd = js.indexOf('\n') + 1;
js = js.slice(0, firstLineEnd) + helper + js.slice(firstLineEnd);
writeFileSync(loaderFile, js);
for (const file of small) rmSync(`${dir}/${file}`);
console.log(`pack-chunks: ${small.length} of ${shared.length} shared chunks (${offset} bytes) packed into small-chunks.bin`);
