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
# gzip siblings by zopfli (set-up installs it), which writes standard gzip about
# 4 % smaller than gzip -9, for browsers and proxies that take no brotli; gzip -9
# where it is missing.
compress_one() {
  if command -v zopfli >/dev/null; then zopfli -c "$1" >"$1.gz"; else gzip -9 -n -c "$1" >"$1.gz"; fi
  brotli -q 11 -f -o "$1.br" "$1"
}
export -f compress_one
find "$dir" -type f \( -name '*.wasm' -o -name '*.bin' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) \
  ! -name config.json ! -name index.html -print0 |
  xargs -0 -P "$(nproc)" -I{} bash -c 'compress_one "$1"' _ {}
