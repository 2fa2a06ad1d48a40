#!/usr/bin/env bash
# Trunk's post-build hook (Trunk runs a stage's hooks at the same time, so the two
# steps that must follow each other are one hook): hash the wasm folder's name,
# write the host pages' loader for it, then the precompressed siblings.
set -euo pipefail
here=$(dirname "$0")
bash "$here/fingerprint.sh" "$@"
bash "$here/embed-loader.sh" "$@"
bash "$here/compress.sh" "$@"
