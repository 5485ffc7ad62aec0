#!/usr/bin/env bash
# Online-ad analysis benchmark at 10k and 100k hard-profile ads (and 1M with --full): wall
# time and peak memory of the whole process under /usr/bin/time -v, ads_bench's own phase
# times and accuracy, and side by side on the same file the plain numpy MinHash-LSH baseline
# (bench/ads_baseline.py; Debian python3-numpy): both times, the speed-up and both F1s. Each
# size runs --repeat N times (default 3), ours and the baseline taking turns, so that a shared
# machine's slow and fast spells fall on both; the table shows medians and the range of the
# speed-up over the N pairs. Files are generated once into $ADS_BENCH_DIR (default
# /tmp/ads-bench).
#   bench/ads_bench.sh BUILD_DIR [--full] [--no-baseline] [--repeat N]
set -euo pipefail
BUILD="${1:?usage: bench/ads_bench.sh BUILD_DIR [--full] [--no-baseline]}"
shift
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$BUILD/bench/ads_bench"
DIR="${ADS_BENCH_DIR:-/tmp/ads-bench}"
SIZES=(10000 100000)
BASELINE=1
REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --full) SIZES+=(1000000) ;;
    --no-baseline) BASELINE=0 ;;
    --repeat) REPEAT="${2:?--repeat needs a number}"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
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
  ours_runs=()
  base_runs=()
  for r in $(seq 1 "$REPEAT"); do
    echo "== $n ads, run $r of $REPEAT"
    /usr/bin/time -v "$BIN" run "$file" > "$DIR/ours-$n-$r.txt" 2> "$DIR/time-$n-$r.txt"
    cat "$DIR/ours-$n-$r.txt"
    grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$DIR/time-$n-$r.txt"
    ours_runs+=("$DIR/ours-$n-$r.txt")
    if [ "$BASELINE" = 1 ]; then
      "$PY" "$HERE/ads_baseline.py" "$file" --json > "$DIR/baseline-$n-$r.json"
      base_runs+=("$DIR/baseline-$n-$r.json")
    fi
  done
  if [ "$BASELINE" = 1 ]; then
    printf '%s\t%s\t%s\n' "$n" "$(IFS=,; echo "${ours_runs[*]}")" \
      "$(IFS=,; echo "${base_runs[*]}")" >> "$ROWS"
  fi
done
[ "$BASELINE" = 1 ] || exit 0
echo
echo "== side by side: libs/ads (2 threads, end to end) vs numpy MinHash-LSH baseline"
echo "   medians of $REPEAT runs each, taking turns; speed-up range: over the run pairs"
"$PY" - "$ROWS" <<'PYEOF'
import json
import re
import statistics
import sys


def ours_run(path):
    text = open(path).read()
    wall, cpu = map(float, re.search(r"^total\s+([\d.]+) s wall\s+([\d.]+) s CPU", text,
                                     re.M).groups())
    link_cpu = float(re.search(r"^link\s+[\d.]+ s wall\s+([\d.]+) s CPU", text, re.M).group(1))
    adv = float(re.search(r"^advertiser F1\s+([\d.]+)", text, re.M).group(1))
    net = float(re.search(r"^network F1\s+([\d.]+)", text, re.M).group(1))
    return wall, cpu, link_cpu, adv, net


print(f"{'ads':>9} | {'ours s wall/CPU':>16} | {'numpy s wall/CPU':>17} "
      f"| {'speed-up wall/CPU':>17} | {'wall speed-up range':>19} "
      f"| {'linking CPU ours/numpy':>22} | {'ours F1 adv/net':>15} | {'numpy F1 adv/net':>16}")
for line in open(sys.argv[1]):
    n, ours_paths, base_paths = line.rstrip("\n").split("\t")
    ours = [ours_run(p) for p in ours_paths.split(",")]
    base = [json.load(open(p)) for p in base_paths.split(",")]
    med = lambda xs: statistics.median(xs)
    wall, cpu, link_cpu = (med([o[k] for o in ours]) for k in range(3))
    b_wall = med([b["seconds_wall"] for b in base])
    b_cpu = med([b["seconds_cpu"] for b in base])
    b_link = med([b["seconds_link_cpu"] for b in base])
    ratios = [b["seconds_wall"] / o[0] for o, b in zip(ours, base)]
    adv, net = ours[0][3], ours[0][4]
    print(f"{int(n):>9,} | {wall:7.2f} / {cpu:6.2f} | {b_wall:8.2f} / {b_cpu:6.2f} "
          f"| {b_wall / wall:7.1f}x / {b_cpu / cpu:5.1f}x "
          f"| {min(ratios):8.1f}-{max(ratios):.1f}x "
          f"| {link_cpu:8.2f} / {b_link:8.2f} s | {adv:.3f} / {net:.3f} | "
          f"{base[0]['advertisers']['f1']:.3f} / {base[0]['networks']['f1']:.3f}")
PYEOF
