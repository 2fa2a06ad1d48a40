#!/usr/bin/env bash
# Size benchmark (not a test): builds the release dist/ and prints, per file and in
# total, raw / gzip -9 / brotli bytes of what the first page's HTML loads, then
# the first load as a browser fetches it: headless Chromium opens /catalog cold,
# enters as guest and waits for the first row, and every file from the portal's
# origin requested until then is counted as sent (tests/e2e/bench/first-load.mjs;
# this counts a chunk the first page pulls in, which the static list cannot).
# Beside it the budget and Backstage's own frontend as the baseline.
# CHECK=1 (the test command): fails when that first load, gzip, is larger than the
# ceiling in scripts/bench/first-load-ceiling: the first load must not grow when a
# feature is added. Lower the ceiling whenever it shrinks; the budget (200 KiB)
# is where it must end up. Starts the backend (guest sign-in, the first rows) and
# the static server when they are not running, and stops what it started.
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release >/dev/null
BUDGET=$((200 * 1024))
BACKSTAGE_GZIP=$((1200 * 1000))   # Backstage 1.x frontend, catalog page, gzip (issue #2)

# The first page loads index.html, config.json, what index.html links (the CSS,
# pkg-<hash>/boot.js, main.js, main_bg.wasm) and what main.js imports statically
# (nothing since the chunks' loader stub is written into it). The other .wasm files are chunks fetched when a page that
# needs them is first opened; they are listed apart.
pkg=$(cd dist && ls -d pkg* | head -1)
files=(index.html config.json)
# (config.json's preload link is listed once, above: the extension must end the name.)
while read -r f; do files+=("$f"); done < <(grep -oE '(href|src)="?(\./)?[^" #:>]+\.(css|js|wasm)["> ]' dist/index.html | sed -E 's/^(href|src)="?(\.\/)?//; s/["> ]$//' | sort -u)
while read -r f; do files+=("$pkg/$f"); done < <(grep -oE 'from ?"\./[^"]+"' "dist/$pkg/main.js" | sed -E 's/.*"\.\/([^"]+)"/\1/' | sort -u)
mapfile -t files < <(printf '%s\n' "${files[@]}" | awk '!seen[$0]++')
chunks=()
for f in dist/"$pkg"/*.wasm dist/"$pkg"/*.bin; do
  f=${f#dist/}
  [[ " ${files[*]} " == *" $f "* ]] || chunks+=("$f")
done

# The browser's measure below needs nginx (the build's .br/.gz siblings,
# scripts/services/static.sh) and a backend to sign in against.
# Stopped at the end only if this script started it (another benchmark may be using it).
started=()
stop_started() { for s in "${started[@]}"; do bash "$ROOT/scripts/services/$s.sh" stop >/dev/null; done; }
trap stop_started EXIT
if ! curl -fsS -o /dev/null http://127.0.0.1:8090/ 2>/dev/null; then
  bash "$ROOT/scripts/services/static.sh" start "$ROOT/dist" >/dev/null
  started+=(static)
fi
if ! curl -fsS -o /dev/null http://127.0.0.1:7007/.backstage/health/v1/readiness 2>/dev/null; then
  bash "$ROOT/scripts/services/backend.sh" start >/dev/null
  started+=(backend)
fi
printf '%-44s %10s %10s %10s\n' file raw gzip-9 brotli
tr=0; tg=0; tb=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "dist/$f")
  gz=$(gzip -9 -c "dist/$f" | wc -c)
  br=$(brotli -q 11 -c "dist/$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
  tr=$((tr + raw)); tg=$((tg + gz)); tb=$((tb + br))
done
printf '%-44s %10d %10d %10d\n' TOTAL "$tr" "$tg" "$tb"
printf '\nloaded when first needed (entity page; create, tasks and actions):\n'
for f in "${chunks[@]}"; do
  printf '%-44s %10d %10d %10d\n' "$f" "$(stat -c %s "dist/$f")" "$(gzip -9 -c "dist/$f" | wc -c)" "$(brotli -q 11 -c "dist/$f" | wc -c)"
done
# As a browser fetches it (gzip only, then as Chromium asks: brotli too).
fetched=$(cd "$ROOT/tests/e2e" && node bench/first-load.mjs)
printf '\nfirst load as headless Chromium fetches it (cold /catalog, guest sign-in, first row):\n'
printf '%-44s %10s %10s %8s\n' file 'gzip' 'as asked' 'note'
node -e '
const d = JSON.parse(process.argv[1]);
const asked = new Map(d.browser.files.map((f) => [f.url, f]));
for (const f of d.gzip.files) {
  const b = asked.get(f.url);
  const note = f.beforeFirstRow ? "" : "after";
  console.log(f.url.padEnd(44), String(f.bytes).padStart(10), String(b ? b.bytes + " " + b.encoding : "-").padStart(10), note.padStart(8));
}
console.log("TOTAL before the first row".padEnd(44), String(d.gzip.total).padStart(10), String(d.browser.total).padStart(10));
' "$fetched"
read -r fg fb < <(node -e 'const d = JSON.parse(process.argv[1]); console.log(d.gzip.total, d.browser.total)' "$fetched")
awk -v g="$fg" -v s="$tg" -v b="$BUDGET" -v bs="$BACKSTAGE_GZIP" -v br="$fb" 'BEGIN {
  printf "\nfirst load, gzip, as a browser fetches it: %d bytes (%.1f KiB); budget %d KiB: %s; aim 160 KiB: %.1f KiB to go\n", g, g / 1024, b / 1024, (g <= b ? "within" : "OVER"), (g - 160 * 1024) / 1024
  printf "first load as Chromium fetches it (brotli): %d bytes (%.1f KiB)\n", br, br / 1024
  printf "what the HTML loads, recompressed with gzip -9: %d bytes (%.1f KiB)\n", s, s / 1024
  printf "baseline, Backstage frontend catalog page: ~%d bytes gzip; Stagedoor is %.1fx smaller\n", bs, bs / g
}'
if [ "${CHECK:-0}" = 1 ]; then
  ceiling=$(tr -dc 0-9 <"$ROOT/scripts/bench/first-load-ceiling")
  if [ "$fg" -gt "$ceiling" ]; then
    echo "The first load grew to $fg bytes gzip, past its ceiling of $ceiling (scripts/bench/first-load-ceiling): move what the first page does not need into a chunk, and keep the first page from fetching one." >&2
    exit 1
  fi
  echo "first load within its ceiling of $ceiling bytes gzip"
fi
