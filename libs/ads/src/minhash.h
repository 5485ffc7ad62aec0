// Near-duplicate text pairs by MinHash LSH over sets of 32-bit shingle hashes, verified by
// the exact Jaccard similarity. Buckets up to max_bucket are compared in full; larger ones
// (a template used by very many ads) are sampled: each member against `window` others.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

struct LshOptions {
  int bands = 16;
  int rows = 4;
  double threshold = 0.5;  // pairs below this Jaccard are not reported
  std::size_t min_set_size = 5;  // smaller sets take no part (too little text to compare)
  std::size_t max_bucket = 64;
  std::size_t window = 8;
};

// Exact Jaccard similarity of two sorted sets without duplicates.
double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// The band keys of every set: keys[i * bands + b]; eligible[i] is 0 for sets smaller than
// min_set_size (their keys are 0). Draws the MinHash functions from rng.
void BandKeys(const std::vector<const std::vector<std::uint32_t>*>& sets,
              const LshOptions& options, std::mt19937_64& rng, std::vector<char>& eligible,
              std::vector<std::uint32_t>& keys);

// Calls on_pair(a, b, jaccard) with a < b for pairs at or above the threshold; a pair may be
// reported more than once when it meets in sampled buckets. Candidates for which skip(a, b)
// is true are not compared (the caller already knows all it needs about them). Returns the
// number of pairs compared. Precondition: every set is sorted without duplicates;
// 1 <= bands <= 64.
template <typename OnPair, typename Skip>
std::uint64_t FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                               const LshOptions& options, std::mt19937_64& rng, OnPair&& on_pair,
                               Skip&& skip) {
  const std::size_t n = sets.size();
  const auto bands = static_cast<std::size_t>(options.bands);
  std::vector<char> eligible;
  std::vector<std::uint32_t> keys;
  BandKeys(sets, options, rng, eligible, keys);

  // Bit b of complete[i]: ad i's bucket in band b was compared in full, so a pair that shares
  // that bucket has been seen and need not be compared again in a later band.
  std::vector<std::uint64_t> complete(n, 0);
  std::uint64_t compared = 0;
  auto consider = [&](std::uint32_t x, std::uint32_t y, std::size_t band) {
    if (x > y) std::swap(x, y);
    for (std::size_t b = 0; b < band; ++b) {
      if (((complete[x] >> b) & 1u) && keys[x * bands + b] == keys[y * bands + b]) return;
    }
    if (skip(x, y)) return;
    ++compared;
    double j = Jaccard(*sets[x], *sets[y]);
    if (j >= options.threshold) on_pair(x, y, j);
  };

  std::vector<std::uint64_t> entries;
  entries.reserve(n);
  std::vector<std::uint32_t> members;
  for (std::size_t b = 0; b < bands; ++b) {
    entries.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (eligible[i]) entries.push_back((std::uint64_t{keys[i * bands + b]} << 32) | i);
    }
    std::sort(entries.begin(), entries.end());
    std::size_t start = 0;
    while (start < entries.size()) {
      std::size_t end = start + 1;
      while (end < entries.size() && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
      const std::size_t m = end - start;
      if (m > 1) {
        members.clear();
        for (std::size_t e = start; e < end; ++e) {
          members.push_back(static_cast<std::uint32_t>(entries[e] & 0xFFFFFFFFu));
        }
        if (m <= options.max_bucket) {
          for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = p + 1; q < m; ++q) consider(members[p], members[q], b);
          }
          for (std::uint32_t x : members) complete[x] |= std::uint64_t{1} << b;
        } else {
          std::shuffle(members.begin(), members.end(), rng);
          const std::size_t w = std::min(options.window, m - 1);
          for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = 1; q <= w; ++q) consider(members[p], members[(p + q) % m], b);
          }
        }
      }
      start = end;
    }
  }
  return compared;
}

template <typename OnPair>
std::uint64_t FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                               const LshOptions& options, std::mt19937_64& rng,
                               OnPair&& on_pair) {
  return FindSimilarPairs(sets, options, rng, on_pair,
                          [](std::uint32_t, std::uint32_t) { return false; });
}

}  // namespace synlig::ads::internal
