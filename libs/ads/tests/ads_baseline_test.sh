#!/bin/sh
# Keeps bench/ads_baseline.py (the numpy MinHash-LSH baseline of the benchmark) from rotting:
# runs it on 500 synthetic hard-profile ads and checks its output. Exits 77 (ctest: skipped)
# when python3 with numpy (Debian python3-numpy) is not there.
#   ads_baseline_test.sh SYNLIG_ADS_TOOL BASELINE.py
set -eu
TOOL="$1"
SCRIPT="$2"
PY=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import numpy" 2>/dev/null; then
    PY="$candidate"
    break
  fi
done
if [ -z "$PY" ]; then
  echo "python3-numpy is not installed: skipped"
  exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$TOOL" synth --ads 500 --seed 3 --profile hard > "$TMP/ads.jsonl"
"$PY" "$SCRIPT" "$TMP/ads.jsonl" --json > "$TMP/out.json"
"$PY" - "$TMP/out.json" <<'PYEOF'
import json
import sys

r = json.load(open(sys.argv[1]))
assert r["ads"] == 500, r
assert r["seconds_wall"] > 0 and r["candidate_pairs"] > 0, r
for name in ("advertisers", "networks"):
    s = r[name]
    assert all(0 < s[k] <= 1 for k in ("precision", "recall", "f1")), r
print("numpy baseline ok:", json.dumps(r))
PYEOF
