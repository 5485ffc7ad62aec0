// Near-duplicate text pairs by MinHash LSH over sets of 32-bit shingle hashes, verified by
// the exact Jaccard similarity. Buckets up to max_bucket are compared in full; larger ones
// (a template used by very many ads) are sampled: each member against `window` others.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
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

using PairSink = std::function<void(std::uint32_t, std::uint32_t, double)>;
using PairFilter = std::function<bool(std::uint32_t, std::uint32_t)>;

// Calls on_pair(a, b, jaccard) with a < b for pairs at or above the threshold; a pair may be
// reported more than once when it meets in sampled buckets. Candidates for which skip(a, b)
// is true are not compared (the caller already knows all it needs about them). Returns the
// number of pairs compared. Precondition: every set is sorted without duplicates;
// bands * rows <= 1024.
std::uint64_t FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                               const LshOptions& options, std::mt19937_64& rng,
                               const PairSink& on_pair, const PairFilter& skip = nullptr);

}  // namespace synlig::ads::internal
