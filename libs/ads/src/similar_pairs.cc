// Verifying the candidate pairs of MinHash LSH by exact Jaccard similarity on several threads:
// row by row (one set against its partners), with the partners' data fetched ahead.
#include <algorithm>
#include <atomic>

#include "minhash.h"
#include "union_find.h"

namespace synlig::ads::internal {
namespace {

// All sets in one array (sets[i] is elements[offsets[i] .. offsets[i + 1])), with the filter's
// group and label beside each: what the verification reads of a partner, in two cache lines.
struct FlatSets {
  struct Tag {
    std::uint64_t label;
    std::uint32_t group;
  };
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> elements;
  std::vector<Tag> tags;

  FlatSets(const std::vector<const std::vector<std::uint32_t>*>& sets, const PairFilter& filter) {
    const std::size_t n = sets.size();
    offsets.resize(n + 1);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      offsets[i] = total;
      total += sets[i]->size();
    }
    offsets[n] = total;
    elements.reserve(total);
    for (const std::vector<std::uint32_t>* s : sets) {
      elements.insert(elements.end(), s->begin(), s->end());
    }
    tags.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      tags[i].group = filter.group.empty() ? static_cast<std::uint32_t>(i) : filter.group[i];
      tags[i].label = filter.label.empty() ? 0 : filter.label[i];
    }
  }
  const std::uint32_t* Data(std::uint32_t i) const { return elements.data() + offsets[i]; }
  std::size_t Size(std::uint32_t i) const { return offsets[i + 1] - offsets[i]; }
  bool Irrelevant(std::uint32_t a, std::uint32_t b) const {
    const Tag& x = tags[a];
    const Tag& y = tags[b];
    return x.group == y.group || (x.label != 0 && y.label != 0 && x.label != y.label);
  }
  // Asks for what Irrelevant and the comparison read of set i: its tag and first elements.
  void Prefetch(std::uint32_t i) const {
    __builtin_prefetch(&tags[i]);
    const std::uint32_t* data = Data(i);
    __builtin_prefetch(data);
    __builtin_prefetch(data + 16);
    __builtin_prefetch(data + 32);
  }
};

// Bounds of `parts` consecutive ranges of rows holding about equally many pairs.
std::vector<std::size_t> SplitRows(const CandidatePairs& pairs, std::size_t parts) {
  const std::size_t n = pairs.lengths.size();
  std::vector<std::size_t> bounds(parts + 1, n);
  bounds[0] = 0;
  std::uint64_t seen = 0;
  std::size_t part = 1;
  for (std::size_t a = 0; a < n && part < parts; ++a) {
    seen += pairs.lengths[a];
    while (part < parts && seen * parts >= pairs.count * part) bounds[part++] = a + 1;
  }
  return bounds;
}

// Runs f(part) for every part in [0, parts), handed out in turn to `threads` threads.
template <typename F>
void ForParts(int threads, std::size_t parts, F&& f) {
  std::atomic<std::size_t> next{0};
  ForThreads(threads, [&](int) {
    for (std::size_t p; (p = next.fetch_add(1)) < parts;) f(p);
  });
}

// Calls f(a, b) for the pairs of rows [from, to), fetching partners kAhead pairs ahead (the
// offsets of a partner twice as far ahead, as they are needed to find its elements).
template <typename F>
void ForRowPairs(const CandidatePairs& pairs, const FlatSets& flat, std::size_t from,
                 std::size_t to, F&& f) {
  constexpr std::uint32_t kAhead = 8;
  for (std::size_t a = from; a < to; ++a) {
    const std::uint32_t* row = pairs.Row(a);
    const std::uint32_t length = pairs.lengths[a];
    for (std::uint32_t k = 0; k < std::min(length, kAhead); ++k) {
      __builtin_prefetch(&flat.offsets[row[k]]);
    }
    for (std::uint32_t k = 0; k < std::min(length, kAhead); ++k) flat.Prefetch(row[k]);
    for (std::uint32_t k = 0; k < length; ++k) {
      if (k + 2 * kAhead < length) __builtin_prefetch(&flat.offsets[row[k + 2 * kAhead]]);
      if (k + kAhead < length) flat.Prefetch(row[k + kAhead]);
      f(static_cast<std::uint32_t>(a), row[k]);
    }
  }
}

}  // namespace

LshResult FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const LshOptions& options, std::mt19937_64& rng,
                           const PairFilter& filter) {
  constexpr std::size_t kParts = 64;    // relevant pairs: parts for balancing threads
  constexpr std::size_t kTieParts = 8;  // irrelevant pairs: parts with ties of their own
  const std::size_t n = sets.size();
  const int threads = std::max(1, options.threads);
  const CandidatePairs candidates = FindCandidatePairs(sets, options, rng);
  const FlatSets flat(sets, filter);
  std::vector<LshResult> found(kParts + kTieParts);
  // Compares a (the matcher's row, set up on first use) with b.
  auto compare = [&](RowMatcher& row, bool& ready, std::uint32_t a, std::uint32_t b,
                     LshResult& result) {
    if (!ready) row.SetRow(flat.Data(a), flat.Size(a));
    ready = true;
    ++result.compared;
    double j = row.JaccardAtLeast(flat.Data(b), flat.Size(b), options.threshold);
    if (j < options.threshold) return false;
    result.pairs.push_back({a, b, static_cast<float>(j)});
    return true;
  };

  // The relevant pairs, every one compared.
  const std::vector<std::size_t> parts = SplitRows(candidates, kParts);
  ForParts(threads, kParts, [&](std::size_t p) {
    RowMatcher matcher;
    bool ready = false;
    std::uint32_t current = UINT32_MAX;
    ForRowPairs(candidates, flat, parts[p], parts[p + 1], [&](std::uint32_t a, std::uint32_t b) {
      if (a != current) ready = false;
      current = a;
      if (!flat.Irrelevant(a, b)) compare(matcher, ready, a, b, found[p]);
    });
  });
  // The others, only where the pairs found so far leave the two sets apart.
  UnionFind base(n);
  for (std::size_t p = 0; p < kParts; ++p) {
    for (const SimilarPair& s : found[p].pairs) base.Union(s.a, s.b);
  }
  const std::vector<std::size_t> tie_parts = SplitRows(candidates, kTieParts);
  ForParts(threads, kTieParts, [&](std::size_t p) {
    UnionFind tied = base;
    RowMatcher matcher;
    bool ready = false;
    std::uint32_t current = UINT32_MAX;
    LshResult& result = found[kParts + p];
    ForRowPairs(candidates, flat, tie_parts[p], tie_parts[p + 1],
                [&](std::uint32_t a, std::uint32_t b) {
                  if (a != current) ready = false;
                  current = a;
                  if (!flat.Irrelevant(a, b) || tied.Find(a) == tied.Find(b)) return;
                  if (compare(matcher, ready, a, b, result)) tied.Union(a, b);
                });
  });

  LshResult all;
  std::size_t total = 0;
  for (const LshResult& r : found) total += r.pairs.size();
  all.pairs.reserve(total);
  for (LshResult& r : found) {
    all.compared += r.compared;
    all.pairs.insert(all.pairs.end(), r.pairs.begin(), r.pairs.end());
    std::vector<SimilarPair>().swap(r.pairs);
  }
  return all;
}

}  // namespace synlig::ads::internal
