// Groups 64-bit perceptual image hashes that lie within a Hamming distance of each other
// (the same picture re-encoded or resized), by multi-index hashing: cut into m blocks, two
// hashes within distance d differ in at most d blocks, so they agree exactly on some m - d of
// them. m = d + 1 gives few keys of one block each, whose buckets fill up as the number of
// hashes grows (the pairs compared grow with its square); more blocks give more keys, each
// made of several blocks and so with smaller buckets.
#pragma once

#include <cstdint>
#include <vector>

namespace synlig::ads::internal {

struct ImageClusters {
  std::vector<std::uint32_t> cluster;  // cluster id of each hash given, 0..count-1
  std::uint32_t count = 0;
};

inline constexpr int kMaxBlocks = 16;

// Clusters numbered in order of their smallest hash; the keys searched on up to `threads`
// threads (the same result on any number). `blocks` is m, 0 to let ChooseBlocks pick it.
// Precondition: 0 <= max_distance <= 8; blocks == 0 or max_distance < blocks <= kMaxBlocks
// and blocks <= 2 * max_distance (a key of at most 32 bits).
ImageClusters ClusterImageHashes(const std::vector<std::uint64_t>& hashes, int max_distance,
                                 int threads, int blocks = 0);

// The m of least estimated cost for n distinct hashes (sorting every hash under each of the
// C(m, d) keys, against comparing the pairs in their buckets), from d + 1 to 2d.
// Precondition: 1 <= max_distance <= 8.
int ChooseBlocks(std::size_t n, int max_distance);

}  // namespace synlig::ads::internal
