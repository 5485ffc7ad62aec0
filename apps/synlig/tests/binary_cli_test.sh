#!/usr/bin/env bash
# Runs the real synlig binary: --version, --help, a bad flag (exit 2), init, user add/list/
# disable on a temporary database, and serve on port 0 stopped by SIGTERM.
#   binary_cli_test.sh path/to/synlig
set -euo pipefail
BIN="$1"
TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
PASSED=0
FAILED=0
check() {  # check NAME CONDITION-COMMAND...
  local name="$1"; shift
  if "$@"; then PASSED=$((PASSED + 1)); else echo "FAIL: $name" >&2; FAILED=$((FAILED + 1)); fi
}
exit_code() { set +e; "$@" >"$TMP/out" 2>"$TMP/err"; echo $?; set -e; }

check "--version prints the version" grep -Eq '^synlig [0-9]+\.[0-9]+\.[0-9]+$' <("$BIN" --version)
check "--help lists the commands" grep -q 'Usage: synlig <command>' <("$BIN" --help)
for c in serve init demo migrate user; do
  check "$c --help" grep -q "Usage: synlig $c" <("$BIN" "$c" --help)
done

check "a bad flag exits 2" [ "$(exit_code "$BIN" serve --bogus)" = 2 ]
check "a usage error is one line" [ "$(wc -l <"$TMP/err")" = 1 ]
check "a usage error points to --help" grep -q -- "--help" "$TMP/err"
check "an unknown command exits 2" [ "$(exit_code "$BIN" frobnicate)" = 2 ]

DB="$TMP/synlig.db"
check "init succeeds" [ "$(exit_code "$BIN" init --db "$DB")" = 0 ]
check "init prints the admin password" grep -q 'Password (shown once' "$TMP/out"
check "the key file is mode 600" [ "$(stat -c %a "$DB.keys")" = 600 ]
check "a second init exits 1" [ "$(exit_code "$BIN" init --db "$DB")" = 1 ]

echo 'a-long-password-123' >"$TMP/pw"
check "user add succeeds" [ "$(exit_code "$BIN" user add --db "$DB" --username anna \
  --role analyst --password-stdin <"$TMP/pw")" = 0 ]
check "user list shows the user" [ "$(exit_code "$BIN" user list --db "$DB")" = 0 ]
check "user list has anna as analyst" grep -Eq '^[0-9]+ +anna +analyst +- +active' "$TMP/out"
check "user disable succeeds" [ "$(exit_code "$BIN" user disable --db "$DB" --username anna)" = 0 ]
exit_code "$BIN" user list --db "$DB" >/dev/null
check "user list shows anna disabled" grep -Eq '^[0-9]+ +anna +analyst +- +disabled' "$TMP/out"
check "environment names the database" [ "$(SYNLIG_DB="$DB" exit_code "$BIN" user list)" = 0 ]

# serve on a free port; the "listening on" line tells which; SIGTERM stops it cleanly.
mkfifo "$TMP/fifo"
"$BIN" serve --db "$DB" --port 0 >"$TMP/fifo" 2>"$TMP/serve.err" &
SERVER_PID=$!
exec 3<"$TMP/fifo"
PORT=""
while IFS= read -r -t 30 line <&3; do
  case "$line" in
    "listening on http://127.0.0.1:"*) PORT="${line##*:}"; break ;;
  esac
done
check "serve prints the port it listens on" [ -n "$PORT" ]
if [ -n "$PORT" ]; then
  exec 4<>"/dev/tcp/127.0.0.1/$PORT"
  printf 'GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n' >&4
  check "the server answers /healthz" grep -q '^HTTP/1.[01] 200' <(head -n1 <&4)
  exec 4<&-
fi
kill -TERM "$SERVER_PID"
set +e; wait "$SERVER_PID"; rc=$?; set -e
SERVER_PID=""
cat <&3 >"$TMP/serve.out" || true
exec 3<&-
check "serve exits 0 on SIGTERM" [ "$rc" = 0 ]
check "serve logs the stop" grep -q '"msg":"server_stopped"' "$TMP/serve.out"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
