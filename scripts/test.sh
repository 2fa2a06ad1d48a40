#!/usr/bin/env bash
# Runs every test: native unit tests, component tests in headless Chromium, and
# the Playwright suite against the release build and the real Backstage backend.
# Starts and stops every service it needs. Installs what is missing first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
start=$(date +%s)

bash "$ROOT/scripts/setup.sh"

cleanup() {
  bash "$ROOT/scripts/static.sh" stop || true
  bash "$ROOT/scripts/backend.sh" stop || true
}
trap cleanup EXIT

say "1/3 Native unit tests (cargo test)"
cargo test --locked

say "2/3 Component tests in headless Chromium (wasm-bindgen-test)"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --locked --target wasm32-unknown-unknown --test web

say "3/3 End-to-end tests (Playwright, real backend, nginx at / and /portal/)"
trunk build --release
bash "$ROOT/scripts/backend.sh" start
bash "$ROOT/scripts/static.sh" start "$ROOT/dist"
(cd "$ROOT/tests/e2e" && npx playwright test)

say "All tests passed in $(( $(date +%s) - start )) s"
