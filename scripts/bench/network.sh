#!/usr/bin/env bash
# Critical-path benchmark (not a test): each page opened cold in headless Chromium
# with the network emulated (Chrome DevTools Protocol) at 0, 40 and 100 ms round
# trip and 20 Mbit/s, medians of RUNS (default 3), with the waterfall of each page
# at 40 ms: every request, when it started, what it waited for.
#   scripts/bench/network.sh                    the build in dist/ (built if missing)
#   BEFORE=DIR scripts/bench/network.sh         and an older dist/ beside it
#   RTTS="40" RUNS=5 scripts/bench/network.sh   other round trips or run counts
#   MAXAGE=7200 scripts/bench/network.sh        and again with backend.cors.maxAge
# Besides the cold pages it opens an entity from the catalog, goes back and opens
# it again: the calls and preflights of each step show what maxAge saves.
# The baseline is the issue's table (Backstage 1.55's frontend and Stagedoor as it
# was, same machine and emulation), printed beside the figures.
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
RUNS=${RUNS:-3}
RTTS=${RTTS:-"0 40 100"}
[ -f dist/index.html ] || trunk build --release >/dev/null
results="$RUN_DIR/network-bench.jsonl"
: >"$results"

bash "$ROOT/scripts/services/backend.sh" start >/dev/null
trap 'bash "$ROOT/scripts/services/static.sh" stop >/dev/null; bash "$ROOT/scripts/services/backend.sh" stop >/dev/null' EXIT

run_build() { # label dist
  bash "$ROOT/scripts/services/static.sh" start "$2" >/dev/null
  for rtt in $RTTS; do
    say "$1: ${rtt} ms round trip, 20 Mbit/s"
    # The waterfall is printed for 40 ms only; every run ends with one JSON line.
    if [ "$rtt" = 40 ]; then
      (cd tests/e2e && node bench/network-bench.mjs "$1" "$rtt" "$RUNS") | tee /dev/stderr | tail -1 >>"$results"
    else
      (cd tests/e2e && node bench/network-bench.mjs "$1" "$rtt" "$RUNS") | tail -1 | tee -a "$results" >/dev/null
    fi
  done
}

[ -n "${BEFORE:-}" ] && run_build before "$BEFORE"
run_build now "$ROOT/dist"
if [ -n "${MAXAGE:-}" ]; then
  # The same build against the backend with backend.cors.maxAge set (README).
  overlay="$RUN_DIR/app-config.cors-max-age.yaml"
  printf 'backend:\n  cors:\n    maxAge: %s\n' "$MAXAGE" >"$overlay"
  bash "$ROOT/scripts/services/backend.sh" stop >/dev/null
  BACKEND_EXTRA_CONFIG="$overlay" bash "$ROOT/scripts/services/backend.sh" start >/dev/null
  run_build "maxAge $MAXAGE" "$ROOT/dist"
fi

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
// The issue'"'"'s table: 40 ms, 20 Mbit/s, cold, median of 3.
const issue = {
  "catalog, first row": [2580, 570, 400],
  "entity page": [2430, 810, 500],
  "wizard, first field": [2100, 840, 500],
  "docs page content": [null, 990, 600],
};
const fmt = (v) => (v == null ? "-" : String(v)).padStart(12);
for (const rtt of [...new Set(rows.map((r) => r.rtt))]) {
  const at = rows.filter((r) => r.rtt === rtt);
  console.log(`\nfirst content, ms (${rtt} ms round trip, 20 Mbit/s, median of ${process.env.RUNS || 3}; pages cold, then the in-app steps)`);
  const extra = rtt === 40 ? ["Backstage", "issue", "goal"] : [];
  // Each build twice: as the automation saw it (goto to the locator, as the
  // issue measured), and timed inside the page (navigation start to the frame
  // with the content, laid out and painted).
  const cols = at.flatMap((r) => [r.label, "(in page)"]);
  console.log("page".padEnd(27) + [...cols, ...extra].map(fmt).join("") + "   calls+preflights, each build");
  for (const page of Object.keys(at[0].pages)) {
    if (!at.every((r) => r.pages[page])) continue;
    const base = rtt === 40 ? issue[page] || [null, null, null] : [];
    const own = at.flatMap((r) => [r.pages[page].ms, r.pages[page].inPage]);
    console.log(page.padEnd(27) + [...own, ...base].map(fmt).join("") + "   " + at.map((r) => `${r.pages[page].backend}+${r.pages[page].preflights}`).join(" / "));
  }
}
' "$results"
