#!/usr/bin/env bash
# Builds the portal's wasm as a main module plus chunks loaded on first use, into
# target/pkg/ (Trunk copies it into dist/pkg/; see Trunk.toml's pre_build hook):
#   cargo (--features split, with relocations) → wasm-split-cli → wasm-bindgen
#   → wasm-opt on every module → the small shared chunks packed into one file
#   → the JavaScript minified (release).
# The shell, sign-in and the catalog are the main module; every other page is a
# chunk, named by `split_page!` beside the page and by `Route::chunk`.
#   PROFILE=debug scripts/build/wasm.sh   skips wasm-opt and builds unoptimised.
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
profile=${PROFILE:-release}
flags=(--target wasm32-unknown-unknown --features split --bin stagedoor)
[ "$profile" = release ] && flags+=(--release)
# RUSTFLAGS replaces .cargo/config.toml's target flags: repeat them.
rustflags=(--cfg erase_components -C link-arg=--emit-relocs)
# Panic messages carry their source file's path, and those paths are strings in
# the wasm: the crate sources' and the standard library's long absolute prefixes
# are cut (the path inside the crate stays, enough to find the line).
sysroot_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')/"
rustflags+=("--remap-path-prefix=$sysroot_src=")
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  rustflags+=("--remap-path-prefix=$dir=")
done
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${rustflags[*]}") cargo build "${flags[@]}" --target-dir target/split
out=target/pkg split=target/split-out
rm -rf "$out" "$split"; mkdir -p "$out"
wasm-split-cli "target/split/wasm32-unknown-unknown/$profile/stagedoor.wasm" "$split"
wasm-bindgen "$split/main.wasm" --target web --no-typescript --keep-lld-exports --out-dir "$out" --out-name main
# wasm-streams' classes, exported though nothing uses them (see the script):
# out of the glue here, and their exports out of the wasm by wasm-opt below.
node "$ROOT/scripts/build/drop-stream-classes.mjs" "$out/main.js"
# One import of the chunks' loader instead of one per page (see the script).
node "$ROOT/scripts/build/fold-split-imports.mjs" "$out/main.js"
cp "$split/__wasm_split.js" "$out/"
for f in "$split"/*.wasm; do
  [ "$(basename "$f")" = main.wasm ] && continue
  cp "$f" "$out/"
done
if [ "$profile" = release ]; then
  # rustc 1.95 emits bulk-memory and friends by default; wasm-opt must be told.
  features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)
  # --low-memory-unused: rustc puts the stack first (it grows down from 1 MiB), so
  # the lowest 1 KiB is touched only by a stack about to overflow; binaryen may
  # then fold constant offsets into loads: about 1 KB gzip off the main module.
  for f in "$out"/*.wasm; do
    drop=()
    [ "$(basename "$f")" = main_bg.wasm ] && drop=(--remove-exports --pass-arg=remove-exports@'*intounderlying*')
    wasm-opt "${drop[@]}" -Oz --low-memory-unused "${features[@]}" --strip-debug "$f" -o "$f.opt" 2>/dev/null && mv "$f.opt" "$f"
  done
fi
# A page opened first gets all its wasm in one file, fetched by boot.js (see the script).
node "$ROOT/scripts/build/first-pages.mjs" "$out"
# The small shared chunks travel in one file (see the script).
node "$ROOT/scripts/build/pack-chunks.mjs" "$out"
# Their loader is fetched when a chunk is first needed, not with main.js.
node "$ROOT/scripts/build/split-loader.mjs" "$out"
cp "$ROOT/src/shell/boot.js" "$out/boot.js"
# The docs reader's DOM work, imported with its page (src/docs/in_browser.rs).
cp "$ROOT/src/docs/in_browser.js" "$out/docs-read.js"
# Pages' own stylesheets, fetched with their page (src/ui/page_style.rs).
cp "$ROOT"/style/pages/*.css "$out/"
if [ "$profile" = release ]; then
  # The JavaScript the first page loads (the bindings, the chunk loader, the boot
  # script) minified: about 4 KB gzip less (scripts/bench/size.sh). After the
  # packing, which rewrites the loader. Names only local to a module are mangled;
  # exports, imports and the wasm's import names are kept.
  for f in main.js chunk-loader.js boot.js docs-read.js; do
    terser "$out/$f" --module --compress --mangle -o "$out/$f.min" && mv "$out/$f.min" "$out/$f"
  done
  # The imports' long hashed names, short on both sides: about 7 KB gzip (see the script).
  node "$ROOT/scripts/build/short-imports.mjs" "$out"
fi
