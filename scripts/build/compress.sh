#!/usr/bin/env bash
# Writes precompressed siblings (`x.gz`, `x.br`) of every text and wasm asset of a
# build (`small-chunks.bin` is wasm too, packed),
# build, so any static host can send them as they are (nginx gzip_static /
# brotli_static, Caddy precompressed, S3 with Content-Encoding...). index.html and
# config.json are left out: deployers edit them after the build (the config, a
# pinned base), and a stale sibling would win. They are small.
# Runs as Trunk's post-build hook on release builds (TRUNK_STAGING_DIR), or by hand:
#   scripts/build/compress.sh DIST
set -euo pipefail
dir=${1:-${TRUNK_STAGING_DIR:-}}
if [ -z "$dir" ]; then echo "usage: $0 DIST" >&2; exit 2; fi
if [ -n "${TRUNK_PROFILE:-}" ] && [ "$TRUNK_PROFILE" != release ]; then exit 0; fi
find "$dir" -type f \( -name '*.wasm' -o -name '*.bin' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) \
  ! -name config.json ! -name index.html -print0 |
  while IFS= read -r -d '' f; do
    gzip -9 -n -c "$f" >"$f.gz"
    brotli -q 11 -f -o "$f.br" "$f"
  done
