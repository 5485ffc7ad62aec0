// Candidate pairs of MinHash LSH: the pairs of sets that share a band key, from every band,
// without repeats, as rows of one array (the partners b > a of each a, ascending), in positions
// that keep sets paired with each other near each other.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <thread>
#include <vector>

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

// Pairs of positions (a, b), a < b: the partners of a are partners[offsets[a] .. offsets[a] +
// lengths[a]), ascending and distinct; the set at position p is order[p].
struct CandidatePairs {
  std::vector<std::uint32_t> order;    // one per set
  std::vector<std::uint64_t> offsets;  // one per position
  std::vector<std::uint32_t> lengths;  // one per position
  // Not zeroed when made: every slot is written once, by the threads that fill the rows.
  std::unique_ptr<std::uint32_t[]> partners;
  std::uint64_t count = 0;             // pairs in all rows
  const std::uint32_t* Row(std::size_t a) const { return partners.get() + offsets[a]; }
  std::uint32_t* Row(std::size_t a) { return partners.get() + offsets[a]; }
};

// Runs f(t) for t in [0, threads) on as many threads (the calling thread takes t = 0).
template <typename F>
void ForThreads(int threads, F&& f) {
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back([&f, t] { f(t); });
  f(0);
  for (std::thread& th : pool) th.join();
}

// The band keys of every set: keys[i * bands + b]; eligible[i] is 0 for sets smaller than
// min_set_size (their keys are 0). Draws the MinHash functions from rng.
void BandKeys(const std::vector<const std::vector<std::uint32_t>*>& sets,
              const LshOptions& options, std::mt19937_64& rng, std::vector<char>& eligible,
              std::vector<std::uint32_t>& keys);

// Every pair of sets in one bucket of a band, for buckets of up to max_bucket sets; in a
// larger bucket (shuffled by rng) each set with the `window` sets after it, cyclically. Draws
// the MinHash functions and then one seed per band from rng; the result does not depend on
// the number of threads. Precondition: 1 <= bands <= 64, 1 <= rows <= 16.
CandidatePairs FindCandidatePairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                                  const LshOptions& options, std::mt19937_64& rng);

}  // namespace synlig::ads::internal
