#!/usr/bin/env python3
"""A plain numpy MinHash-LSH baseline for the online-ad linking, to measure libs/ads against.

Reads the same JSON Lines file as `synlig ads analyze` (written by `synlig ads synth` or
`ads_bench generate`), and links ads the textbook way, with the same parameters as ours:
word 3-shingles of title + text in the same normal form, MinHash with 16 bands x 4 rows,
candidate pairs from LSH buckets (buckets over 64 ads: each ad with its next 8), pairs whose
estimated Jaccard similarity is at least 0.6 linked, plus exact links of ads that show the same
phone number in their phone field (digits, with Unicode digits and O-for-0 read, +46/0046
folded to 0). Clusters are the connected components (union-find by label propagation in
numpy). Prints the time of the linking (reading and parsing included) and the pairwise
precision, recall and F1 of the clusters against the file's `_truth` (advertiser and network).

    python3 bench/ads_baseline.py FILE.jsonl [--json]

Only the standard library and numpy (Debian python3-numpy).
"""

import argparse
import json
import re
import sys
import time
import unicodedata

import numpy as np

SHINGLE_WORDS = 3
BANDS = 16
ROWS = 4
NEAR_DUPLICATE = 0.6
MAX_BUCKET = 64
BUCKET_WINDOW = 8
PRIME = np.uint64(4294967311)  # a prime above 2^32

WORD = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]+")


def words(text):
    """The normal form of libs/ads: Latin letters lower-cased, digits kept, the rest breaks."""
    return WORD.findall(text.lower())


def phone_key(shown):
    """Digits of a displayed number (Unicode digits, O next to digits as 0), +46 folded."""
    digits = []
    for i, ch in enumerate(shown):
        d = unicodedata.digit(ch, None)
        if d is not None:
            digits.append(str(d))
        elif ch in "Oo" and ((i > 0 and shown[i - 1].isdigit()) or
                             (i + 1 < len(shown) and shown[i + 1].isdigit())):
            digits.append("0")
    s = "".join(digits)
    if s.startswith("0046"):
        s = "0" + s[4:]
    elif s.startswith("46") and shown.lstrip().startswith("+"):
        s = "0" + s[2:]
    return s if 8 <= len(s) <= 15 else None


def read(path):
    """Word ids per ad (a vocabulary built on the way), phone keys and the truth labels."""
    vocab = {}
    word_ids, offsets, phones, truth_adv, truth_net = [], [0], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                ad = json.loads(line)
            except ValueError:
                continue
            if not isinstance(ad, dict) or "ad_id" not in ad:
                continue
            w = words((ad.get("title") or "") + " " + (ad.get("text") or ""))
            word_ids.extend([vocab.setdefault(x, len(vocab)) for x in w])
            offsets.append(len(word_ids))
            phones.append([k for k in (phone_key(p) for p in ad.get("phones") or []) if k])
            t = ad.get("_truth") or {}
            truth_adv.append(t.get("advertiser_id"))
            truth_net.append(t.get("network_id"))
    return (np.array(word_ids, dtype=np.uint64), np.array(offsets, dtype=np.int64), phones,
            truth_adv, truth_net)


def shingles(word_ids, offsets):
    """32-bit hashes of the word 3-shingles of every ad, and each ad's first shingle's index.
    An ad of fewer words has one shingle of them all; an ad without words one of its own.
    (Repeated shingles are kept: they do not change a minimum.)"""
    n = len(offsets) - 1
    lengths = np.diff(offsets)
    count = np.maximum(lengths - (SHINGLE_WORDS - 1), 1)
    starts = np.r_[0, np.cumsum(count)[:-1]]
    ad = np.repeat(np.arange(n), count)
    pos = offsets[:-1][ad] + (np.arange(len(ad)) - starts[ad])
    mult = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9],
                    dtype=np.uint64)
    padded = np.r_[word_ids, np.zeros(SHINGLE_WORDS, dtype=np.uint64)]
    h = np.full(len(ad), 0x27D4EB2F165667C5, dtype=np.uint64)
    for k in range(SHINGLE_WORDS):
        inside = k < lengths[ad]  # short ads: only their own words
        h ^= np.where(inside, (padded[pos + k] + np.uint64(1)) * mult[k], np.uint64(0))
        h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(29)
    empty = lengths[ad] == 0
    h[empty] = np.uint64(1 << 40) + ad[empty].astype(np.uint64)
    return h & np.uint64(0xFFFFFFFF), starts


def minhash(x, starts, n_hashes, rng):
    a = rng.integers(1, 2**32 - 1, size=n_hashes, dtype=np.uint64)
    b = rng.integers(0, 2**32 - 1, size=n_hashes, dtype=np.uint64)
    sig = np.empty((len(starts), n_hashes), dtype=np.uint32)
    for i in range(n_hashes):
        h = (a[i] * x + b[i]) % PRIME
        sig[:, i] = np.minimum.reduceat(h, starts)  # below 2^32 but for 15 values: kept mod 2^32
    return sig


