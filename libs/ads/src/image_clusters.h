// Groups 64-bit perceptual image hashes that lie within a Hamming distance of each other
// (the same picture re-encoded or resized), by multi-index hashing: with d + 1 blocks, two
// hashes within distance d agree exactly on at least one block.
#pragma once

#include <cstdint>
#include <vector>

namespace synlig::ads::internal {

struct ImageClusters {
  std::vector<std::uint32_t> cluster;  // cluster id of each hash given, 0..count-1
  std::uint32_t count = 0;
};

// Clusters numbered in order of their smallest hash; the blocks searched on up to `threads`
// threads (the same result on any number). Precondition: 0 <= max_distance <= 8.
ImageClusters ClusterImageHashes(const std::vector<std::uint64_t>& hashes, int max_distance,
                                 int threads);

}  // namespace synlig::ads::internal
