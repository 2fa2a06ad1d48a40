#!/usr/bin/env bash
# The README's first command: installs what is missing, starts the demo Backstage
# backend on 127.0.0.1:7007, builds the portal and serves it on 127.0.0.1:8080.
# Ctrl-C stops both.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/backend.sh" start
trap 'bash "$ROOT/scripts/backend.sh" stop' EXIT

say "Building and serving the portal; open http://127.0.0.1:8080/ and choose \"Enter as guest\""
trunk serve --release --port 8080
