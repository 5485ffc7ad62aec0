// Groups 64-bit perceptual image hashes that lie within a Hamming distance of each other
// (the same picture re-encoded or resized), by multi-index hashing: with d + 1 blocks, two
// hashes within distance d agree exactly on at least one block.
#pragma once

#include <cstdint>
#include <vector>

namespace synlig::ads::internal {

struct ImageClusters {
  std::vector<std::uint64_t> hashes;    // distinct hashes, sorted
  std::vector<std::uint32_t> cluster;   // cluster id per distinct hash, 0..count-1
  std::uint32_t count = 0;
  // Cluster id of a hash that is in `hashes`.
  std::uint32_t Of(std::uint64_t hash) const;
};

// Precondition: 0 <= max_distance <= 8.
ImageClusters ClusterImageHashes(std::vector<std::uint64_t> hashes, int max_distance);

}  // namespace synlig::ads::internal
