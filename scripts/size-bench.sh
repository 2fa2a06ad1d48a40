#!/usr/bin/env bash
# Size benchmark (not a test): builds the release dist/ and prints, per file and in
# total, raw / gzip -9 / brotli bytes of everything a browser loads for the first
# page, beside the budget and Backstage's own frontend as the baseline.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release >/dev/null
BUDGET=$((200 * 1024))
BACKSTAGE_GZIP=$((1200 * 1000))   # Backstage 1.x frontend, catalog page, gzip (issue #2)

# The first page loads index.html, config.json and what index.html links.
files=(index.html config.json)
while read -r f; do files+=("$f"); done < <(grep -oE '(href|src)="\./[^"]+"' dist/index.html | sed -E 's/.*"\.\/([^"]+)"/\1/' | sort -u)
files+=($(cd dist && ls *.wasm))
mapfile -t files < <(printf '%s\n' "${files[@]}" | awk '!seen[$0]++')

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
awk -v g="$tg" -v b="$BUDGET" -v bs="$BACKSTAGE_GZIP" 'BEGIN {
  printf "\nfirst load, gzip: %d bytes (%.1f KiB); budget %d KiB: %s\n", g, g / 1024, b / 1024, (g <= b ? "within" : "OVER")
  printf "baseline, Backstage frontend catalog page: ~%d bytes gzip; Stagedoor is %.1fx smaller\n", bs, bs / g
}'
