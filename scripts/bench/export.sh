#!/usr/bin/env bash
# Export benchmark (not a test): "Export" on the catalog for every component of a
# generated catalog (default 10,000 entities), beside the backend alone answering
# the same pages: rows per second, and the longest task the page ran meanwhile.
#   scripts/bench/export.sh [N]
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
n=${1:-10000}
RUNS=${RUNS:-3}
results="$RUN_DIR/export-bench.jsonl"
bench_start "$results"
say "Generated catalog of $n entities"
bench_generated "$n"
node tests/e2e/bench/export-bench.mjs "$n" "$RUNS" | tee -a "$results"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop());
console.log(`\nmedians of ${r.runs} runs, ${r.rows} components exported as CSV`);
console.log("                      time     rows/s");
console.log(`backend alone    ${String(r.backendMs).padStart(8)} ms ${String(r.backendRowsPerSecond).padStart(8)}`);
console.log(`portal export    ${String(r.exportMs).padStart(8)} ms ${String(r.rowsPerSecond).padStart(8)}   longest task ${r.longestTaskMs} ms`);
' "$results"
