#!/usr/bin/env bash
# Pins the portal's mount point in a copy of dist/ for a strict
# Content-Security-Policy: index.html finds its base with a small inline script,
# which `script-src 'self'` forbids; this replaces the script with a fixed
# `<base href>`. Run at deploy time, once the sub-path is known:
#   scripts/build/pin-base.sh DIST /portal/
set -euo pipefail
dist=${1:?usage: $0 DIST BASE}
base=${2:?usage: $0 DIST BASE}
case "$base" in /*/ | /) ;; *) echo "BASE must start and end with /, e.g. /portal/" >&2; exit 2 ;; esac
BASE="$base" perl -0pi -e 's#<script>.*?</script>#<base href="$ENV{BASE}">#s' "$dist/index.html"
grep -q "<base href=\"$base\">" "$dist/index.html" || { echo "$dist/index.html: no inline base script found" >&2; exit 1; }
