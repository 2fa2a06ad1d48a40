#!/usr/bin/env bash
# Starts or stops the demo/test Backstage backend on 127.0.0.1:7007, and before it
# the OpenID Connect provider it signs users in with (tests/oidc, 127.0.0.1:7100)
# the service its proxy forwards to (tests/proxy-target, 127.0.0.1:7101) and the
# source host catalog files are registered from (tests/repo-host, 127.0.0.1:7102).
#   scripts/services/backend.sh start           # waits until /.backstage/health/v1/readiness answers
#   scripts/services/backend.sh start-guarded   # and a second one on 7008 with a real
#                                               # permission policy (tests/backstage/guarded-policy.js)
#                                               # that also keeps stars (user-settings)
#   scripts/services/backend.sh start-all       # and a third on 7009 without search,
#                                               # TechDocs and the scaffolder
#   scripts/services/backend.sh stop            # stops all of them
# STAGEDOOR_DB=postgres: the backends keep their catalog in PostgreSQL
# (scripts/services/postgres.sh, started here) instead of in-memory SQLite.
# STAGEDOOR_DB_KEEP=1 keeps their databases from the last run instead of dropping them.
# STAGEDOOR_TECHDOCS_KEEP=1 keeps the docs the last backend on 7007 built.
# STAGEDOOR_BACKSTAGE=1.32: `start` runs the backend at Backstage 1.32.6
# (tests/backstage-1.32) with the same configuration and catalog.
source "$(dirname "$0")/../lib.sh"
PIDFILE="$RUN_DIR/backend.pid"
LOG="$RUN_DIR/backend.log"
OIDC_PIDFILE="$RUN_DIR/oidc.pid"
OIDC_LOG="$RUN_DIR/oidc.log"
TARGET_PIDFILE="$RUN_DIR/proxy-target.pid"
TARGET_LOG="$RUN_DIR/proxy-target.log"
REPOS_PIDFILE="$RUN_DIR/repo-host.pid"
REPOS_LOG="$RUN_DIR/repo-host.log"

# db_config PREFIX: sets DB_ARGS, the config overlay for the chosen database, after
# starting PostgreSQL and dropping what the last backend with PREFIX left there.
DB_ARGS=()
db_config() {
  [ "${STAGEDOOR_DB:-sqlite}" = postgres ] || return 0
  bash "$ROOT/scripts/services/postgres.sh" start
  # STAGEDOOR_DB_KEEP=1: keep what an earlier run stored (a seeded 100k catalog).
  [ -n "${STAGEDOOR_DB_KEEP:-}" ] || bash "$ROOT/scripts/services/postgres.sh" drop "$1"
  DB_ARGS=(--config app-config.postgres.yaml)
}

# start_node_service PIDFILE LOG SCRIPT PORT [ARG]: a dependency-free fixture service.
start_node_service() {
  local pidfile=$1 log=$2 script=$3 port=$4
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  node "$script" "$port" "${@:5}" >"$log" 2>&1 &
  echo $! >"$pidfile"
  wait_for_url "http://127.0.0.1:$port/health" 30 || { tail -20 "$log" >&2; exit 1; }
}

start_oidc() {
  if [ -f "$OIDC_PIDFILE" ] && kill -0 "$(cat "$OIDC_PIDFILE")" 2>/dev/null; then return 0; fi
  (cd "$ROOT/tests/oidc" && exec node index.js "$OIDC_PORT") >"$OIDC_LOG" 2>&1 &
  echo $! >"$OIDC_PIDFILE"
  if ! wait_for_url "$OIDC_URL/.well-known/openid-configuration" 30; then
    echo "The OpenID Connect provider did not start; its log:" >&2
    tail -20 "$OIDC_LOG" >&2
    exit 1
  fi
  say "OpenID Connect provider ready at $OIDC_URL"
}

