// Counting helpers for indicators and counts over millions of ads: dense ids, and distinct
// values per group by a counting sort instead of sorting (group, value) pairs.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "flat_index.h"

namespace synlig::ads::internal {

// Dense ids 0.. for 64-bit values, in order of first appearance.
inline std::vector<std::uint32_t> DenseIds(const std::vector<std::uint64_t>& values,
                                           std::uint32_t& count) {
  FlatIndex ids(values.size());
  std::vector<std::uint32_t> out(values.size());
  count = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto [id, added] = ids.Insert(values[i], count);
    if (added) ++count;
    out[i] = *id;
  }
  return out;
}

// Number of distinct values per group from (group, value) pairs, group < groups and
// value < values.
inline std::vector<std::uint32_t> DistinctPerGroup(
    std::size_t groups, std::size_t values,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  std::vector<std::uint32_t> start(groups + 1, 0);
  for (const auto& [g, v] : pairs) ++start[g + 1];
  for (std::size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  std::vector<std::uint32_t> by_group(pairs.size());
  {
    std::vector<std::uint32_t> at(start.begin(), start.end() - 1);
    for (const auto& [g, v] : pairs) by_group[at[g]++] = v;
  }
  std::vector<std::uint32_t> counts(groups, 0);
  std::vector<std::uint32_t> last_group(values, UINT32_MAX);
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::uint32_t k = start[g]; k < start[g + 1]; ++k) {
      std::uint32_t& last = last_group[by_group[k]];
      if (last == g) continue;
      last = static_cast<std::uint32_t>(g);
      ++counts[g];
    }
  }
  return counts;
}

}  // namespace synlig::ads::internal
