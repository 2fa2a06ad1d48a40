#!/usr/bin/env bash
# Docs benchmark (not a test): the TechDocs reader on a small page of the demo
# docs and on a generated page of about 1 MB, built docs, medians of 5 runs.
# Backstage's reader, measured on this machine kind (issue #5): 1.88 s cold and
# 0.15 s for an in-doc link (and only with outside fonts reachable). Measured
# against docs built before, which the backend serves without rebuilding.
#   scripts/bench/docs.sh
#   BEFORE=DIR scripts/bench/docs.sh   and an older dist/ beside it, in the same run
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
RUNS=${RUNS:-5}
results="$RUN_DIR/docs-bench.jsonl"
bench_start "$results"

node tests/e2e/bench/generate-docs.mjs "$RUN_DIR/docs-bench" | bench_backend "$RUN_DIR/app-config.docs-bench.yaml" with-demo
until [ "$(catalog_count filter=metadata.name=bench-docs 2>/dev/null || echo 0)" -ge 1 ]; do sleep 3; done
# The test backend builds docs itself and, reader by reader, builds a site again
# once a minute: mkdocs on this machine's two cores would then run beside the
# figures. Build both sites once, then measure with the backend as a production
# one is usually set up: docs built elsewhere (here: just now), served as
# published (`techdocs.builder: external`).
node tests/e2e/bench/docs-bench.mjs build 0 checkout-service "" architecture/ Architecture >/dev/null
node tests/e2e/bench/docs-bench.mjs build 0 bench-docs "" big/ "Big page" >/dev/null
printf 'techdocs:\n  builder: external\n' >>"$RUN_DIR/app-config.docs-bench.yaml"
bash "$ROOT/scripts/services/backend.sh" stop
STAGEDOOR_TECHDOCS_KEEP=1 BACKEND_EXTRA_CONFIG="$RUN_DIR/app-config.docs-bench.yaml" bash "$ROOT/scripts/services/backend.sh" start >/dev/null
until [ "$(catalog_count filter=metadata.name=bench-docs 2>/dev/null || echo 0)" -ge 1 ]; do sleep 3; done

measure() { # label prefix
  node tests/e2e/bench/docs-bench.mjs "${1}small" "$RUNS" checkout-service "" architecture/ Architecture | tee -a "$results"
  node tests/e2e/bench/docs-bench.mjs "${1}1MB" "$RUNS" bench-docs "" big/ "Big page" | tee -a "$results"
}
if [ -n "${BEFORE:-}" ]; then
  bash "$ROOT/scripts/services/static.sh" start "$BEFORE" >/dev/null
  measure before-
  bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist" >/dev/null
fi
measure ""

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
console.log("\nmedians of " + rows[0].runs + " runs (built docs; cold = fresh browser context)");
console.log("measure".padEnd(16) + rows.map(r => String(r.label).padStart(13)).join("") + "  Backstage (issue #5)  goal (small page)");
const base = { coldMs: "1880", coldWholeMs: "-", inDocMs: "150", inDocReadMs: "-", inDocPageMs: "-", inDocReadPageMs: "-" };
const goal = { coldMs: "<= 500", coldWholeMs: "-", inDocMs: "<= 100", inDocReadMs: "<= 100", inDocPageMs: "<= 100", inDocReadPageMs: "<= 100" };
for (const k of Object.keys(base)) console.log(k.padEnd(16) + rows.map(r => String(r[k]).padStart(13)).join("") + "  " + base[k].padEnd(20) + goal[k]);
' "$results"
