#!/usr/bin/env bash
# Writes dist/embed.js, the one file a host page loads to mount the portal into
# one of its own elements (README, "Embedding"). It names this build's hashed
# stylesheet and wasm folder, so the host page's tag never changes between
# releases. Trunk's post-build hook (after fingerprint.sh), or: embed-loader.sh DIST
set -euo pipefail
dir=${1:-${TRUNK_STAGING_DIR:-}}
if [ -z "$dir" ]; then echo "usage: $0 DIST" >&2; exit 2; fi
css=$(grep -o 'main-[0-9a-f]*\.css' "$dir/index.html" | head -1)
pkg=$(grep -oE 'pkg(-[0-9a-f]+)?/boot\.js' "$dir/index.html" | head -1)
if [ -z "$css" ] || [ -z "$pkg" ]; then echo "embed-loader: no stylesheet or boot.js in $dir/index.html" >&2; exit 1; fi
cat >"$dir/embed.js" <<JS
// Mounts Stagedoor into a host page. Set window.STAGEDOOR_CONFIG (with
// app.mountSelector naming the element) first, then load this file as a module:
//   <script type="module" src="https://portal.example.com/embed.js"></script>
// Written at build time (scripts/build/embed-loader.sh) for this build's files.
const here = new URL('.', import.meta.url);
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = new URL('$css', here).href;
document.head.append(css);
await import(new URL('$pkg', here).href);
JS
