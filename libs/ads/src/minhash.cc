// MinHash signatures by multiply-shift hashing, banded into 32-bit keys; buckets by sorting.
#include "minhash.h"

#include <xxhash.h>

#include <algorithm>

namespace synlig::ads::internal {

namespace {

// The MinHash signature of one set. Built twice on x86-64 (AVX2 and baseline) and picked at
// run time: the 32-bit multiplies vectorise well only with AVX2.
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("avx2", "default")))
#endif
void Signature(const std::uint32_t* set, std::size_t n, const std::uint32_t* seed,
               const std::uint32_t* mul, std::size_t k, std::uint32_t* signature) {
  for (std::size_t h = 0; h < k; ++h) signature[h] = UINT32_MAX;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t x = set[i];
    for (std::size_t h = 0; h < k; ++h) {
      std::uint32_t v = (x ^ seed[h]) * mul[h];
      v ^= v >> 16;
      signature[h] = v < signature[h] ? v : signature[h];
    }
  }
}

}  // namespace

double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < a.size() && j < b.size()) {
    const std::uint32_t x = a[i];
    const std::uint32_t y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

void BandKeys(const std::vector<const std::vector<std::uint32_t>*>& sets,
              const LshOptions& options, std::mt19937_64& rng, std::vector<char>& eligible,
              std::vector<std::uint32_t>& keys) {
  const std::size_t n = sets.size();
  const auto bands = static_cast<std::size_t>(options.bands);
  const auto rows = static_cast<std::size_t>(options.rows);
  const std::size_t k = bands * rows;
  // Shingle hashes are already uniform, so a cheap bijection of 32-bit values per MinHash
  // function suffices: xor with a seed, multiply by an odd constant, fold the high bits.
  std::vector<std::uint32_t> mul(k);
  std::vector<std::uint32_t> seed(k);
  for (std::size_t i = 0; i < k; ++i) {
    mul[i] = static_cast<std::uint32_t>(rng()) | 1u;
    seed[i] = static_cast<std::uint32_t>(rng());
  }
  eligible.assign(n, 0);
  keys.assign(n * bands, 0);
  const int threads = std::max(1, options.threads);
  ForThreads(threads, [&](int t) {
    std::vector<std::uint32_t> signature(k);
    const std::size_t from = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
    const std::size_t to =
        n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
    for (std::size_t i = from; i < to; ++i) {
      const std::vector<std::uint32_t>& set = *sets[i];
      if (set.size() < options.min_set_size) continue;
      eligible[i] = 1;
      Signature(set.data(), set.size(), seed.data(), mul.data(), k, signature.data());
      for (std::size_t b = 0; b < bands; ++b) {
        keys[i * bands + b] = static_cast<std::uint32_t>(
            XXH3_64bits_withSeed(&signature[b * rows], rows * sizeof(std::uint32_t), b));
      }
    }
  });
}

}  // namespace synlig::ads::internal
