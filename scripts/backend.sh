#!/usr/bin/env bash
# Starts or stops the demo/test Backstage backend on 127.0.0.1:7007.
#   scripts/backend.sh start   # waits until /.backstage/health/v1/readiness answers
#   scripts/backend.sh stop
source "$(dirname "$0")/lib.sh"
PIDFILE="$RUN_DIR/backend.pid"
LOG="$RUN_DIR/backend.log"

case "${1:-}" in
  start)
    if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      say "Backstage backend already running (pid $(cat "$PIDFILE"))"
      exit 0
    fi
    if curl -fsS -o /dev/null "$BACKEND_URL/.backstage/health/v1/readiness" 2>/dev/null; then
      echo "Port $BACKEND_PORT is taken by another process; stop it first." >&2
      exit 1
    fi
    export TECHDOCS_PUBLISH_DIR="$RUN_DIR/techdocs"
    rm -rf "$TECHDOCS_PUBLISH_DIR"; mkdir -p "$TECHDOCS_PUBLISH_DIR"
    say "Starting the Backstage backend (log: ${LOG#$ROOT/})"
    # BACKEND_EXTRA_CONFIG: a config overlay (absolute path), e.g. the benchmark catalog.
    extra=()
    [ -n "${BACKEND_EXTRA_CONFIG:-}" ] && extra=(--config "$BACKEND_EXTRA_CONFIG")
    (cd "$ROOT/tests/backstage" && exec node index.js --config app-config.yaml "${extra[@]}") >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    if ! wait_for_url "$BACKEND_URL/.backstage/health/v1/readiness" 120; then
      echo "The backend did not become ready; last lines of its log:" >&2
      tail -30 "$LOG" >&2
      exit 1
    fi
    say "Backstage backend ready at $BACKEND_URL"
    ;;
  stop)
    stop_pidfile "$PIDFILE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
