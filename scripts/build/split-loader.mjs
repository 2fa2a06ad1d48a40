// Keeps the chunks' loader out of the first load. main.js imports
// __wasm_split.js statically, and the splitter's loader lists every chunk and
// which chunks each page needs: it grows with every page, while the first page
// (the catalog) loads no chunk. This moves that loader to chunk-loader.js and
// writes in main.js, in place of the import, a stub with the same functions, each
// importing the loader on first use (boot.js preloads it when the first page is
// a chunk's): one file less for every first load to fetch after main.js. A loader
// that cannot be fetched fails the load like a chunk that cannot: the page says
// so and offers a retry, which imports it again. Run by scripts/build/wasm.sh
// after pack-chunks.mjs.
//   node scripts/build/split-loader.mjs <pkg dir>
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loaderImports } from './split-loaders.mjs';

const [dir] = process.argv.slice(2);
const loaderFile = `${dir}/__wasm_split.js`;
const js = readFileSync(loaderFile, 'utf8');
const names = [...js.matchAll(/^export const (__wasm_split_load_\w+) = wrapAsyncCb\(/gm)].map((m) => m[1]);
if (names.length === 0) throw new Error('split-loader: no chunk loaders exported by __wasm_split.js');
if (!js.includes('function wrapAsyncCb(callee)')) throw new Error('split-loader: __wasm_split.js has no wrapAsyncCb');
writeFileSync(`${dir}/chunk-loader.js`, js);

// The one import of the loader in main.js (scripts/build/fold-split-imports.mjs).
const mainFile = `${dir}/main.js`;
const main = readFileSync(mainFile, 'utf8');
const imports = loaderImports(main);
if (imports.length !== 1) throw new Error(`split-loader: ${imports.length} imports of __wasm_split.js in main.js`);
const [line, name] = imports[0];

// wrapAsyncCb's contract: call the callback at `index` in the function table
// with `data` and whether the load succeeded (the Rust future waits on it).
const stub = `// Written by scripts/build/split-loader.mjs: the chunks' loader is imported on first use.
let __splitTries = 0, __splitLoader;
const __splitChunks = () => (__splitLoader ||= import("./chunk-loader.js" + (__splitTries ? "?" + __splitTries : "")).catch((e) => {
    __splitTries += 1;
    __splitLoader = undefined;
    throw e;
}));
const __splitLoad = (page) => (index, data) => __splitChunks().then((m) => m["__wasm_split_load_" + page](index, data), (e) => {
    console.error(e);
    initSync(undefined, undefined).__indirect_function_table.get(index)(data, false);
});
const ${name} = {
${names.map((n) => `    ${n}: __splitLoad("${n.slice('__wasm_split_load_'.length)}"),`).join('\n')}
};
`;
writeFileSync(mainFile, main.replace(line, stub));
rmSync(loaderFile);
console.log(`split-loader: ${names.length} pages' loaders imported on first use from chunk-loader.js`);
