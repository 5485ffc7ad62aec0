#!/usr/bin/env bash
# Every test: installs what is missing, builds with warnings as errors, runs the unit and
# integration tests (ctest, SQLite and a throwaway PostgreSQL server), the ASan+UBSan build of
# the unit tests, and the browser suite (Playwright + Debian's Chromium + axe-core).
#   scripts/test.sh            # the default suite (what CI runs)
#   SUITES="unit" scripts/test.sh   # a subset: unit, integration, sanitize, browser, fuzz
#   SYNLIG_CCACHE=0 scripts/test.sh # without ccache (a cold build, as on a fresh machine)
#   scripts/test.sh slow       # also the libFuzzer runs (clang) and the suites labelled slow
# Every fuzz target also runs in the default suite, in the unit and sanitize runs, as a replay
# of its seed corpus plus seeded mutations (fuzz/replay_main.cc).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUITES="${SUITES:-unit integration sanitize browser}"
[ "${1:-}" = "slow" ] && SUITES="$SUITES fuzz slow"
has() { [[ " $SUITES " == *" $1 "* ]]; }

install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_node
npm_install "$ROOT/tests"

# Node 18 (Debian 12's own) has no --test-concurrency; its runner takes files one at a time
# anyway when told nothing. Every test server binds its own free port, so either is safe.
NODE_TEST=(node --test)
if node --help 2>/dev/null | grep -q -- --test-concurrency; then
  NODE_TEST+=(--test-concurrency=1)
fi

FAILED=()
run() {  # run NAME CMD...: runs a suite, remembers failure, goes on with the next
  local name="$1"; shift
  local start=$SECONDS
  log "suite: $name"
  if "$@"; then log "suite $name: passed ($((SECONDS - start)) s)"
  else log "suite $name: FAILED ($((SECONDS - start)) s)"; FAILED+=("$name"); fi
}

log "building (warnings as errors)"
build "$ROOT/build/ci" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNLIG_WERROR=ON
BIN="$ROOT/build/ci/apps/synlig/synlig"

# A throwaway PostgreSQL server for the PostgreSQL store's tests.
PG_DIR=""
start_postgres() {
  local pg_bin; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  PG_DIR=$(mktemp -d); chown postgres: "$PG_DIR" 2>/dev/null || true
  local port=54329
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  local as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  (cd / && "${as[@]}" "$pg_bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 --no-sync >/dev/null \
   && "${as[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off" start >/dev/null)
  export SYNLIG_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
  log "PostgreSQL on 127.0.0.1:$port"
}
stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local pg_bin; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  local as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  (cd / && "${as[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1) || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
if has integration; then start_postgres; fi

if has unit; then
  run unit ctest --test-dir "$ROOT/build/ci" -L unit --output-on-failure -j "$JOBS"
fi
if has integration; then
  run integration ctest --test-dir "$ROOT/build/ci" -L integration --output-on-failure
  if [ -d "$ROOT/tests/integration" ] && ls "$ROOT"/tests/integration/*.test.mjs >/dev/null 2>&1; then
    run http-integration env SYNLIG_BIN="$BIN" "${NODE_TEST[@]}" "$ROOT"/tests/integration/*.test.mjs
  fi
fi
if has sanitize; then
  log "building unit tests with ASan+UBSan"
  build "$ROOT/build/asan" -DCMAKE_BUILD_TYPE=Debug -DSYNLIG_SANITIZE=ON -DSYNLIG_WERROR=ON \
    -DSYNLIG_BENCH=OFF -- synlig_all_tests
  run sanitize env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$ROOT/tests/support/lsan.supp" \
    ctest --test-dir "$ROOT/build/asan" -L unit --output-on-failure -j "$JOBS"
fi
if has browser && ls "$ROOT"/tests/browser/*.test.mjs >/dev/null 2>&1; then
  run browser env SYNLIG_BIN="$BIN" "${NODE_TEST[@]}" "$ROOT"/tests/browser/*.test.mjs
fi
if has fuzz && [ -f "$ROOT/fuzz/CMakeLists.txt" ]; then
  log "building fuzz targets (clang, libFuzzer)"
  build "$ROOT/build/fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DSYNLIG_FUZZ=ON -DSYNLIG_BENCH=OFF -- synlig_all_fuzzers
  run fuzz ctest --test-dir "$ROOT/build/fuzz" -L fuzz --output-on-failure -j "$JOBS"
fi
if has slow; then
  run slow ctest --test-dir "$ROOT/build/ci" -L slow --output-on-failure
fi

if [ ${#FAILED[@]} -gt 0 ]; then
  log "FAILED suites: ${FAILED[*]}"
  exit 1
fi
log "all suites passed in $SECONDS s"
