// Multi-index near-duplicate search over distinct image hashes (radix sorts throughout): the
// 64 bits cut into m blocks, every hash sorted under every choice of m - d blocks as a key,
// and the hashes within a bucket of equal keys compared.
#include "image_clusters.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>

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

// Appends the pairs of one bucket within max_distance, with AVX2 where the CPU has it.
void BucketPairs(const std::uint64_t* bucket_hashes, const std::uint32_t* ids, std::size_t size,
                 int max_distance, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
#if defined(__x86_64__) && defined(__ELF__)
  if (kHasAvx2) {
    PairsWithinAvx2(bucket_hashes, ids, size, max_distance, out);
    return;
  }
#endif
  PairsWithin(bucket_hashes, ids, size, max_distance, out);
}

}  // namespace

int ChooseBlocks(std::size_t n, int max_distance) {
  // Relative costs, measured on this code: a hash sorted and scanned under one key, against
  // one pair compared in a bucket.
  constexpr double kSortCost = 50;
  constexpr double kPairCost = 1;
  constexpr double kMaxKeys = 256;
  const double items = static_cast<double>(n);
  int best = max_distance + 1;
  double best_cost = std::numeric_limits<double>::infinity();
  for (int m = max_distance + 1; m <= 2 * max_distance && m <= kMaxBlocks; ++m) {
    double keys = 1;  // m choose max_distance
    for (int i = 1; i <= max_distance; ++i) keys = keys * (m - max_distance + i) / i;
    if (keys > kMaxKeys) break;
    const double bits = 64.0 * (m - max_distance) / m;
    const double pairs = items * items / std::exp2(bits + 1);  // for hashes spread at random
    const double cost = keys * (kSortCost * items + kPairCost * pairs);
    if (cost < best_cost) {
      best = m;
      best_cost = cost;
    }
  }
  return best;
}

ImageClusters ClusterImageHashes(const std::vector<std::uint64_t>& input, int max_distance,
                                 int threads, int blocks) {
  ImageClusters out;
  // Every step below reads hashes in the order it sorted them, never by index: with a million
  // hashes a read in random order misses the cache, and costs more than the sorting does.
  struct Entry {
    std::uint64_t hash;
    std::uint32_t index;  // in the input, then among the distinct hashes
    std::uint32_t key;
  };
  // Distinct hashes in ascending order, and which of them each input hash is.
  const std::size_t m = input.size();
  std::vector<Entry> entries(m);
  std::vector<Entry> scratch;
  for (std::size_t i = 0; i < m; ++i) entries[i] = {input[i], static_cast<std::uint32_t>(i), 0};
  RadixSortBy<16>(entries, 64, [](const Entry& e) { return e.hash; }, scratch);
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> distinct_of(m);
  for (const Entry& e : entries) {
    if (hashes.empty() || hashes.back() != e.hash) hashes.push_back(e.hash);
    distinct_of[e.index] = static_cast<std::uint32_t>(hashes.size() - 1);
  }
  std::vector<Entry>().swap(entries);
  std::vector<Entry>().swap(scratch);

  const std::size_t n = hashes.size();
  UnionFind sets(n);
  if (max_distance > 0 && n > 1) {
    const int block_count = blocks > 0 ? blocks : ChooseBlocks(n, max_distance);
    // The keys: every choice of block_count - max_distance of the blocks, as bit masks of blocks.
    std::vector<std::uint32_t> keys;
    for (std::uint32_t mask = 0; mask < (1u << block_count); ++mask) {
      if (std::popcount(mask) == block_count - max_distance) keys.push_back(mask);
    }
    // Per key (handed out in turn to the threads): the hashes sorted by the key, and the pairs
    // within the distance in each bucket of equal keys; joined afterwards.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> close(
        static_cast<std::size_t>(std::max(threads, 1)));
    std::atomic<std::size_t> next{0};
    ForThreads(std::max(threads, 1), [&](int t) {
      std::vector<Entry> sorted;
      std::vector<Entry> spare;
      std::vector<std::uint64_t> bucket_hashes;
      std::vector<std::uint32_t> positions;  // 0, 1, 2, ...: pairs found as positions in a bucket
      std::vector<std::pair<std::uint32_t, std::uint32_t>> near;
      auto& found = close[static_cast<std::size_t>(t)];
      struct Block {
        int lo;
        int width;
        std::uint64_t mask;  // of the block's bits in place
      };
      std::vector<Block> all_blocks;
      for (int b = 0; b < block_count; ++b) {
        const int lo = 64 * b / block_count;
        const int width = 64 * (b + 1) / block_count - lo;
        all_blocks.push_back({lo, width, ((std::uint64_t{1} << width) - 1) << lo});
      }
      for (std::size_t k; (k = next.fetch_add(1)) < keys.size();) {
        Block parts[kMaxBlocks];
        int used = 0;
        int bits = 0;
        for (int b = 0; b < block_count; ++b) {
          if (keys[k] >> b & 1) {
            parts[used++] = all_blocks[static_cast<std::size_t>(b)];
            bits += all_blocks[static_cast<std::size_t>(b)].width;
          }
        }
        sorted.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
          std::uint64_t key = 0;
          for (int j = 0; j < used; ++j) {
            key = (key << parts[j].width) | ((hashes[i] & parts[j].mask) >> parts[j].lo);
          }
          // The key has at most 32 bits (block_count <= 2 * max_distance).
          sorted[i] = {hashes[i], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(key)};
        }
        RadixSortBy(sorted, bits, [](const Entry& e) { return e.key; }, spare);
        for (std::size_t start = 0; start < n;) {
          std::size_t end = start + 1;
          while (end < n && sorted[end].key == sorted[start].key) ++end;
          const std::size_t size = end - start;
          if (size > 1) {
            bucket_hashes.clear();
            for (std::size_t e = start; e < end; ++e) bucket_hashes.push_back(sorted[e].hash);
            while (positions.size() < size) {
              positions.push_back(static_cast<std::uint32_t>(positions.size()));
            }
            near.clear();
            BucketPairs(bucket_hashes.data(), positions.data(), size, max_distance, near);
            // A pair that agrees on more blocks than a key needs is in the buckets of several
            // keys: kept only under the first of them (the lowest blocks it agrees on), so
            // that every pair is joined once.
            for (const auto& [p, q] : near) {
              const std::uint64_t differ = bucket_hashes[p] ^ bucket_hashes[q];
              std::uint32_t agree = 0;
              for (int b = 0; b < block_count; ++b) {
                if ((differ & all_blocks[static_cast<std::size_t>(b)].mask) == 0) agree |= 1u << b;
              }
              std::uint32_t first = 0;
              for (int j = 0; j < block_count - max_distance; ++j) {
                first |= agree & (0u - agree);  // lowest set bit
                agree &= agree - 1;
              }
              if (first == keys[k]) {
                found.emplace_back(sorted[start + p].index, sorted[start + q].index);
              }
            }
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
