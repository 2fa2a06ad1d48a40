#!/usr/bin/env bash
# Runs every test: native unit tests, component tests in headless Chromium, and
# the Playwright suite against the release build and real Backstage backends: its
# core flows on Backstage 1.32 (in-memory SQLite, as the demo runs), then all of
# it on today's Backstage on PostgreSQL (what deployments run).
# Starts and stops every service it needs. Installs what is missing first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
start=$(date +%s)

# First, while a clean clone still has no build output: the README's first command,
# with the set-up (installs what is missing) it starts with.
say "0/5 The README's first command (scripts/demo.sh --check)"
bash "$ROOT/scripts/demo.sh" --check

cleanup() {
  bash "$ROOT/scripts/services/static.sh" stop || true
  bash "$ROOT/scripts/services/backend.sh" stop || true
}
trap cleanup EXIT

say "1/5 Format, lints and native unit tests (cargo fmt --check, clippy, cargo test)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo test --locked

say "2/5 Component tests in headless Chromium (wasm-bindgen-test)"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --locked --target wasm32-unknown-unknown --test web

say "3/5 Release build"
trunk build --release
bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist"

say "4/5 End-to-end, core flows (@core), against Backstage 1.32.6 on in-memory SQLite"
STAGEDOOR_BACKSTAGE=1.32 bash "$ROOT/scripts/services/backend.sh" start
# The first load, gzip, as a browser fetches it (signing in, so with a backend),
# must not grow (a size, not a timing).
SKIP_BUILD=1 CHECK=1 bash "$ROOT/scripts/bench/size.sh" | tail -8
(cd "$ROOT/tests/e2e" && npx playwright test --project root --grep @core)
bash "$ROOT/scripts/services/backend.sh" stop

say "5/5 End-to-end, every test (Playwright, nginx at / and /portal/), backends on PostgreSQL"
STAGEDOOR_DB=postgres bash "$ROOT/scripts/services/backend.sh" start-all
(cd "$ROOT/tests/e2e" && npx playwright test)

say "All tests passed in $(elapsed "$start")"
