#!/usr/bin/env bash
# JSON benchmark (not a test): a 10,000-entity catalog answer (about 7.9 MB)
# read by the browser's JSON.parse and copied into a Value (src/model/json_text.rs,
# what the portal does) beside serde_json's own reader (what it did before),
# medians of 5, in headless Chromium on a release build of tests/web.rs.
#   scripts/bench/json.sh
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} WASM_BINDGEN_TEST_TIMEOUT=600 \
  cargo test --release --target wasm32-unknown-unknown --test web json_parse_and_serde_json_timed -- --include-ignored --nocapture 2>&1 |
  grep -E 'entity answer|test result|FAIL|panicked'
