// Word shingles of normalized text: every run of k consecutive words as a 32-bit hash, sorted
// and without duplicates (the sets MinHash LSH and the Jaccard check work on).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

// Precondition: words are consecutive in one buffer, separated by one space each (as
// SplitWords gives them); 1 <= k. A text of fewer than k words gives one shingle of all of it;
// no words give none. out is replaced; scratch is working space.
void HashShingles(const std::vector<std::string_view>& words, std::size_t k,
                  std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& scratch);

// Sorts values and drops repeats. Hashes are spread evenly, so they are first scattered into
// about one bucket per value by their top bits, which leaves an almost sorted array for an
// insertion sort; input that is not spread (many equal or close values) falls back to
// std::sort after a bounded number of moves.
void SortUniqueHashes(std::vector<std::uint32_t>& values, std::vector<std::uint32_t>& scratch);

}  // namespace synlig::ads::internal
