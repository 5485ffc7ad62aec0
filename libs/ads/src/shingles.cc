// Shingle hashing with XXH3 compiled into this file (XXH_INLINE_ALL): the same values as the
// shared library's, without a call per shingle. Nothing else here includes xxhash.h, so the
// inlined names stay private to this file.
#define XXH_INLINE_ALL
#include "shingles.h"

#include <xxhash.h>

#include <algorithm>

namespace synlig::ads::internal {

void SortUniqueHashes(std::vector<std::uint32_t>& values, std::vector<std::uint32_t>& scratch) {
  const std::size_t n = values.size();
  if (n < 32) {
    std::sort(values.begin(), values.end());
  } else {
    // Buckets by the top bits: 2^b >= n/2 of them, counts in front of the scattered values.
    int bits = 1;
    while ((std::size_t{1} << bits) < n / 2) ++bits;
    const std::size_t buckets = std::size_t{1} << bits;
    const int shift = 32 - bits;
    if (scratch.size() < buckets + 1 + n) scratch.resize(buckets + 1 + n);
    std::fill(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(buckets + 1), 0u);
    std::uint32_t* count = scratch.data();
    std::uint32_t* sorted = scratch.data() + buckets + 1;
    for (std::uint32_t v : values) ++count[(v >> shift) + 1];
    for (std::size_t b = 1; b <= buckets; ++b) count[b] += count[b - 1];
    for (std::uint32_t v : values) sorted[count[v >> shift]++] = v;
    // Insertion sort; only values of one bucket are out of order.
    std::size_t moves = 0;
    const std::size_t budget = 8 * n;
    for (std::size_t i = 1; i < n && moves <= budget; ++i) {
      const std::uint32_t v = sorted[i];
      std::size_t j = i;
      while (j > 0 && sorted[j - 1] > v) {
        sorted[j] = sorted[j - 1];
        --j;
      }
      sorted[j] = v;
      moves += i - j;
    }
    std::copy(sorted, sorted + n, values.begin());
    if (moves > budget) std::sort(values.begin(), values.end());
  }
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

void HashShingles(const std::vector<std::string_view>& words, std::size_t k,
                  std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& scratch) {
  out.clear();
  if (words.empty()) return;
  const std::size_t count = words.size() >= k ? words.size() - k + 1 : 1;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const char* begin = words[i].data();
    const std::size_t last = std::min(i + k, words.size()) - 1;
    const char* end = words[last].data() + words[last].size();
    out.push_back(
        static_cast<std::uint32_t>(XXH3_64bits(begin, static_cast<std::size_t>(end - begin))));
  }
  SortUniqueHashes(out, scratch);
}

}  // namespace synlig::ads::internal
