#!/usr/bin/env bash
# Serves dist/ with Debian's nginx on 127.0.0.1, with the SPA fallback to index.html:
# at / (port 8090) and under /portal/ (port 8091) as a deployment with a strict
# Content-Security-Policy does it (copies with the base pinned, scripts/build/pin-base.sh,
# and the CSP header of the README), and under /portal/ once more as the build
# comes (port 8092: index.html finds its own base). Intranet pages that embed the
# portal (tests/e2e/host): at 8092/intranet/ (mounted into a <div>, same origin as
# the portal) and at 8093 (a second origin framing it, the allow-listed one).
# With BESIDE=DIR, an older build is served too, at the root of port 8080 like
# 8090's (scripts/bench/alternate.sh compares the two).
#   scripts/services/static.sh start [DIST]   |   scripts/services/static.sh stop
source "$(dirname "$0")/../lib.sh"
PIDFILE="$RUN_DIR/nginx.pid"
NGX="$RUN_DIR/nginx"

case "${1:-}" in
  start)
    dist=$(cd "${2:-$ROOT/dist}" && pwd)
    stop_pidfile "$PIDFILE"
    rm -rf "$NGX"; mkdir -p "$NGX/tmp" "$NGX/www" "$NGX/csp"
    ln -s "$dist" "$NGX/www/portal"
    cp -r "$dist" "$NGX/csp/root"; bash "$ROOT/scripts/build/pin-base.sh" "$NGX/csp/root" /
    cp -r "$dist" "$NGX/csp/portal"; bash "$ROOT/scripts/build/pin-base.sh" "$NGX/csp/portal" /portal/
    if [ -n "${BESIDE:-}" ]; then
      cp -r "$BESIDE" "$NGX/csp/beside"; bash "$ROOT/scripts/build/pin-base.sh" "$NGX/csp/beside" /
    fi
    # 7999: the backend failures.spec.ts configures and never starts; 7998: the
    # fault proxy faults.spec.ts puts in front of the backend; the guarded backend
    # is the permission tests'.
    csp="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: $BACKEND_URL $GUARDED_BACKEND_URL http://127.0.0.1:$LEAN_BACKEND_PORT; connect-src 'self' $BACKEND_URL $GUARDED_BACKEND_URL http://127.0.0.1:$LEAN_BACKEND_PORT http://127.0.0.1:7998 http://127.0.0.1:7999; frame-ancestors 'self' http://127.0.0.1:8092 http://127.0.0.1:8093; object-src 'none'; base-uri 'self'"
    # Debian's brotli_static module (libnginx-mod-http-brotli-static, set-up installs it).
    brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
    cat >"$NGX/nginx.conf" <<CONF
$( [ -f "$brotli_module" ] && echo "load_module $brotli_module;" )
worker_processes 1;
error_log $NGX/error.log warn;
pid $NGX/nginx-master.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $NGX/tmp/body;
  proxy_temp_path $NGX/tmp/proxy;
  fastcgi_temp_path $NGX/tmp/fastcgi;
  uwsgi_temp_path $NGX/tmp/uwsgi;
  scgi_temp_path $NGX/tmp/scgi;
  # The build's precompressed siblings (scripts/build/compress.sh), sent as they are.
  gzip_static on;
  gzip_vary on;
  # index.html and config.json have no siblings (deployers edit them): on the fly.
  gzip on;
  gzip_types application/json text/css application/javascript application/wasm;
  $( [ -f "$brotli_module" ] && echo "brotli_static on;" )
  # Hashed assets (pkg-<hash>/, main-<hash>.css) never change; index.html and
  # config.json are checked on every load. The README gives the same rules.
  map \$uri \$sd_cache {
    "~/pkg-[0-9a-f]+/"       "public, max-age=31536000, immutable";
    "~-[0-9a-f]{16}\.css\$"  "public, max-age=31536000, immutable";
    default                "no-cache";
  }
  # The portal at the root of its host, under the strict CSP.
  server {
    listen 127.0.0.1:8090;
    root $NGX/csp/root;
    add_header Cache-Control \$sd_cache always;
    add_header Content-Security-Policy "$csp" always;
    location / { try_files \$uri /index.html; }
  }
$( [ -n "${BESIDE:-}" ] && cat <<BESIDE
  # The older build beside it, served alike.
  server {
    listen 127.0.0.1:$DEMO_PORT;
    root $NGX/csp/beside;
    add_header Cache-Control \$sd_cache always;
    add_header Content-Security-Policy "$csp" always;
    location / { try_files \$uri /index.html; }
  }
BESIDE
)
  # Under a sub-path, under the strict CSP.
  server {
    listen 127.0.0.1:8091;
    root $NGX/csp;
    add_header Cache-Control \$sd_cache always;
    add_header Content-Security-Policy "$csp" always;
    location = /portal { return 301 /portal/; }
    location /portal/ { try_files \$uri /portal/index.html; }
  }
  # dist/ as built, under a sub-path it finds by itself.
  server {
    listen 127.0.0.1:8092;
    root $NGX/www;
    add_header Cache-Control \$sd_cache always;
    location = /portal { return 301 /portal/; }
    location /portal/ { try_files \$uri /portal/index.html; }
    location /intranet/ { alias $ROOT/tests/e2e/host/; }
  }
  # Another intranet origin, the one the embedding tests allow to frame the portal.
  server {
    listen 127.0.0.1:8093;
    root $ROOT/tests/e2e/host;
  }
}
CONF
    nginx -t -q -c "$NGX/nginx.conf" -p "$NGX"
    nginx -c "$NGX/nginx.conf" -p "$NGX" -g 'daemon off;' >"$NGX/stdout.log" 2>&1 &
    echo $! >"$PIDFILE"
    wait_for_url "http://127.0.0.1:8090/" 20 && wait_for_url "http://127.0.0.1:8091/portal/" 20 && wait_for_url "http://127.0.0.1:8092/portal/" 20 && wait_for_url "http://127.0.0.1:8093/iframe.html" 20
    say "Portal served at http://127.0.0.1:8090/ and http://127.0.0.1:8091/portal/ (strict CSP), http://127.0.0.1:8092/portal/ (as built); intranet pages at http://127.0.0.1:8092/intranet/ and http://127.0.0.1:8093/"
    ;;
  stop)
    stop_pidfile "$PIDFILE"
    ;;
  *)
    echo "usage: $0 start [DIST]|stop" >&2
    exit 2
    ;;
esac
