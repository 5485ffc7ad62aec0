// Stable LSD radix sort of 64-bit values by a range of their bits (11 bits a pass), for the
// sorts of the linking phase, which order millions of keys that are hashes or small ids.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

// Sorts values by bits [lo, hi) of each, keeping the order of equal keys. scratch is
// working space (resized). Precondition: 0 <= lo <= hi <= 64.
inline void RadixSort(std::vector<std::uint64_t>& values, int lo, int hi,
                      std::vector<std::uint64_t>& scratch) {
  constexpr int kBits = 11;
  constexpr std::size_t kRadix = std::size_t{1} << kBits;
  if (values.size() < 2) return;
  scratch.resize(values.size());
  std::vector<std::size_t> count(kRadix);
  for (int shift = lo; shift < hi; shift += kBits) {
    const int width = std::min(kBits, hi - shift);
    const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
    std::fill(count.begin(), count.end(), 0);
    for (std::uint64_t v : values) ++count[(v >> shift) & mask];
    if (count[(values[0] >> shift) & mask] == values.size()) continue;  // one digit: no change
    std::size_t sum = 0;
    for (std::size_t& c : count) sum += std::exchange(c, sum);
    for (std::uint64_t v : values) scratch[count[(v >> shift) & mask]++] = v;
    values.swap(scratch);
  }
}

}  // namespace synlig::ads::internal
