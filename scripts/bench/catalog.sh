#!/usr/bin/env bash
# Scale benchmark (not a test): the catalog page on the small demo catalog and on
# a generated one of N entities (default 10000), side by side, medians of 5 runs,
# with the backend's own time for the same calls (and, per size, for other query
# shapes: tests/e2e/bench/catalog-queries.mjs). On PostgreSQL unless
# STAGEDOOR_DB=sqlite; seeded by the fixture's entity provider unless SEED=files.
#   scripts/bench/catalog.sh [N ...]      e.g. scripts/bench/catalog.sh 10000 100000
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
export STAGEDOOR_DB=${STAGEDOOR_DB:-postgres}
sizes=("${@:-10000}")
RUNS=${RUNS:-5}
results="$RUN_DIR/catalog-bench.jsonl"
bench_start "$results"

say "Small demo catalog"
bash "$ROOT/scripts/services/backend.sh" stop
bash "$ROOT/scripts/services/backend.sh" start >/dev/null
node tests/e2e/bench/catalog-bench.mjs small "$RUNS" service payments | tee -a "$results"

for n in "${sizes[@]}"; do
  say "Generated catalog of $n entities"
  bench_generated "$n"
  # bench-team-000190 … 000199: ten groups for the owner picker at any size.
  node tests/e2e/bench/catalog-bench.mjs "$n" "$RUNS" component-0001 team-00019 | tee -a "$results"
  # The backend alone, for the page's query shapes and their alternatives.
  node tests/e2e/bench/catalog-queries.mjs "$n generated" | tee "$RUN_DIR/catalog-queries-$n.txt"
done

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const small = rows[0];
const keys = ["firstRowMs", "filterMs", "textFilterMs", "nextPageMs", "ownerSearchMs", "heapPlusWasmMiB", "requests",
  "backendFirstRowMs", "backendFilterMs", "backendTextFilterMs", "backendNextPageMs", "backendOwnerSearchMs"];
console.log("\nmedians of " + small.runs + " runs (cold cache per run)");
console.log("measure".padEnd(18) + rows.map(r => String(r.label).padStart(10)).join("") + rows.slice(1).map(r => ("ratio " + r.label).padStart(14)).join(""));
for (const k of keys) console.log(k.padEnd(18) + rows.map(r => String(r[k]).padStart(10)).join("") + rows.slice(1).map(r => (r[k] / small[k]).toFixed(2).padStart(14)).join(""));
console.log("backend…Ms: the slowest backend call of the step, sent again without a browser (median of 5)");
console.log("goals: firstRowMs <= 500 at any size, ratio <= 1.5, textFilterMs <= 200 and heapPlusWasmMiB <= 8 at 10k");
' "$results"
