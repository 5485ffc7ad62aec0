// Multi-index near-duplicate search over distinct image hashes (radix sorts throughout).
#include "image_clusters.h"

#include <algorithm>
#include <atomic>
#include <numeric>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "candidate_pairs.h"  // ForThreads
#include "radix_sort.h"
#include "union_find.h"

namespace synlig::ads::internal {
namespace {

// Appends the pairs (x, y) of one bucket whose hashes lie within max_distance; built with and
// without the POPCNT instruction, picked at run time.
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("popcnt", "default")))
#endif
void PairsWithin(const std::uint64_t* bucket_hashes, const std::uint32_t* ids, std::size_t size,
                 int max_distance, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  for (std::size_t p = 0; p < size; ++p) {
    const std::uint64_t x = bucket_hashes[p];
    for (std::size_t q = p + 1; q < size; ++q) {
      if (__builtin_popcountll(x ^ bucket_hashes[q]) <= max_distance) {
        out.emplace_back(ids[p], ids[q]);
      }
    }
  }
}

#if defined(__x86_64__) && defined(__ELF__)
// As PairsWithin, four hashes at a time: bits counted per byte by table look-up (a nibble at a
// time), summed per hash.
__attribute__((target("avx2"))) void PairsWithinAvx2(
    const std::uint64_t* bucket_hashes, const std::uint32_t* ids, std::size_t size,
    int max_distance, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1,
                                         2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i low = _mm256_set1_epi8(0x0F);
  const __m256i limit = _mm256_set1_epi64x(max_distance);
  for (std::size_t p = 0; p < size; ++p) {
    const std::uint64_t x = bucket_hashes[p];
    const __m256i vx = _mm256_set1_epi64x(static_cast<long long>(x));
    std::size_t q = p + 1;
    for (; q + 4 <= size; q += 4) {
      const __m256i v = _mm256_xor_si256(
          vx, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bucket_hashes + q)));
      const __m256i bytes = _mm256_add_epi8(
          _mm256_shuffle_epi8(table, _mm256_and_si256(v, low)),
          _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16(v, 4), low)));
      const __m256i bits = _mm256_sad_epu8(bytes, _mm256_setzero_si256());
      const __m256i far = _mm256_cmpgt_epi64(bits, limit);
      const int near = ~_mm256_movemask_pd(_mm256_castsi256_pd(far)) & 0xF;
      for (int k = 0; k < 4; ++k) {
        if (near >> k & 1) out.emplace_back(ids[p], ids[q + static_cast<std::size_t>(k)]);
      }
    }
    for (; q < size; ++q) {
      if (__builtin_popcountll(x ^ bucket_hashes[q]) <= max_distance) {
        out.emplace_back(ids[p], ids[q]);
      }
    }
  }
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2");
#endif

}  // namespace

ImageClusters ClusterImageHashes(const std::vector<std::uint64_t>& input, int max_distance,
                                 int threads) {
  ImageClusters out;
  // Distinct hashes in ascending order, and which of them each input hash is: sort the input
  // positions by hash (a stable sort of the positions, by the hash bits, 16 at a time).
  const std::size_t m = input.size();
  std::vector<std::uint32_t> order(m);
  std::iota(order.begin(), order.end(), 0u);
  {
    std::vector<std::uint32_t> next(m);
    std::vector<std::size_t> count(std::size_t{1} << 16);
    for (int shift = 0; shift < 64; shift += 16) {
      std::fill(count.begin(), count.end(), 0);
      for (std::uint32_t i : order) ++count[(input[i] >> shift) & 0xFFFFu];
      std::size_t sum = 0;
      for (std::size_t& c : count) sum += std::exchange(c, sum);
      for (std::uint32_t i : order) next[count[(input[i] >> shift) & 0xFFFFu]++] = i;
      order.swap(next);
    }
  }
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> distinct_of(m);
  for (std::uint32_t i : order) {
    if (hashes.empty() || hashes.back() != input[i]) hashes.push_back(input[i]);
    distinct_of[i] = static_cast<std::uint32_t>(hashes.size() - 1);
  }
  std::vector<std::uint32_t>().swap(order);

  const std::size_t n = hashes.size();
  UnionFind sets(n);
  if (max_distance > 0 && n > 1) {
    // Per block (on as many threads as asked), the pairs within the distance among the hashes
    // that agree on the block; joined afterwards.
    const int blocks = max_distance + 1;
    // Each block's entries sorted (blocks handed out in turn), then its buckets searched in
    // kSlices slices of about equal work.
    constexpr int kSlices = 4;
    std::vector<std::vector<std::uint64_t>> sorted(static_cast<std::size_t>(blocks));
    std::atomic<int> next{0};
    ForThreads(std::min(threads, blocks), [&](int) {
      std::vector<std::uint64_t> scratch;
      for (int b; (b = next.fetch_add(1)) < blocks;) {
        const int lo = 64 * b / blocks;
        const int hi = 64 * (b + 1) / blocks;
        const std::uint64_t mask = hi - lo == 64 ? ~0ull : ((1ull << (hi - lo)) - 1);
        std::vector<std::uint64_t>& entries = sorted[static_cast<std::size_t>(b)];
        entries.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
          entries[i] = (((hashes[i] >> lo) & mask) << 32) | i;  // block <= 32 bits
        }
        RadixSort(entries, 32, 32 + (hi - lo), scratch);
      }
    });
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> close(
        static_cast<std::size_t>(blocks * kSlices));
    next = 0;
    ForThreads(threads, [&](int) {
      std::vector<std::uint64_t> bucket_hashes;
      std::vector<std::uint32_t> ids;
      for (int item; (item = next.fetch_add(1)) < blocks * kSlices;) {
        const std::vector<std::uint64_t>& entries =
            sorted[static_cast<std::size_t>(item / kSlices)];
        // Buckets starting in this slice (by position; the work is spread evenly enough).
        const std::size_t slice = static_cast<std::size_t>(item % kSlices);
        std::size_t start = n * slice / kSlices;
        const std::size_t stop = n * (slice + 1) / kSlices;
        while (start > 0 && start < n && (entries[start] >> 32) == (entries[start - 1] >> 32)) {
          ++start;
        }
        while (start < stop) {
          std::size_t end = start + 1;
          while (end < n && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
          if (end - start > 1) {
            bucket_hashes.clear();
            ids.clear();
            for (std::size_t e = start; e < end; ++e) {
              ids.push_back(static_cast<std::uint32_t>(entries[e] & 0xFFFFFFFFu));
              bucket_hashes.push_back(hashes[ids.back()]);
            }
            auto& found = close[static_cast<std::size_t>(item)];
#if defined(__x86_64__) && defined(__ELF__)
            if (kHasAvx2) {
              PairsWithinAvx2(bucket_hashes.data(), ids.data(), ids.size(), max_distance, found);
            } else {
              PairsWithin(bucket_hashes.data(), ids.data(), ids.size(), max_distance, found);
            }
#else
            PairsWithin(bucket_hashes.data(), ids.data(), ids.size(), max_distance, found);
#endif
          }
          start = end;
        }
      }
    });
    for (const auto& pairs : close) {
      for (const auto& [x, y] : pairs) sets.Union(x, y);
    }
  }
  std::vector<std::uint32_t> cluster_of_distinct;
  out.count = sets.Number(cluster_of_distinct);
  out.cluster.resize(m);
  for (std::size_t i = 0; i < m; ++i) out.cluster[i] = cluster_of_distinct[distinct_of[i]];
  return out;
}

}  // namespace synlig::ads::internal
