#!/usr/bin/env bash
# Re-takes the README's screenshot of a re-themed portal (docs/theming.png) with
# the example theme docs/acme-theme.css.   scripts/dev/theme-screenshot.sh
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release >/dev/null
trap 'bash "$ROOT/scripts/services/static.sh" stop; bash "$ROOT/scripts/services/backend.sh" stop' EXIT
bash "$ROOT/scripts/services/backend.sh" start >/dev/null
bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist" >/dev/null
node tests/e2e/bench/theme-screenshot.mjs docs/acme-theme.css docs/theming.png
