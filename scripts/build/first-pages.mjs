// Packs, for each page the boot script can tell from the URL (an entity, a
// template's wizard, a docs page), every wasm file that page loads into one file,
// first-<page>.bin, which boot.js fetches at once when that page is the first one
// opened. Without it those ~12 files (190-270 KB) were asked for only once the main
// module had arrived and run: over HTTP/1.1's six connections, in two waves of a
// round trip each, they came last and held the page up. Each loader in
// __wasm_split.js takes its slice of that file when boot.js fetched it, and fetches
// its own file as before otherwise (another page, or the packed file failed).
// Run by scripts/build/wasm.sh after wasm-opt and before pack-chunks.mjs, which
// rewrites the single fetches of the small chunks this leaves in place.
//   node scripts/build/first-pages.mjs <pkg dir>
// first-<page>.bin: a 4-byte little-endian length, that many bytes of JSON
// {file: [offset, length]} (offsets from the end of the JSON), then the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { chunkFiles } from './split-loaders.mjs';

// boot.js's firstPage names the same pages (a native test, shell/boot.rs).
const PAGES = ['entity', 'create', 'docs_reader'];

const [dir] = process.argv.slice(2);
const loaderFile = `${dir}/__wasm_split.js`;
let js = readFileSync(loaderFile, 'utf8');

const fileOf = Object.fromEntries(chunkFiles(js));
if (Object.keys(fileOf).length === 0) throw new Error('first-pages: no shared chunk loaders in __wasm_split.js');
const depFile = (page, dep) => {
  if (!fileOf[dep]) throw new Error(`first-pages: ${page} needs ${dep}, whose file is unknown`);
  return fileOf[dep];
};

const packed = new Set();
for (const page of PAGES) {
  const start = js.indexOf(`export const __wasm_split_load_${page} = wrapAsyncCb(makeLoad(`);
  if (start < 0) throw new Error(`first-pages: no loader for the page ${page}`);
  const own = js.slice(start).match(/^[^\n]*\n\s*const src = fetch\(new URL\("\.\/(split_\w+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)\);/);
  if (!own) throw new Error(`first-pages: the loader of ${page} is not as expected`);
  const deps = own[2].split(',').map((s) => s.trim()).filter(Boolean);
  const files = [own[1], ...deps.map((d) => depFile(page, d))];
  const index = {};
  let offset = 0;
  const parts = files.map((file) => {
    const bytes = readFileSync(`${dir}/${file}`);
    index[file] = [offset, bytes.length];
    offset += bytes.length;
    return bytes;
  });
  const header = Buffer.from(JSON.stringify(index));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  writeFileSync(`${dir}/first-${page}.bin`, Buffer.concat([length, header, ...parts]));
  console.log(`first-pages: ${page}: ${files.length} files (${offset} bytes) in first-${page}.bin`);
  files.forEach((f) => packed.add(f));
}

// Every wasm fetch of the loader goes through __first.
js = js.replace(/fetch\(new URL\("\.\/((?:chunk|split)_\w+\.wasm)", import\.meta\.url\)\)/g, (call, file) => {
  packed.delete(file);
  return `__first("${file}", () => ${call})`;
});
if (packed.size) throw new Error(`first-pages: no fetch of ${[...packed].join(', ')} in __wasm_split.js`);
// ...and every compilation through __instantiate (below).
const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
if (!js.includes(streaming)) throw new Error('first-pages: the loaders do not compile as expected');
js = js.replaceAll(streaming, '__instantiate(src, imports)');
const helper = `
// Written by scripts/build/first-pages.mjs: the page opened first arrives in one
// file boot.js fetched before the wasm (window.__stagedoorFirst, a Response); each file in it
// is a slice, its bytes. Any other file, or every file if that one failed, is fetched alone.
// A slice (here or in small-chunks.bin, pack-chunks.mjs) is bytes already in
// memory: WebAssembly.instantiate decodes and validates them off the main
// thread, where streaming compilation of a Response made of them did it on the
// main thread (30-50 ms of a first page's start, traced). A file fetched alone
// still compiles as it downloads.
async function __instantiate(src, imports) {
    const bytes = await src;
    return bytes instanceof ArrayBuffer ? WebAssembly.instantiate(bytes, imports) : WebAssembly.instantiateStreaming(bytes, imports);
}
let __firstBytes, __firstIndex;
function __first(file, fetchAlone) {
    const early = globalThis.__stagedoorFirst;
    if (!early) return fetchAlone();
    __firstBytes ||= early.then((r) => (r.ok ? r.arrayBuffer() : undefined), () => undefined);
    return __firstBytes.then((buf) => buf && __firstSlice(buf, file)).then((r) => r || fetchAlone());
}
function __firstSlice(buf, file) {
    try {
        const length = new DataView(buf).getUint32(0, true);
        __firstIndex ||= JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, length)));
        const at = __firstIndex[file];
        if (!at) return undefined;
        const start = 4 + length + at[0];
        return buf.slice(start, start + at[1]);
    } catch (e) {
        return undefined;
    }
}
`;
const firstLineEnd = js.indexOf('\n') + 1;
js = js.slice(0, firstLineEnd) + helper + js.slice(firstLineEnd);
writeFileSync(loaderFile, js);
