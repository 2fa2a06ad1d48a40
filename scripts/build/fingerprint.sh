#!/usr/bin/env bash
# Gives the wasm and its loader a content-hashed folder (`pkg-<hash>/`), so every
# asset but index.html and config.json has a content hash in its URL and can be
# cached for good. The files inside refer to each other relatively, so only
# index.html's references change. Trunk's post-build hook on release builds
# (TRUNK_STAGING_DIR), or by hand: scripts/build/fingerprint.sh DIST
set -euo pipefail
dir=${1:-${TRUNK_STAGING_DIR:-}}
if [ -z "$dir" ]; then echo "usage: $0 DIST" >&2; exit 2; fi
if [ -n "${TRUNK_PROFILE:-}" ] && [ "$TRUNK_PROFILE" != release ]; then exit 0; fi
[ -d "$dir/pkg" ] || exit 0
hash=$(cd "$dir/pkg" && find . -type f ! -name '*.gz' ! -name '*.br' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
rm -rf "$dir/pkg-$hash"
mv "$dir/pkg" "$dir/pkg-$hash"
sed -i -E "s#([\"=])pkg/#\1pkg-$hash/#g" "$dir/index.html"
