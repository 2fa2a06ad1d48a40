// What the build scripts read in wasm-split-cli's loader (__wasm_split.js): each
// shared chunk's loader and the file it fetches. first-pages.mjs reads it first
// and wraps every fetch in `__first(...)`; pack-chunks.mjs reads it after.
//   chunkFiles(js) -> [[loader name, file name], ...]
//   loaderImports(mainJs) -> the wasm-bindgen glue's imports of that loader,
//   each [line, name] (fold-split-imports.mjs folds them into one, which
//   split-loader.mjs replaces with the stub).
export const loaderImports = (js) => [...js.matchAll(/^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm)];
export const chunkFiles = (js) =>
  [...js.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:__first\("[^"]+", \(\) => )?fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)].map((m) => [m[1], m[2]]);
