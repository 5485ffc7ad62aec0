// Shingle hashing with XXH3 compiled into this file (XXH_INLINE_ALL): the same values as the
// shared library's, without a call per shingle. Nothing else here includes xxhash.h, so the
// inlined names stay private to this file.
#define XXH_INLINE_ALL
#include "shingles.h"

#include <xxhash.h>

#include <algorithm>

namespace synlig::ads::internal {

void HashShingles(const std::vector<std::string_view>& words, std::size_t k,
                  std::vector<std::uint32_t>& out) {
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
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace synlig::ads::internal
