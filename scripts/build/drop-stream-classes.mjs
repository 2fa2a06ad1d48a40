// Drops from the wasm-bindgen glue the classes wasm-streams exports
// (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink). Leptos
// depends on server_fn, which depends on wasm-streams for server functions'
// streams; this app has no server functions, but wasm-bindgen exports every
// #[wasm_bindgen] class of every crate, so their code stayed in the first load.
// scripts/build/wasm.sh removes their wasm exports (wasm-opt --remove-exports)
// and runs this on main.js first: nothing may call them, and this fails the
// build if anything still names them.
//   node scripts/build/drop-stream-classes.mjs <main.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
let js = readFileSync(file, 'utf8');
const classes = [...js.matchAll(/^export class (IntoUnderlying\w+) \{$/gm)].map((m) => m[1]);
if (classes.length === 0) throw new Error('drop-stream-classes: main.js exports no IntoUnderlying* class');

// The class body ends at the first line that is a lone "}" (wasm-bindgen's layout).
const cut = (from, to) => {
  const start = js.indexOf(from);
  if (start < 0) throw new Error(`drop-stream-classes: "${from}" not found`);
  const end = js.indexOf(to, start);
  if (end < 0) throw new Error(`drop-stream-classes: no end after "${from}"`);
  js = js.slice(0, start) + js.slice(end + to.length);
};
for (const name of classes) {
  cut(`export class ${name} {\n`, '\n}\n');
  cut(`if (Symbol.dispose) ${name}.prototype[Symbol.dispose]`, ';\n');
  cut(`const ${name}Finalization = `, ';\n');
}
const left = js.match(/IntoUnderlying\w*|intounderlying\w*/i);
if (left) throw new Error(`drop-stream-classes: main.js still names ${left[0]}`);
writeFileSync(file, js);
console.log(`drop-stream-classes: ${classes.join(', ')} dropped from main.js`);
