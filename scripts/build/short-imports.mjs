// Gives the main module's JavaScript imports short names. wasm-bindgen names each
// one after the web API it calls plus a 16-digit hash (`__wbg_set_textContent_
// 0177b2a6d9293c2c`), and every name is written twice: in the wasm's import
// section and as a key of the glue's import object. Random hex barely
// compresses: about 8 KB of names on each side of the first load. Both sides are
// renamed together here (a, b, …, ba, …); the wasm's code refers to its imports
// by index, so nothing else changes. Only the module "./main_bg.js" (the glue):
// "./__wasm_split.js"'s names are the splitter's exports and stay.
// Fails the build unless each old name is a key of the glue's object exactly once.
//   node scripts/build/short-imports.mjs <dir holding main_bg.wasm and main.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GLUE = './main_bg.js';
const dir = process.argv[2];
const wasmFile = join(dir, 'main_bg.wasm');
const jsFile = join(dir, 'main.js');
const wasm = readFileSync(wasmFile);
let js = readFileSync(jsFile, 'utf8');

// Reading the binary: LEB128 numbers and length-prefixed names.
let at = 0;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
  }
};
const name = () => {
  const len = u32();
  const text = wasm.toString('utf8', at, at + len);
  at += len;
  return text;
};
const leb = (n) => {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};
const encodeName = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};
// An import's description, skipped byte for byte (the wasm spec's importdesc).
const skipLimits = () => {
  const flags = u32();
  u32();
  if (flags & 1) u32();
};
const skipDesc = (kind) => {
  if (kind === 0) u32(); // function: type index
  else if (kind === 1) {
    at++; // table: reference type
    skipLimits();
  } else if (kind === 2) skipLimits(); // memory
  else if (kind === 3) at += 2; // global: value type, mutability
  else if (kind === 4) {
    at++; // tag: attribute
    u32();
  } else throw new Error(`short-imports: unknown import kind ${kind}`);
};

// a..z, A..Z for the first letter, then also digits: valid keys, never __proto__.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;
const shortName = (i) => {
  let text = LETTERS[i % LETTERS.length];
  for (let n = Math.floor(i / LETTERS.length); n > 0; n = Math.floor((n - 1) / ALNUM.length)) {
    text += ALNUM[(n - 1) % ALNUM.length];
  }
  return text;
};

at = 8;
const parts = [wasm.subarray(0, 8)];
let renamed = 0;
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  const size = u32();
  const body = at;
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    at = end;
    continue;
  }
  const count = u32();
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    const module = name();
    let field = name();
    const descStart = at;
    skipDesc(wasm[at++]);
    const desc = wasm.subarray(descStart, at);
    if (module === GLUE) {
      const short = shortName(renamed++);
      const key = new RegExp(`([{,\\s])${field.replace(/[$]/g, "\\$&")}(\\s*:\\s*function)`, 'g');
      const found = js.match(key)?.length ?? 0;
      if (found !== 1) throw new Error(`short-imports: ${field} is a key of main.js ${found} times`);
      js = js.replace(key, `$1${short}$2`);
      field = short;
    }
    entries.push(encodeName(module), encodeName(field), desc);
  }
  if (at !== end) throw new Error('short-imports: the import section was not read to its end');
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), leb(section.length), section);
}
if (renamed === 0) throw new Error(`short-imports: main_bg.wasm imports nothing from ${GLUE}`);
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(jsFile, js);
console.log(`short-imports: ${renamed} imports renamed`);
