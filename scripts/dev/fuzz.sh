#!/usr/bin/env bash
# Fuzzes the parsers that read outside data (not part of the test command; run it
# by hand or in a nightly job): the event-stream parser, entity data, the template
# form engine, the TechDocs HTML pipeline (every output checked for anything that
# could run script) and config.json. Each target runs FUZZ_SECONDS (default 60)
# from the seeds in fuzz/seeds/ (the docs pipeline from the real mkdocs pages of
# tests/fixtures/techdocs/), and the script prints executions per second.
#   scripts/dev/fuzz.sh [target…]
# Needs the machine's nightly Rust toolchain (cargo-fuzz builds with sanitizers);
# installs cargo-fuzz from the crate registry if missing.
source "$(dirname "$0")/../lib.sh"
cd "$ROOT/fuzz"
SECONDS_EACH=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(sse entity form docs_html config)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "cargo-fuzz needs a nightly Rust toolchain, and this machine has none." >&2
  exit 1
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "Installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

say "Building the fuzz targets"
cargo +nightly fuzz build -O
printf '\n%-10s %12s %10s %14s  %s\n' target executions seconds "exec/s" result
for t in "${targets[@]}"; do
  corpus="$RUN_DIR/fuzz/$t"
  mkdir -p "$corpus"
  log="$RUN_DIR/fuzz/$t.log"
  seeds="seeds/$t"
  [ "$t" = docs_html ] && seeds="$ROOT/tests/fixtures/techdocs"
  if cargo +nightly fuzz run -O "$t" "$corpus" "$seeds" -- -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 -rss_limit_mb=4096 >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH: see $log and fuzz/artifacts/$t/"
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -1)
  secs=${secs:-$SECONDS_EACH}
  printf '%-10s %12s %10s %14s  %s\n' "$t" "${runs:-?}" "$secs" "$(( ${runs:-0} / (secs > 0 ? secs : 1) ))" "$result"
done
