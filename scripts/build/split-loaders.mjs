// What the build scripts read in wasm-split-cli's loader (__wasm_split.js): each
// shared chunk's loader and the file it fetches. first-pages.mjs reads it first
// and wraps every fetch in `__first(...)`; pack-chunks.mjs reads it after.
//   chunkFiles(js) -> [[loader name, file name], ...]
export const chunkFiles = (js) =>
  [...js.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:__first\("[^"]+", \(\) => )?fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)].map((m) => [m[1], m[2]]);
