// Stable LSD radix sort (11 bits a pass) by a 64-bit key, for the sorts of linking and
// counting, which order millions of values by hashes or small ids.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

// Sorts values by key_of(value), a 64-bit key below 2^bits, keeping the order of equal keys.
// scratch is working space (resized). Precondition: 0 <= bits <= 64.
template <int kBits = 11, typename T, typename KeyOf>
void RadixSortBy(std::vector<T>& values, int bits, KeyOf&& key_of, std::vector<T>& scratch) {
  constexpr std::size_t kRadix = std::size_t{1} << kBits;
  if (values.size() < 2) return;
  scratch.resize(values.size());
  std::vector<std::size_t> count(kRadix);
  for (int shift = 0; shift < bits; shift += kBits) {
    const int width = std::min(kBits, bits - shift);
    const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
    auto digit = [&](const T& v) {
      return (static_cast<std::uint64_t>(key_of(v)) >> shift) & mask;
    };
    std::fill(count.begin(), count.end(), 0);
    for (const T& v : values) ++count[digit(v)];
    if (count[digit(values[0])] == values.size()) continue;  // one digit: no change
    std::size_t sum = 0;
    for (std::size_t& c : count) sum += std::exchange(c, sum);
    for (const T& v : values) scratch[count[digit(v)]++] = v;
    values.swap(scratch);
  }
}

// Sorts values by bits [lo, hi) of each, keeping the order of equal keys.
// Precondition: 0 <= lo <= hi <= 64.
inline void RadixSort(std::vector<std::uint64_t>& values, int lo, int hi,
                      std::vector<std::uint64_t>& scratch) {
  RadixSortBy(values, hi - lo, [lo](std::uint64_t v) { return lo == 64 ? 0 : v >> lo; }, scratch);
}

}  // namespace synlig::ads::internal
