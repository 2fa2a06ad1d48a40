#!/usr/bin/env bash
# Scale benchmark (not a test): the catalog page on the small demo catalog and on
# a generated one of N entities (default 10000), side by side, medians of 5 runs.
#   scripts/bench/catalog.sh [N ...]      e.g. scripts/bench/catalog.sh 10000 100000
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
sizes=("${@:-10000}")
RUNS=${RUNS:-5}
results="$RUN_DIR/catalog-bench.jsonl"
bench_start "$results"

say "Small demo catalog"
bash "$ROOT/scripts/services/backend.sh" stop
bash "$ROOT/scripts/services/backend.sh" start >/dev/null
node tests/e2e/bench/catalog-bench.mjs small "$RUNS" service | tee -a "$results"

for n in "${sizes[@]}"; do
  say "Generated catalog of $n entities"
  # One location per file of 10,000 (see generate-catalog.mjs).
  files=$(node tests/e2e/bench/generate-catalog.mjs "$n" "$RUN_DIR/catalog-$n.yaml")
  start=$(date +%s)
  bench_backend "$RUN_DIR/app-config.bench-$n.yaml" <<<"$files"
  until [ "$(catalog_count 2>/dev/null || echo 0)" -ge "$n" ]; do sleep 5; done
  sleep 10   # let the catalog's processing loop and the search collator settle
  echo "ingested $n entities in $(( $(date +%s) - start )) s"
  node tests/e2e/bench/catalog-bench.mjs "$n" "$RUNS" component-0001 | tee -a "$results"
done

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const small = rows[0];
const keys = ["firstRowMs", "filterMs", "textFilterMs", "nextPageMs", "heapPlusWasmMiB", "requests"];
console.log("\nmedians of " + small.runs + " runs (cold cache per run)");
console.log("measure".padEnd(18) + rows.map(r => String(r.label).padStart(10)).join("") + rows.slice(1).map(r => ("ratio " + r.label).padStart(14)).join(""));
for (const k of keys) console.log(k.padEnd(18) + rows.map(r => String(r[k]).padStart(10)).join("") + rows.slice(1).map(r => (r[k] / small[k]).toFixed(2).padStart(14)).join(""));
console.log("goals at 10k: firstRowMs <= 500, textFilterMs <= 200, ratio <= 1.5, heapPlusWasmMiB <= 8");
' "$results"
