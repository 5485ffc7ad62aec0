// Multi-index near-duplicate search over distinct image hashes (radix sorts throughout).
#include "image_clusters.h"

#include <algorithm>
#include <numeric>

#include "radix_sort.h"
#include "union_find.h"

namespace synlig::ads::internal {
namespace {

// Hamming distance; built with and without the POPCNT instruction, picked at run time.
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((target_clones("popcnt", "default")))
#endif
void LinkWithin(const std::vector<std::uint64_t>& hashes, const std::vector<std::uint64_t>& entries,
                std::size_t start, std::size_t end, int max_distance, UnionFind& sets) {
  for (std::size_t p = start; p < end; ++p) {
    auto x = static_cast<std::uint32_t>(entries[p] & 0xFFFFFFFFu);
    for (std::size_t q = p + 1; q < end; ++q) {
      auto y = static_cast<std::uint32_t>(entries[q] & 0xFFFFFFFFu);
      if (__builtin_popcountll(hashes[x] ^ hashes[y]) <= max_distance) sets.Union(x, y);
    }
  }
}

}  // namespace

ImageClusters ClusterImageHashes(const std::vector<std::uint64_t>& input, int max_distance) {
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
    const int blocks = max_distance + 1;
    std::vector<std::uint64_t> entries(n);
    std::vector<std::uint64_t> scratch;
    for (int b = 0; b < blocks; ++b) {
      const int lo = 64 * b / blocks;
      const int hi = 64 * (b + 1) / blocks;
      const std::uint64_t mask = hi - lo == 64 ? ~0ull : ((1ull << (hi - lo)) - 1);
      for (std::size_t i = 0; i < n; ++i) {
        entries[i] = (((hashes[i] >> lo) & mask) << 32) | i;  // block <= 32 bits
      }
      RadixSort(entries, 32, 32 + (hi - lo), scratch);
      std::size_t start = 0;
      while (start < n) {
        std::size_t end = start + 1;
        while (end < n && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
        LinkWithin(hashes, entries, start, end, max_distance, sets);
        start = end;
      }
    }
  }
  std::vector<std::uint32_t> cluster_of_distinct;
  out.count = sets.Number(cluster_of_distinct);
  out.cluster.resize(m);
  for (std::size_t i = 0; i < m; ++i) out.cluster[i] = cluster_of_distinct[distinct_of[i]];
  return out;
}

}  // namespace synlig::ads::internal
