// MinHash signatures by multiply-shift hashing, banded into 32-bit keys; exact Jaccard.
#include "minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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

namespace {

constexpr std::size_t kBelow = SIZE_MAX;

// The common elements of two sorted sets, merging on from a[i] and b[j] with `common` found
// before them; with kEarlyStop, kBelow once the elements left cannot reach `needed` (worth
// its test per step over long runs, not over the few elements after the AVX2 blocks).
template <bool kEarlyStop>
std::size_t CommonFrom(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                       std::size_t nb, std::size_t i, std::size_t j, std::size_t common,
                       std::size_t needed) {
  while (i < na && j < nb) {
    const std::uint32_t x = a[i];
    const std::uint32_t y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
    if constexpr (kEarlyStop) {
      if (common + std::min(na - i, nb - j) < needed) return kBelow;
    }
  }
  return common;
}

// The Jaccard similarity from the common elements, -1 when they are too few.
double FromCommon(std::size_t common, std::size_t na, std::size_t nb, std::size_t needed) {
  if (common == kBelow || common < needed) return -1;
  return static_cast<double>(common) / static_cast<double>(na + nb - common);
}

}  // namespace

double JaccardAtLeast(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                      std::size_t nb, double threshold) {
  const std::size_t needed = Needed(na, nb, threshold);
  if (std::min(na, nb) < needed) return -1;
  return FromCommon(CommonFrom<true>(a, na, b, nb, 0, 0, 0, needed), na, nb, needed);
}

#if defined(__x86_64__) && defined(__ELF__)
namespace {

// Common elements of two sorted sets, eight against eight at a time: each block of a is
// compared with all eight rotations of the block of b, then the block with the smaller last
// element moves on (both when equal). Gives up (returns kBelow) once the elements left cannot
// reach `needed`.
__attribute__((target("avx2"))) std::size_t CommonAvx2(const std::uint32_t* a, std::size_t na,
                                                        const std::uint32_t* b, std::size_t nb,
                                                        std::size_t needed) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  if (na >= 8 && nb >= 8) {
    const __m256i r1 = _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 0);
    while (i + 8 <= na && j + 8 <= nb) {
      const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i));
      __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + j));
      __m256i eq = _mm256_cmpeq_epi32(va, vb);
      for (int r = 1; r < 8; ++r) {
        vb = _mm256_permutevar8x32_epi32(vb, r1);
        eq = _mm256_or_si256(eq, _mm256_cmpeq_epi32(va, vb));
      }
      common += static_cast<std::size_t>(
          __builtin_popcount(static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(eq)))));
      const std::uint32_t last_a = a[i + 7];
      const std::uint32_t last_b = b[j + 7];
      i += last_a <= last_b ? 8 : 0;
      j += last_b <= last_a ? 8 : 0;
      if (common + std::min(na - i, nb - j) < needed) return kBelow;
    }
  }
  return CommonFrom<false>(a, na, b, nb, i, j, common, needed);
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2");

}  // namespace
#endif

double JaccardFast(const std::uint32_t* a, std::size_t na, const std::uint32_t* b,
                   std::size_t nb, double threshold) {
#if defined(__x86_64__) && defined(__ELF__)
  if (kHasAvx2) {
    const std::size_t needed = Needed(na, nb, threshold);
    if (std::min(na, nb) < needed) return -1;
    return FromCommon(CommonAvx2(a, na, b, nb, needed), na, nb, needed);
  }
#endif
  return JaccardAtLeast(a, na, b, nb, threshold);
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