def lsh_pairs(sig):
    n = sig.shape[0]
    mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                    0x27D4EB2F165667C5], dtype=np.uint64)
    found = []
    for band in range(BANDS):
        cols = sig[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
        key = np.zeros(n, dtype=np.uint64)
        for r in range(ROWS):
            key ^= cols[:, r] * mix[r]
        order = np.argsort(key, kind="stable")
        k = key[order]
        starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
        sizes = np.diff(np.r_[starts, n])
        run = np.repeat(np.arange(len(starts)), sizes)
        size = sizes[run]
        for d in range(1, min(MAX_BUCKET, int(sizes.max()))):
            same = run[:-d] == run[d:]
            ok = same & ((size[:-d] <= MAX_BUCKET) | (d <= BUCKET_WINDOW))
            if not ok.any():
                continue
            i, j = order[:-d][ok], order[d:][ok]
            found.append(np.minimum(i, j) * n + np.maximum(i, j))
    if not found:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    pairs = np.unique(np.concatenate(found))
    return pairs // n, pairs % n


def components(n, u, v):
    """Connected components by min-label propagation with pointer jumping."""
    labels = np.arange(n)
    if len(u) == 0:
        return labels
    while True:
        m = np.minimum(labels[u], labels[v])
        new = labels.copy()
        np.minimum.at(new, u, m)
        np.minimum.at(new, v, m)
        new = new[new]
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def link(path, seed=1, phases=None):
    word_ids, offsets, phones, truth_adv, truth_net = read(path)
    if phases is not None:
        phases["read_cpu"] = time.process_time()
    n = len(offsets) - 1
    x, starts = shingles(word_ids, offsets)
    rng = np.random.default_rng(seed)
    sig = minhash(x, starts, BANDS * ROWS, rng)
    ci, cj = lsh_pairs(sig)
    keep = np.zeros(len(ci), dtype=bool)
    need = int(np.ceil(NEAR_DUPLICATE * BANDS * ROWS))  # equal minhashes: estimated Jaccard
    for s in range(0, len(ci), 1 << 16):
        e = s + (1 << 16)
        keep[s:e] = np.count_nonzero(sig[ci[s:e]] == sig[cj[s:e]], axis=1) >= need
    us, vs = [ci[keep]], [cj[keep]]
    first = {}
    pu, pv = [], []
    for ad, keys in enumerate(phones):
        for k in keys:
            other = first.setdefault(k, ad)
            if other != ad:
                pu.append(other)
                pv.append(ad)
    us.append(np.array(pu, dtype=np.int64))
    vs.append(np.array(pv, dtype=np.int64))
    labels = components(n, np.concatenate(us), np.concatenate(vs))
    return labels, truth_adv, truth_net, len(ci), int(keep.sum())


def pair_scores(pred, truth):
    _, t = np.unique(np.array(truth, dtype=object).astype(str), return_inverse=True)
    p = np.asarray(pred)

    def pairs(counts):
        counts = counts.astype(np.float64)
        return float((counts * (counts - 1) / 2).sum())

    both = np.unique(p * (t.max() + 1) + t, return_counts=True)[1]
    tp = pairs(both)
    pp = pairs(np.unique(p, return_counts=True)[1])
    tt = pairs(np.unique(t, return_counts=True)[1])
    precision = tp / pp if pp else 1.0
    recall = tp / tt if tt else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    phases = {}
    labels, truth_adv, truth_net, candidates, links = link(args.file, phases=phases)
    read_cpu = phases["read_cpu"] - cpu
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    out = {"ads": int(len(labels)), "seconds_wall": wall, "seconds_cpu": cpu,
           "seconds_read_cpu": read_cpu, "seconds_link_cpu": cpu - read_cpu,
           "candidate_pairs": int(candidates), "text_links": links,
           "clusters": int(len(np.unique(labels)))}
    if labels.size and all(a is not None for a in truth_adv):
        out["advertisers"] = pair_scores(labels, truth_adv)
        out["networks"] = pair_scores(labels, truth_net)
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"numpy baseline: {out['ads']} ads, {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"(reading {read_cpu:.2f} s, linking {cpu - read_cpu:.2f} s), "
          f"{candidates} candidate pairs, {links} text links, {out['clusters']} clusters")
    for name in ("advertisers", "networks"):
        if name in out:
            s = out[name]
            print(f"  {name:<11} precision {s['precision']:.4f}  recall {s['recall']:.4f}  "
                  f"F1 {s['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
