#!/usr/bin/env bash
# Two builds side by side (benchmark, not a test): the build in dist/ and an older
# one, each page loaded cold in turn, load by load, at 40 ms round trip and
# 20 Mbit/s (tests/e2e/bench/alternate-bench.mjs). network.sh measures one build
# after the other, and this 2-core machine's speed drifts between the two halves
# by up to ±20 %; taken in turn, both builds see the same drift.
#   BEFORE=DIR scripts/bench/alternate.sh            14 pairs a page
#   BEFORE=DIR PAIRS=20 RTT=100 ONLY=entity scripts/bench/alternate.sh
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
[ -n "${BEFORE:-}" ] || { echo "alternate.sh: BEFORE=DIR names the older build" >&2; exit 2; }
[ -f dist/index.html ] || trunk build --release >/dev/null
dir="$RUN_DIR/nginx-alternate"
stop_pidfile "$dir/nginx.pid"
bash "$ROOT/scripts/services/static.sh" stop >/dev/null
rm -rf "$dir"; mkdir -p "$dir/tmp"
# Both at the root of their own port (ones the test backend's CORS allows), with
# the base pinned as a deployment does, served alike: the static server's
# compressed siblings and cache rules.
cp -r "$BEFORE" "$dir/before"; bash "$ROOT/scripts/build/pin-base.sh" "$dir/before" /
cp -r dist "$dir/now"; bash "$ROOT/scripts/build/pin-base.sh" "$dir/now" /
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
serve() { # port root
  cat <<CONF
  server {
    listen 127.0.0.1:$1;
    root $2;
    add_header Cache-Control \$sd_cache always;
    location / { try_files \$uri /index.html; }
  }
CONF
}
cat >"$dir/nginx.conf" <<CONF
$( [ -f "$brotli_module" ] && echo "load_module $brotli_module;" )
worker_processes 1;
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  gzip_static on;
  gzip_vary on;
  gzip on;
  gzip_types application/json text/css application/javascript application/wasm;
  $( [ -f "$brotli_module" ] && echo "brotli_static on;" )
  map \$uri \$sd_cache {
    "~/pkg-[0-9a-f]+/"       "public, max-age=31536000, immutable";
    "~-[0-9a-f]{16}\.css\$"  "public, max-age=31536000, immutable";
    default                "no-cache";
  }
$(serve "$DEMO_PORT" "$dir/before")
$(serve 8090 "$dir/now")
}
CONF
nginx -c "$dir/nginx.conf"
bash "$ROOT/scripts/services/backend.sh" start >/dev/null
trap 'stop_pidfile "$dir/nginx.pid"; bash "$ROOT/scripts/services/backend.sh" stop >/dev/null' EXIT
(cd tests/e2e && BEFORE_BASE="http://127.0.0.1:$DEMO_PORT/" BASE="http://127.0.0.1:8090/" node bench/alternate-bench.mjs "${PAIRS:-14}" "${RTT:-40}")
