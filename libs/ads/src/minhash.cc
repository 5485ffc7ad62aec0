// MinHash signatures by multiply-shift hashing, banded into 32-bit keys; exact Jaccard.
#include "minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace synlig::ads::internal {

namespace {

// Eight 32-bit lanes (GCC/Clang vector extension): one AVX2 register, or two SSE2 ones.
typedef std::uint32_t U32x8 __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 8;

// The MinHash signature of one set, eight functions at a time (k a multiple of 8). Built
// twice on x86-64 (AVX2 and baseline) and picked at run time.
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("avx2", "default")))
#endif
void Signature(const std::uint32_t* set, std::size_t n, const std::uint32_t* seed,
               const std::uint32_t* mul, std::size_t k, std::uint32_t* signature) {
  for (std::size_t h = 0; h < k; h += kLanes) {
    U32x8 s;
    U32x8 m;
    std::memcpy(&s, seed + h, sizeof s);
    std::memcpy(&m, mul + h, sizeof m);
    U32x8 best = ~U32x8{};
    for (std::size_t i = 0; i < n; ++i) {
      U32x8 v = (set[i] ^ s) * m;
      v ^= v >> 16;
      best = v < best ? v : best;
    }
    std::memcpy(signature + h, &best, sizeof best);
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

std::size_t Needed(std::size_t na, std::size_t nb, double threshold) {
  // c common elements give c / (na + nb - c) >= threshold only from this c on.
  const double bound = threshold * static_cast<double>(na + nb) / (1 + threshold) - 1e-9;
  return static_cast<std::size_t>(std::max(0.0, std::ceil(bound)));
}

double JaccardAtLeast(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                      std::size_t nb, double threshold) {
  const std::size_t needed = Needed(na, nb, threshold);
  if (std::min(na, nb) < needed) return -1;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < na && j < nb) {
    const std::uint32_t x = a[i];
    const std::uint32_t y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
    if (common + std::min(na - i, nb - j) < needed) return -1;
  }
  if (common < needed) return -1;
  return static_cast<double>(common) / static_cast<double>(na + nb - common);
}

void RowMatcher::SetRow(const std::uint32_t* set, std::size_t n) {
  row_ = set;
  row_size_ = n;
  std::size_t buckets = 1;
  while (buckets < 2 * n) buckets <<= 1;
  shift_ = 32 - std::countr_zero(static_cast<std::uint32_t>(buckets));
  // A value not in the set marks free slots (the set is sorted: count down from the top).
  empty_ = UINT32_MAX;
  for (std::size_t k = n; k > 0 && set[k - 1] == empty_; --k) --empty_;
  table_.assign(buckets * kWays, empty_);
  hashed_ = true;
  for (std::size_t i = 0; i < n && hashed_; ++i) {
    std::uint32_t* bucket = &table_[Bucket(set[i]) * kWays];
    std::size_t w = 0;
    while (w < kWays && bucket[w] != empty_) ++w;
    if (w == kWays) {
      hashed_ = false;  // an overfull bucket (rare): compare by merging instead
    } else {
      bucket[w] = set[i];
    }
  }
}

double RowMatcher::JaccardAtLeast(const std::uint32_t* set, std::size_t n,
                                  double threshold) const {
  if (!hashed_) return internal::JaccardAtLeast(row_, row_size_, set, n, threshold);
  const std::size_t needed = Needed(row_size_, n, threshold);
  if (std::min(row_size_, n) < needed) return -1;
  std::size_t common = 0;
  constexpr std::size_t kStep = 8;
  std::size_t i = 0;
  for (; i + kStep <= n; i += kStep) {
    for (std::size_t k = i; k < i + kStep; ++k) common += Contains(set[k]);
    if (common + (n - i - kStep) < needed) return -1;
  }
  for (; i < n; ++i) common += Contains(set[i]);
  if (common < needed) return -1;
  return static_cast<double>(common) / static_cast<double>(row_size_ + n - common);
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
  const std::size_t padded = (k + kLanes - 1) / kLanes * kLanes;
  std::vector<std::uint32_t> mul(padded, 1);
  std::vector<std::uint32_t> seed(padded, 0);
  for (std::size_t i = 0; i < k; ++i) {
    mul[i] = static_cast<std::uint32_t>(rng()) | 1u;
    seed[i] = static_cast<std::uint32_t>(rng());
  }
  eligible.assign(n, 0);
  keys.assign(n * bands, 0);
  const int threads = std::max(1, options.threads);
  ForThreads(threads, [&](int t) {
    std::vector<std::uint32_t> signature(padded);
    const std::size_t from = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
    const std::size_t to =
        n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
    for (std::size_t i = from; i < to; ++i) {
      const std::vector<std::uint32_t>& set = *sets[i];
      if (set.size() < options.min_set_size) continue;
      eligible[i] = 1;
      Signature(set.data(), set.size(), seed.data(), mul.data(), padded, signature.data());
      for (std::size_t b = 0; b < bands; ++b) {
        keys[i * bands + b] = static_cast<std::uint32_t>(
            XXH3_64bits_withSeed(&signature[b * rows], rows * sizeof(std::uint32_t), b));
      }
    }
  });
}

}  // namespace synlig::ads::internal
