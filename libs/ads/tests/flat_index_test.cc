// Tests of the growable flat index of extraction: every key keeps its first value through
// growth, a key seen again reports its value, Clear empties it.
#include "flat_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <unordered_map>

namespace synlig::ads::internal {
namespace {

TEST(FlatIndexTest, KeepsTheFirstValueOfEveryKeyThroughGrowth) {
  FlatIndex index;
  std::unordered_map<std::uint64_t, std::uint32_t> expected;
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (std::uint32_t i = 0; i < 50000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    // Keys that share low bits, high bits, and small keys, so that probes collide.
    const std::uint64_t key = i % 3 == 0 ? x : i % 3 == 1 ? (x << 40) : (x & 0xFFF);
    auto [value, added] = index.Insert(key, i);
    auto [it, new_key] = expected.emplace(key, i);
    EXPECT_EQ(added, new_key);
    EXPECT_EQ(*value, it->second);
  }
  EXPECT_EQ(index.size(), expected.size());
  for (const auto& [key, value] : expected) {
    auto [found, added] = index.Insert(key, 7);
    EXPECT_FALSE(added);
    EXPECT_EQ(*found, value);
  }
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  auto [value, added] = index.Insert(0, 3);
  EXPECT_TRUE(added);
  EXPECT_EQ(*value, 3u);
}

}  // namespace
}  // namespace synlig::ads::internal
