#!/usr/bin/env bash
# The README's first command: installs what is missing, starts the demo Backstage
# backend on 127.0.0.1:7007, builds the portal and serves it on 127.0.0.1:8080.
# Ctrl-C stops both.
#   scripts/demo.sh --check   does all of that, then opens the portal in headless
#                             Chromium, enters as guest, waits for the catalog's
#                             rows, and stops everything (the test command runs it).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
check=0
[ "${1:-}" = --check ] && check=1
demo_start=$(date +%s)

bash "$ROOT/scripts/setup.sh"

if curl -fsS -o /dev/null "http://127.0.0.1:$DEMO_PORT/" 2>/dev/null; then
  echo "Port $DEMO_PORT is taken by another process; stop it first." >&2
  exit 1
fi
s=$(date +%s)
bash "$ROOT/scripts/services/backend.sh" start
echo "    done: the backend in $(elapsed "$s")"
TRUNK_PIDFILE="$RUN_DIR/trunk-serve.pid"
cleanup() {
  stop_pidfile "$TRUNK_PIDFILE"
  bash "$ROOT/scripts/services/backend.sh" stop
}
trap cleanup EXIT

# Trunk refuses to watch while a path its watch list ignores does not exist, and
# a fresh clone has none of the build's output folders yet.
sed -n 's/^ignore = \[\(.*\)\]/\1/p' Trunk.toml | tr -d '" ' | tr ',' '\n' | while read -r dir; do
  [ -n "$dir" ] && mkdir -p "$ROOT/$dir"
done

if [ "$check" = 0 ]; then
  say "Building and serving the portal; open http://127.0.0.1:$DEMO_PORT/ and choose \"Enter as guest\""
  trunk serve --release --port "$DEMO_PORT"
  exit
fi

say "Building and serving the portal (trunk serve --release, log: .run/trunk-serve.log)"
s=$(date +%s)
# Its own process group, so stopping it also stops the build it may be running.
setsid trunk serve --release --port "$DEMO_PORT" >"$RUN_DIR/trunk-serve.log" 2>&1 &
echo $! >"$TRUNK_PIDFILE"
# A cold release build of the wasm takes a few minutes on 2 cores.
if ! wait_for_url "http://127.0.0.1:$DEMO_PORT/config.json" 1200; then
  echo "trunk serve did not serve the portal; the end of its log:" >&2
  tail -30 "$RUN_DIR/trunk-serve.log" >&2
  exit 1
fi
echo "    done: the portal built and served in $(elapsed "$s")"
(cd "$ROOT/tests/e2e" && BASE="http://127.0.0.1:$DEMO_PORT/" node check/demo.mjs)
say "The demo works: set-up, backend, build and the catalog in the browser in $(elapsed "$demo_start")"
