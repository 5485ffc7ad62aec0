// Near-duplicate text pairs by MinHash LSH over sets of 32-bit shingle hashes, verified by
// the exact Jaccard similarity. Candidate pairs come from candidate_pairs.h (every pair once);
// they are verified on `threads` threads, and the pairs found do not depend on their number.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "candidate_pairs.h"

namespace synlig::ads::internal {

struct SimilarPair {
  std::uint32_t a;  // a < b
  std::uint32_t b;
  float jaccard;
};

struct LshResult {
  std::vector<SimilarPair> pairs;  // each pair at most once; the relevant ones first
  std::size_t relevant = 0;        // pairs[0 .. relevant) are those the filter calls relevant
  std::uint64_t compared = 0;      // pairs whose Jaccard similarity was computed
  // Per set, the first set of those tied to it by the pairs (the transitive closure).
  std::vector<std::uint32_t> tied_to;
};

// Exact Jaccard similarity of two sorted sets without duplicates.
double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// The exact Jaccard similarity of two sorted sets without duplicates (not both empty) if it is
// at least threshold, else -1 (found early when too few elements are left to reach it).
double JaccardAtLeast(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                      std::size_t nb, double threshold);

// As JaccardAtLeast, with AVX2 where the processor has it (eight elements against eight).
double JaccardFast(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                   std::size_t nb, double threshold);

// The least number of common elements that makes sets of na and nb elements at least
// threshold similar (minus a little rounding slack).
std::size_t Needed(std::size_t na, std::size_t nb, double threshold);

// Pairs the caller needs only for the ties they make: pairs of sets in one group, and of
// sets with different non-zero labels. Empty vectors: every pair is needed.
struct PairFilter {
  std::vector<std::uint32_t> group;  // per set
  std::vector<std::uint64_t> label;  // per set; 0 = none
};

// Pairs at or above the threshold. A pair the filter declares irrelevant is compared only if
// the pairs found so far (the relevant ones first, then the others in row order within each of
// a fixed number of parts) do not already tie its two sets, which is all the caller needs of
// it. The result does not depend on options.threads.
// Precondition: every set is sorted without duplicates; 1 <= bands <= 64.
LshResult FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const LshOptions& options, std::mt19937_64& rng,
                           const PairFilter& filter);
// The second half of FindSimilarPairs: the candidates (of these sets) verified.
LshResult VerifyCandidates(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const CandidatePairs& candidates, const LshOptions& options,
                           const PairFilter& filter);
// As above; `relevant` (if given) is called on the calling thread with the relevant pairs (in
// the order of the result) while the others are searched on options.threads further threads
// (after it, with one thread). The relevant pairs do not depend on the others.
LshResult VerifyCandidates(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const CandidatePairs& candidates, const LshOptions& options,
                           const PairFilter& filter,
                           const std::function<void(std::span<const SimilarPair>)>& relevant);

}  // namespace synlig::ads::internal
