// Tests of the flat tables of extraction (the per-import index, the cache's fingerprint
// table): every key keeps its first value through growth, a key seen again reports its value.
#include "flat_index.h"

#include <xxhash.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "hash_cache.h"

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

TEST(FlatIndexTest, SizedUpFrontItStillGrowsPastItsCapacity) {
  FlatIndex index(10);
  for (std::uint32_t i = 0; i < 1000; ++i) EXPECT_TRUE(index.Insert(i * 7919ull, i).second);
  for (std::uint32_t i = 0; i < 1000; ++i) EXPECT_EQ(*index.Insert(i * 7919ull, 0).first, i);
  EXPECT_EQ(index.size(), 1000u);
}

TEST(FingerprintTableTest, FindsWhatWasInsertedThroughGrowthAndKeepsTheFirstValue) {
  FingerprintTable<std::uint64_t> table;
  const XXH128_hash_t absent{1, 2};
  EXPECT_EQ(table.Find(absent), nullptr);
  std::vector<XXH128_hash_t> keys;
  for (std::uint64_t i = 0; i < 20000; ++i) {
    // Keys sharing their low or their high half, so that both halves must be compared.
    keys.push_back(i % 2 == 0 ? XXH128_hash_t{i / 2, 7} : XXH128_hash_t{7, 1000000 + i / 2});
  }
  for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(*table.Insert(keys[i], i), i);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::uint64_t* found = table.Find(keys[i]);
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(*found, i);
    EXPECT_EQ(*table.Insert(keys[i], 999999), i);  // the first value stays
  }
  EXPECT_EQ(table.Find(XXH128_hash_t{123456789, 987654321}), nullptr);
}

}  // namespace
}  // namespace synlig::ads::internal
