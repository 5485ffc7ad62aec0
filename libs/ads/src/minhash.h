// Near-duplicate text pairs by MinHash LSH over sets of 32-bit shingle hashes, verified by
// the exact Jaccard similarity. Buckets up to max_bucket are compared in full; larger ones
// (a template used by very many ads) are sampled: each member against `window` others. Bands
// are shared out over `threads` threads; the pairs found do not depend on their number except
// for pairs the caller declared irrelevant.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "union_find.h"

namespace synlig::ads::internal {

struct LshOptions {
  int bands = 16;
  int rows = 4;
  double threshold = 0.5;  // pairs below this Jaccard are not reported
  std::size_t min_set_size = 5;  // smaller sets take no part (too little text to compare)
  std::size_t max_bucket = 64;
  std::size_t window = 8;
  int threads = 1;
};

struct SimilarPair {
  std::uint32_t a;  // a < b
  std::uint32_t b;
  float jaccard;
};

struct LshResult {
  std::vector<SimilarPair> pairs;  // may hold a pair more than once
  std::uint64_t compared = 0;      // pairs whose Jaccard similarity was computed
};

// Exact Jaccard similarity of two sorted sets without duplicates.
double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// The band keys of every set: keys[i * bands + b]; eligible[i] is 0 for sets smaller than
// min_set_size (their keys are 0). Draws the MinHash functions from rng.
void BandKeys(const std::vector<const std::vector<std::uint32_t>*>& sets,
              const LshOptions& options, std::mt19937_64& rng, std::vector<char>& eligible,
              std::vector<std::uint32_t>& keys);

// Runs f(t) for t in [0, threads) on as many threads (the calling thread takes t = 0).
template <typename F>
void ForThreads(int threads, F&& f) {
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back([&f, t] { f(t); });
  f(0);
  for (std::thread& th : pool) th.join();
}

// Pairs at or above the threshold. A candidate pair that is already tied to the other through
// pairs found before, and for which never_links(a, b) holds, is not compared: the caller has
// declared such pairs irrelevant. never_links must be safe to call from several threads.
// Precondition: every set is sorted without duplicates; 1 <= bands <= 64.
template <typename NeverLinks>
LshResult FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const LshOptions& options, std::mt19937_64& rng,
                           const NeverLinks& never_links) {
  const std::size_t n = sets.size();
  const auto bands = static_cast<std::size_t>(options.bands);
  const int threads = std::max(1, std::min(options.threads, options.bands));
  std::vector<char> eligible;
  std::vector<std::uint32_t> keys;
  BandKeys(sets, options, rng, eligible, keys);
  std::vector<std::uint64_t> band_seed(bands);
  for (std::uint64_t& s : band_seed) s = rng();

  // Per band: the (key, ad) entries sorted, and whether each ad's bucket is compared in full
  // (then a pair sharing that bucket need not be compared again in a later band).
  std::vector<std::vector<std::uint64_t>> sorted(bands);
  std::vector<std::vector<char>> complete(bands);
  auto for_each_bucket = [&](std::size_t b, auto&& f) {
    const std::vector<std::uint64_t>& entries = sorted[b];
    std::size_t start = 0;
    while (start < entries.size()) {
      std::size_t end = start + 1;
      while (end < entries.size() && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
      if (end - start > 1) f(start, end);
      start = end;
    }
  };
  ForThreads(threads, [&](int t) {
    for (std::size_t b = static_cast<std::size_t>(t); b < bands;
         b += static_cast<std::size_t>(threads)) {
      std::vector<std::uint64_t>& entries = sorted[b];
      for (std::size_t i = 0; i < n; ++i) {
        if (eligible[i]) entries.push_back((std::uint64_t{keys[i * bands + b]} << 32) | i);
      }
      std::sort(entries.begin(), entries.end());
      complete[b].assign(n, 0);
      for_each_bucket(b, [&](std::size_t start, std::size_t end) {
        if (end - start > options.max_bucket) return;
        for (std::size_t e = start; e < end; ++e) complete[b][entries[e] & 0xFFFFFFFFu] = 1;
      });
    }
  });

  std::vector<LshResult> results(static_cast<std::size_t>(threads));
  ForThreads(threads, [&](int t) {
    LshResult& result = results[static_cast<std::size_t>(t)];
    UnionFind tied(n);  // pairs this thread found, to skip what is already tied
    std::vector<std::uint32_t> members;
    for (std::size_t b = static_cast<std::size_t>(t); b < bands;
         b += static_cast<std::size_t>(threads)) {
      std::mt19937_64 band_rng(band_seed[b]);
      auto consider = [&](std::uint32_t x, std::uint32_t y) {
        if (x > y) std::swap(x, y);
        for (std::size_t e = 0; e < b; ++e) {
          if (complete[e][x] && keys[x * bands + e] == keys[y * bands + e]) return;
        }
        if (tied.Find(x) == tied.Find(y) && never_links(x, y)) return;
        ++result.compared;
        double j = Jaccard(*sets[x], *sets[y]);
        if (j < options.threshold) return;
        tied.Union(x, y);
        result.pairs.push_back({x, y, static_cast<float>(j)});
      };
      const std::vector<std::uint64_t>& entries = sorted[b];
      for_each_bucket(b, [&](std::size_t start, std::size_t end) {
        members.clear();
        for (std::size_t e = start; e < end; ++e) {
          members.push_back(static_cast<std::uint32_t>(entries[e] & 0xFFFFFFFFu));
        }
        const std::size_t m = members.size();
        if (m <= options.max_bucket) {
          for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = p + 1; q < m; ++q) consider(members[p], members[q]);
          }
          return;
        }
        std::shuffle(members.begin(), members.end(), band_rng);
        const std::size_t w = std::min(options.window, m - 1);
        for (std::size_t p = 0; p < m; ++p) {
          for (std::size_t q = 1; q <= w; ++q) consider(members[p], members[(p + q) % m]);
        }
      });
      std::vector<std::uint64_t>().swap(sorted[b]);  // done with this band
    }
  });
  LshResult all;
  for (LshResult& r : results) {
    all.compared += r.compared;
    all.pairs.insert(all.pairs.end(), r.pairs.begin(), r.pairs.end());
  }
  return all;
}

}  // namespace synlig::ads::internal
