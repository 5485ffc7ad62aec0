// Tests of the near-duplicate image search: hashes within a Hamming distance joined, on any
// number of threads and with any number of blocks, as comparing every pair would join them.
#include "image_clusters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace synlig::ads {
namespace {

TEST(ImageClustersTest, JoinsHashesWithinDistanceAmongManySharingABlock) {
  // 200 hashes that agree on their low 40 bits (one bucket of every block there), each the base
  // with 1-6 of its high 24 bits flipped: some pairs within 4 bits, many not.
  std::mt19937_64 rng(9);
  const std::uint64_t base = rng();
  std::vector<std::uint64_t> hashes;
  for (int i = 0; i < 200; ++i) {
    std::uint64_t h = base;
    const int flips = 1 + static_cast<int>(rng() % 6);
    for (int f = 0; f < flips; ++f) h ^= std::uint64_t{1} << (40 + rng() % 24);
    hashes.push_back(h);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  hashes.push_back(hashes.front());  // a hash given twice
  internal::ImageClusters one = internal::ClusterImageHashes(hashes, 4, 1);
  internal::ImageClusters two = internal::ClusterImageHashes(hashes, 4, 3);
  ASSERT_EQ(one.cluster.size(), hashes.size());
  EXPECT_EQ(one.cluster, two.cluster);
  EXPECT_EQ(one.count, two.count);
  // Reference: transitive closure of "within 4 bits" by brute force.
  std::vector<std::uint32_t> ref(hashes.size());
  std::iota(ref.begin(), ref.end(), 0u);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
      for (std::size_t j = 0; j < hashes.size(); ++j) {
        if (__builtin_popcountll(hashes[i] ^ hashes[j]) <= 4 && ref[j] < ref[i]) {
          ref[i] = ref[j];
          changed = true;
        }
      }
    }
  }
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    for (std::size_t j = 0; j < hashes.size(); ++j) {
      EXPECT_EQ(one.cluster[i] == one.cluster[j], ref[i] == ref[j]) << i << " " << j;
    }
  }
}

// Every number of blocks the search may use, and the one it picks, finds the same clusters as
// comparing every pair: hashes in groups around random bases (each a base with up to d + 2 of
// its bits flipped anywhere), for distances 1 to 8.
TEST(ImageClustersTest, EveryBlockCountAgreesWithComparingAllPairs) {
  std::mt19937_64 rng(21);
  for (int d : {1, 2, 3, 4, 5, 8}) {
    std::vector<std::uint64_t> hashes;
    for (int group = 0; group < 30; ++group) {
      const std::uint64_t base = rng();
      for (int i = 0; i < 10; ++i) {
        std::uint64_t h = base;
        const int flips = static_cast<int>(rng() % static_cast<std::uint64_t>(d + 3));
        for (int f = 0; f < flips; ++f) h ^= std::uint64_t{1} << (rng() % 64);
        hashes.push_back(h);
      }
    }
    // Reference: components of "within d bits", every pair compared.
    std::vector<std::size_t> root(hashes.size());
    std::iota(root.begin(), root.end(), std::size_t{0});
    auto find = [&](std::size_t x) {
      while (root[x] != x) x = root[x] = root[root[x]];
      return x;
    };
    for (std::size_t i = 0; i < hashes.size(); ++i) {
      for (std::size_t j = i + 1; j < hashes.size(); ++j) {
        if (__builtin_popcountll(hashes[i] ^ hashes[j]) <= d) root[find(i)] = find(j);
      }
    }
    std::vector<int> block_counts = {0};
    for (int m = d + 1; m <= std::min(2 * d, internal::kMaxBlocks); ++m) block_counts.push_back(m);
    for (int blocks : block_counts) {
      for (int threads : {1, 3}) {
        internal::ImageClusters got = internal::ClusterImageHashes(hashes, d, threads, blocks);
        ASSERT_EQ(got.cluster.size(), hashes.size());
        for (std::size_t i = 0; i < hashes.size(); ++i) {
          for (std::size_t j = i + 1; j < hashes.size(); ++j) {
            ASSERT_EQ(got.cluster[i] == got.cluster[j], find(i) == find(j))
                << "d " << d << " blocks " << blocks << " threads " << threads << ": " << i
                << " " << j;
          }
        }
      }
    }
  }
}

// Few hashes keep one block per key; many take keys of several blocks, whose buckets stay
// small.
TEST(ImageClustersTest, ChoosesMoreBlocksForManyHashes) {
  EXPECT_EQ(internal::ChooseBlocks(1000, 4), 5);
  EXPECT_EQ(internal::ChooseBlocks(100000, 4), 5);
  EXPECT_EQ(internal::ChooseBlocks(1000000, 4), 5);
  EXPECT_EQ(internal::ChooseBlocks(3000000, 4), 6);
  for (int d = 1; d <= 8; ++d) {
    for (std::size_t n : {std::size_t{2}, std::size_t{1} << 20, std::size_t{1} << 30}) {
      const int m = internal::ChooseBlocks(n, d);
      EXPECT_GT(m, d);
      EXPECT_LE(m, std::max(d + 1, 2 * d));
    }
  }
}

}  // namespace
}  // namespace synlig::ads
