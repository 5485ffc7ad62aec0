#!/usr/bin/env bash
# Online-ad analysis benchmark at 10k and 100k hard-profile ads (and 1M with --full): wall
# time and peak memory of the whole process under /usr/bin/time -v, and ads_bench's own phase
# times and accuracy. Files are generated once into $ADS_BENCH_DIR (default /tmp/ads-bench).
#   bench/ads_bench.sh BUILD_DIR [--full]
set -euo pipefail
BUILD="${1:?usage: bench/ads_bench.sh BUILD_DIR [--full]}"
BIN="$BUILD/bench/ads_bench"
DIR="${ADS_BENCH_DIR:-/tmp/ads-bench}"
SIZES=(10000 100000)
[ "${2:-}" = "--full" ] && SIZES+=(1000000)
mkdir -p "$DIR"
for n in "${SIZES[@]}"; do
  file="$DIR/hard-$n.jsonl"
  [ -s "$file" ] || "$BIN" generate "$n" "$file"
  echo "== $n ads"
  /usr/bin/time -v "$BIN" run "$file" 2> "$DIR/time-$n.txt"
  grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$DIR/time-$n.txt"
done
