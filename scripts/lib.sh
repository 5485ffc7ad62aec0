#!/usr/bin/env bash
# Shared by scripts/setup.sh and scripts/test.sh: installs what is missing (Debian packages,
# npm from the committed lock file) and builds. Idempotent: seconds when nothing is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"

BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config git ca-certificates ccache
  libsqlite3-dev libsodium-dev nlohmann-json3-dev libcpp-httplib-dev libkainjow-mustache-dev
  libtomlplusplus-dev libeigen3-dev libglpk-dev libpqxx-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libphonenumber-dev libprotobuf-dev libsimdjson-dev libxxhash-dev libgumbo-dev libcurl4-openssl-dev)
TEST_PACKAGES=(postgresql chromium clang libclang-rt-14-dev sqlite3 curl python3-aiosmtpd python3-numpy)

# libs/report: libzip, libxlsxwriter, cairo and pango; its tests read the PDF, Excel and Word files.
BUILD_PACKAGES+=(libzip-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev)
BUILD_PACKAGES+=(libreadstat-dev)
TEST_PACKAGES+=(poppler-utils python3-openpyxl python3-docx fonts-dejavu-core)
# libs/ads (the CLI): image files named in ads are hashed with OpenCV's img_hash. Optional, so
# the quick start leaves it out (it brings about 190 packages: Qt, VTK, GDAL); the test
# command installs it, so the feature is built and tested.
TEST_PACKAGES+=(libopencv-contrib-dev libwebp-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# install_packages PKG...: apt-get install of the packages not yet installed.
install_packages() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    install_packages nodejs npm
  fi
}

# npm_install DIR: installs DIR's node modules from its lock file when they are missing/stale.
npm_install() {
  local dir="$1"
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.stamp" ]; then
    log "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error \
      && touch node_modules/.stamp)
  fi
}

# build DIR [CMAKE ARGS...] [-- TARGET...]: configures once, then builds (all, or the targets).
build() {
  local dir="$1"; shift
  local args=() targets=()
  while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then shift; targets=("$@"); break; fi
    args+=("$1"); shift
  done
  # ccache keeps compiled objects between runs, build directories and checkouts (paths under
  # the checkout are hashed relative to it). SYNLIG_CCACHE=0 turns it off.
  if [ "${SYNLIG_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null 2>&1; then
    # The build directory is not hashed either (debug info then names the directory that
    # first compiled an object; tests and CI do not read it).
    export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
    args=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache "${args[@]}")
  fi
  cmake -S "$ROOT" -B "$dir" -G Ninja "${args[@]}" >/dev/null
  local start=$SECONDS
  if [ ${#targets[@]} -gt 0 ]; then
    cmake --build "$dir" -j "$JOBS" --target "${targets[@]}"
  else
    cmake --build "$dir" -j "$JOBS"
  fi
  log "built ${dir#"$ROOT"/} in $((SECONDS - start)) s"
}
