// Folds the wasm-bindgen glue's imports of the chunks' loader into one.
// wasm-bindgen writes `import * as importN from "./__wasm_split.js"` and the
// key `"./__wasm_split.js": importN` once per page the splitter made (eleven),
// all the same module: in an object literal the last key wins anyway. One of
// each is kept: about 55 B gzip off the first load's main.js. Fails the build
// unless the glue is as described.
//   node scripts/build/fold-split-imports.mjs <main.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { loaderImports } from './split-loaders.mjs';

const [file] = process.argv.slice(2);
let js = readFileSync(file, 'utf8');
const imports = loaderImports(js);
const keys = [...js.matchAll(/^\s*"\.\/__wasm_split\.js": (\w+),?\n/gm)];
if (imports.length === 0 || keys.length !== imports.length) {
  throw new Error(`fold-split-imports: ${imports.length} imports of __wasm_split.js and ${keys.length} keys in ${file}`);
}
const [first, ...rest] = imports;
for (const m of rest) js = js.replace(m[0], '');
for (const m of keys.slice(1)) js = js.replace(m[0], '');
if (keys[0][1] !== first[1]) js = js.replace(keys[0][0], keys[0][0].replace(keys[0][1], first[1]));
writeFileSync(file, js);
console.log(`fold-split-imports: ${imports.length} imports of __wasm_split.js folded into one`);
