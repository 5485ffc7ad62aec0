#!/usr/bin/env bash
# Online-ad analysis benchmark at 10k and 100k hard-profile ads (and 1M with --full): wall
# time and peak memory of the whole process under /usr/bin/time -v, ads_bench's own phase
# times and accuracy, and side by side on the same file the plain numpy MinHash-LSH baseline
# (bench/ads_baseline.py; Debian python3-numpy): both times, the speed-up and both F1s. Files
# are generated once into $ADS_BENCH_DIR (default /tmp/ads-bench).
#   bench/ads_bench.sh BUILD_DIR [--full] [--no-baseline]
set -euo pipefail
BUILD="${1:?usage: bench/ads_bench.sh BUILD_DIR [--full] [--no-baseline]}"
shift
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$BUILD/bench/ads_bench"
DIR="${ADS_BENCH_DIR:-/tmp/ads-bench}"
SIZES=(10000 100000)
BASELINE=1
for a in "$@"; do
  case "$a" in
    --full) SIZES+=(1000000) ;;
    --no-baseline) BASELINE=0 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
PY="${PYTHON:-}"
if [ "$BASELINE" = 1 ] && [ -z "$PY" ]; then
  for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import numpy" 2>/dev/null; then
      PY="$candidate"
      break
    fi
  done
  [ -n "$PY" ] || { echo "python3-numpy is missing: baseline left out" >&2; BASELINE=0; }
fi
mkdir -p "$DIR"
ROWS="$DIR/compare.tsv"
: > "$ROWS"
for n in "${SIZES[@]}"; do
  file="$DIR/hard-$n.jsonl"
  [ -s "$file" ] || "$BIN" generate "$n" "$file"
  echo "== $n ads"
  /usr/bin/time -v "$BIN" run "$file" > "$DIR/ours-$n.txt" 2> "$DIR/time-$n.txt"
  cat "$DIR/ours-$n.txt"
  grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$DIR/time-$n.txt"
  if [ "$BASELINE" = 1 ]; then
    "$PY" "$HERE/ads_baseline.py" "$file" --json > "$DIR/baseline-$n.json"
    printf '%s\t%s\t%s\n' "$n" "$DIR/ours-$n.txt" "$DIR/baseline-$n.json" >> "$ROWS"
  fi
done
[ "$BASELINE" = 1 ] || exit 0
echo
echo "== side by side: libs/ads (2 threads, end to end) vs numpy MinHash-LSH baseline"
"$PY" - "$ROWS" <<'PYEOF'
import json
import re
import sys

print(f"{'ads':>9} | {'ours s wall/CPU':>16} | {'numpy s wall/CPU':>17} "
      f"| {'speed-up wall/CPU':>17} | {'linking CPU ours/numpy':>22} "
      f"| {'ours F1 adv/net':>15} | {'numpy F1 adv/net':>16}")
for line in open(sys.argv[1]):
    n, ours_path, base_path = line.rstrip("\n").split("\t")
    ours = open(ours_path).read()
    wall, cpu = map(float, re.search(r"^total\s+([\d.]+) s wall\s+([\d.]+) s CPU", ours,
                                     re.M).groups())
    link_cpu = float(re.search(r"^link\s+[\d.]+ s wall\s+([\d.]+) s CPU", ours, re.M).group(1))
    adv = float(re.search(r"^advertiser F1\s+([\d.]+)", ours, re.M).group(1))
    net = float(re.search(r"^network F1\s+([\d.]+)", ours, re.M).group(1))
    b = json.load(open(base_path))
    print(f"{int(n):>9,} | {wall:7.2f} / {cpu:6.2f} | {b['seconds_wall']:8.2f} / "
          f"{b['seconds_cpu']:6.2f} | {b['seconds_wall'] / wall:7.1f}x / "
          f"{b['seconds_cpu'] / cpu:5.1f}x | {link_cpu:8.2f} / {b['seconds_link_cpu']:8.2f} s "
          f"| {adv:.3f} / {net:.3f} | "
          f"{b['advertisers']['f1']:.3f} / {b['networks']['f1']:.3f}")
PYEOF
