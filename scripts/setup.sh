#!/usr/bin/env bash
# Quick start: installs what is missing, builds, creates a demo municipality (SQLite) and
# serves it at http://127.0.0.1:8080. Demo logins are printed at start.
#   scripts/setup.sh            # uses ./synlig-demo.db (kept between runs)
#   PORT=9090 DB=/tmp/x.db scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages "${BUILD_PACKAGES[@]}"
log "building (Release)"
build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DSYNLIG_BENCH=OFF

DB="${DB:-$ROOT/synlig-demo.db}"
PORT="${PORT:-8080}"
BIN="$ROOT/build/release/apps/synlig/synlig"
CONFIG="${CONFIG:-$ROOT/synlig-demo.toml}"
if [ ! -f "$DB" ]; then
  log "creating the demo municipality in $DB"
  "$BIN" demo --db "$DB" --config "$CONFIG"
else
  log "using the existing demo database $DB (delete it to start over)"
  "$BIN" demo --db "$DB" --config "$CONFIG" --print-logins
fi
log "serving http://127.0.0.1:$PORT (Ctrl-C stops)"
exec "$BIN" serve --db "$DB" --config "$CONFIG" --port "$PORT" --bind 127.0.0.1
