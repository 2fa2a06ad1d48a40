#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the backend, the database real deployments
# run (Debian's postgresql package; scripts/setup.sh installs it).
#   scripts/services/postgres.sh start   # initdb in .run/postgres if needed, listen on 127.0.0.1:$POSTGRES_PORT
#   scripts/services/postgres.sh stop    # stops the server by its PID
#   scripts/services/postgres.sh drop P  # drops every database whose name starts with P
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres`
# user the package creates. Its data is disposable, so it never syncs to disk.
source "$(dirname "$0")/../lib.sh"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# as_owner CMD…: runs CMD as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# In the work folder, unless the owner cannot reach it (a checkout in /root).
PGDATA="$RUN_DIR/postgres"
as_owner test -x "$RUN_DIR" 2>/dev/null || PGDATA="/tmp/stagedoor-postgres-$(echo "$ROOT" | cksum | cut -d' ' -f1)"
PG_LOG="$PGDATA.log"
pid() { head -1 "$PGDATA/postmaster.pid" 2>/dev/null; }
running() { local p; p=$(pid) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
psql_() { "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U stagedoor -d postgres "$@"; }

case "${1:-}" in
  start)
    [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed: run scripts/setup.sh" >&2; exit 1; }
    if running; then exit 0; fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      rm -rf "$PGDATA"; mkdir -p "$PGDATA"
      if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PGDATA"; fi
      # Local connections only, no password: the cluster lives for a test run.
      as_owner "$PG_BIN/initdb" -D "$PGDATA" -U stagedoor --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_LOG" 2>&1 ||
        { cat "$PG_LOG" >&2; exit 1; }
    fi
    touch "$PG_LOG"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_LOG"; fi
    as_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 start -o \
      "-p $POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null ||
      { tail -20 "$PG_LOG" >&2; exit 1; }
    say "PostgreSQL ready at 127.0.0.1:$POSTGRES_PORT (pid $(pid))"
    ;;
  drop)
    prefix=${2:?usage: $0 drop PREFIX}
    for db in $(psql_ -At -c "SELECT datname FROM pg_database WHERE starts_with(datname, '$prefix')"); do
      psql_ -c "DROP DATABASE \"$db\" WITH (FORCE)"
    done
    ;;
  stop)
    running || exit 0
    p=$(pid)
    # SIGINT is PostgreSQL's fast shutdown: close connections, stop.
    kill -INT "$p"
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || exit 0; sleep 0.25; done
    kill -KILL "$p" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop|drop PREFIX" >&2
    exit 2
    ;;
esac