# start_extra NAME PORT OVERLAY [VAR=VALUE ...]: the fixture backend again on PORT
# with the config overlay tests/backstage/OVERLAY and the environment given, its
# own databases (prefix NAME_) and its own log. Needs the services `start` runs.
start_extra() {
  local name=$1 port=$2 overlay=$3 pidfile="$RUN_DIR/backend-$1.pid" log="$RUN_DIR/backend-$1.log"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  export TECHDOCS_PUBLISH_DIR="$RUN_DIR/techdocs-$name"
  rm -rf "$TECHDOCS_PUBLISH_DIR"; mkdir -p "$TECHDOCS_PUBLISH_DIR"
  db_config "${name}_"
  say "Starting the $name Backstage backend (log: ${log#$ROOT/}${DB_ARGS[*]:+, PostgreSQL})"
  (cd "$ROOT/tests/backstage" && export "${@:4}" STAGEDOOR_DB_PREFIX="${name}_" POSTGRES_PORT=$POSTGRES_PORT &&
    exec node index.js --config app-config.yaml --config "$overlay" "${DB_ARGS[@]}") >"$log" 2>&1 &
  echo $! >"$pidfile"
  if ! wait_for_url "http://127.0.0.1:$port/.backstage/health/v1/readiness" 120; then
    echo "The $name backend did not become ready; last lines of its log:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
  say "The $name Backstage backend is ready at http://127.0.0.1:$port"
}
# Guests denied registering, unregistering and running templates (guarded-policy.js);
# it also keeps users' stars (user-settings), which the other two leave to the browser.
start_guarded() { start_extra guarded "$GUARDED_BACKEND_PORT" app-config.guarded.yaml STAGEDOOR_POLICY=guarded STAGEDOOR_WITH=user-settings; }
# A deployment without the optional plugins: no search, TechDocs or scaffolder.
start_lean() { start_extra lean "$LEAN_BACKEND_PORT" app-config.lean.yaml STAGEDOOR_WITHOUT=search,techdocs,scaffolder; }

case "${1:-}" in
  start-guarded)
    "$0" start
    start_guarded
    ;;
  start-all)
    "$0" start
    start_guarded
    start_lean
    ;;
  start)
    if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      say "Backstage backend already running (pid $(cat "$PIDFILE"))"
      exit 0
    fi
    if curl -fsS -o /dev/null "$BACKEND_URL/.backstage/health/v1/readiness" 2>/dev/null; then
      echo "Port $BACKEND_PORT is taken by another process; stop it first." >&2
      exit 1
    fi
    start_oidc
    start_node_service "$TARGET_PIDFILE" "$TARGET_LOG" "$ROOT/tests/proxy-target/index.js" "$PROXY_TARGET_PORT"
    # Tests write the files under /live/ here; each start begins empty.
    rm -rf "$REPO_HOST_LIVE"; mkdir -p "$REPO_HOST_LIVE"
    start_node_service "$REPOS_PIDFILE" "$REPOS_LOG" "$ROOT/tests/repo-host/index.js" "$REPO_HOST_PORT" "$REPO_HOST_LIVE"
    export TECHDOCS_PUBLISH_DIR="$RUN_DIR/techdocs"
    [ -n "${STAGEDOOR_TECHDOCS_KEEP:-}" ] || rm -rf "$TECHDOCS_PUBLISH_DIR"
    mkdir -p "$TECHDOCS_PUBLISH_DIR"
    db_config backstage_
    extra=("${DB_ARGS[@]}")
    say "Starting the Backstage backend (log: ${LOG#$ROOT/}${extra[*]:+, PostgreSQL})"
    # BACKEND_EXTRA_CONFIG: a config overlay (absolute path), e.g. the benchmark catalog.
    [ -n "${BACKEND_EXTRA_CONFIG:-}" ] && extra+=(--config "$BACKEND_EXTRA_CONFIG")
    entry=index.js
    if [ "${STAGEDOOR_BACKSTAGE:-}" = 1.32 ]; then
      entry=../backstage-1.32/index.js
      # Its scaffolder will not render templates on Node 20 with the startup snapshot.
      export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--no-node-snapshot"
    fi
    (cd "$ROOT/tests/backstage" && STAGEDOOR_DB_PREFIX=backstage_ POSTGRES_PORT=$POSTGRES_PORT \
      exec node "$entry" --config app-config.yaml "${extra[@]}") >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    if ! wait_for_url "$BACKEND_URL/.backstage/health/v1/readiness" 120; then
      echo "The backend did not become ready; last lines of its log:" >&2
      tail -30 "$LOG" >&2
      exit 1
    fi
    say "Backstage backend${STAGEDOOR_BACKSTAGE:+ ${STAGEDOOR_BACKSTAGE}} ready at $BACKEND_URL"
    ;;
  stop)
    stop_pidfile "$RUN_DIR/backend-guarded.pid"
    stop_pidfile "$RUN_DIR/backend-lean.pid"
    stop_pidfile "$PIDFILE"
    stop_pidfile "$OIDC_PIDFILE"
    stop_pidfile "$TARGET_PIDFILE"
    stop_pidfile "$REPOS_PIDFILE"
    bash "$ROOT/scripts/services/postgres.sh" stop
    ;;
  *)
    echo "usage: $0 start|start-guarded|start-all|stop" >&2
    exit 2
    ;;
esac
