// Multi-index near-duplicate search over distinct image hashes.
#include "image_clusters.h"

#include <algorithm>

#include "union_find.h"

namespace synlig::ads::internal {

std::uint32_t ImageClusters::Of(std::uint64_t hash) const {
  auto it = std::lower_bound(hashes.begin(), hashes.end(), hash);
  return cluster[static_cast<std::size_t>(it - hashes.begin())];
}

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

ImageClusters ClusterImageHashes(std::vector<std::uint64_t> hashes, int max_distance) {
  ImageClusters out;
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  const std::size_t n = hashes.size();
  UnionFind sets(n);
  if (max_distance > 0 && n > 1) {
    const int blocks = max_distance + 1;
    std::vector<std::uint64_t> entries(n);
    for (int b = 0; b < blocks; ++b) {
      const int lo = 64 * b / blocks;
      const int hi = 64 * (b + 1) / blocks;
      const std::uint64_t mask = hi - lo == 64 ? ~0ull : ((1ull << (hi - lo)) - 1);
      for (std::size_t i = 0; i < n; ++i) {
        entries[i] = (((hashes[i] >> lo) & mask) << 32) | i;  // block <= 32 bits
      }
      std::sort(entries.begin(), entries.end());
      std::size_t start = 0;
      while (start < n) {
        std::size_t end = start + 1;
        while (end < n && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
        LinkWithin(hashes, entries, start, end, max_distance, sets);
        start = end;
      }
    }
  }
  out.count = sets.Number(out.cluster);
  out.hashes = std::move(hashes);
  return out;
}

}  // namespace synlig::ads::internal
