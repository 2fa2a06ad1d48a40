#!/usr/bin/env bash
# Two builds side by side (benchmark, not a test): the build in dist/ and an older
# one, each page loaded cold in turn, load by load, at 40 ms round trip and
# 20 Mbit/s (tests/e2e/bench/alternate-bench.mjs). network.sh measures one build
# after the other, and this 2-core machine's speed drifts between the two halves
# by up to ±20 %; taken in turn, both builds see the same drift.
#   BEFORE=DIR scripts/bench/alternate.sh            14 pairs a page
#   BEFORE=DIR PAIRS=20 RTT=100 ONLY=entity scripts/bench/alternate.sh
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
[ -n "${BEFORE:-}" ] || { echo "alternate.sh: BEFORE=DIR names the older build" >&2; exit 2; }
[ -f dist/index.html ] || trunk build --release >/dev/null
# Both served alike (static.sh: the older one on 8080, base pinned and under the
# strict CSP as on 8090).
BESIDE="$BEFORE" bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist" >/dev/null
bash "$ROOT/scripts/services/backend.sh" start >/dev/null
trap 'bash "$ROOT/scripts/services/static.sh" stop >/dev/null; bash "$ROOT/scripts/services/backend.sh" stop >/dev/null' EXIT
(cd tests/e2e && BEFORE_BASE="http://127.0.0.1:$DEMO_PORT/" BASE="http://127.0.0.1:8090/" node bench/alternate-bench.mjs "${PAIRS:-14}" "${RTT:-40}")
