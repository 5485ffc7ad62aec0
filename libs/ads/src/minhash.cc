// MinHash signatures by multiply-shift hashing, banded into 32-bit keys; buckets by sorting.
#include "minhash.h"

#include <xxhash.h>

#include <algorithm>

namespace synlig::ads::internal {

double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < a.size() && j < b.size()) {
    const std::uint32_t x = a[i];
    const std::uint32_t y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::uint64_t FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                               const LshOptions& options, std::mt19937_64& rng,
                               const PairSink& on_pair, const PairFilter& skip) {
  const std::size_t n = sets.size();
  const auto bands = static_cast<std::size_t>(options.bands);
  const auto rows = static_cast<std::size_t>(options.rows);
  const std::size_t k = bands * rows;
  // Shingle hashes are already uniform, so a cheap bijection of 32-bit values per MinHash
  // function suffices: xor with a seed, multiply by an odd constant, fold the high bits.
  std::vector<std::uint32_t> mul(k);
  std::vector<std::uint32_t> seed(k);
  for (std::size_t i = 0; i < k; ++i) {
    mul[i] = static_cast<std::uint32_t>(rng()) | 1u;
    seed[i] = static_cast<std::uint32_t>(rng());
  }
  std::vector<char> eligible(n, 0);
  std::vector<std::uint32_t> keys(n * bands, 0);
  std::vector<std::uint32_t> signature(k);
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<std::uint32_t>& set = *sets[i];
    if (set.size() < options.min_set_size) continue;
    eligible[i] = 1;
    std::fill(signature.begin(), signature.end(), UINT32_MAX);
    for (std::uint32_t x : set) {
      for (std::size_t h = 0; h < k; ++h) {
        std::uint32_t v = (x ^ seed[h]) * mul[h];
        v ^= v >> 16;
        signature[h] = std::min(signature[h], v);
      }
    }
    for (std::size_t b = 0; b < bands; ++b) {
      keys[i * bands + b] = static_cast<std::uint32_t>(
          XXH3_64bits_withSeed(&signature[b * rows], rows * sizeof(std::uint32_t), b));
    }
  }

  // Bit b of complete[i]: ad i's bucket in band b was compared in full, so a pair that shares
  // that bucket has been seen and need not be compared again in a later band.
  std::vector<std::uint64_t> complete(n, 0);
  std::uint64_t compared = 0;
  auto consider = [&](std::uint32_t x, std::uint32_t y, std::size_t band) {
    if (x > y) std::swap(x, y);
    for (std::size_t b = 0; b < band && b < 64; ++b) {
      if (((complete[x] >> b) & 1u) && keys[x * bands + b] == keys[y * bands + b]) return;
    }
    if (skip && skip(x, y)) return;
    ++compared;
    double j = Jaccard(*sets[x], *sets[y]);
    if (j >= options.threshold) on_pair(x, y, j);
  };

  std::vector<std::uint64_t> entries;
  entries.reserve(n);
  std::vector<std::uint32_t> members;
  for (std::size_t b = 0; b < bands; ++b) {
    entries.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (eligible[i]) entries.push_back((std::uint64_t{keys[i * bands + b]} << 32) | i);
    }
    std::sort(entries.begin(), entries.end());
    std::size_t start = 0;
    while (start < entries.size()) {
      std::size_t end = start + 1;
      while (end < entries.size() && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
      const std::size_t m = end - start;
      if (m > 1) {
        members.clear();
        for (std::size_t e = start; e < end; ++e) {
          members.push_back(static_cast<std::uint32_t>(entries[e] & 0xFFFFFFFFu));
        }
        if (m <= options.max_bucket) {
          for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = p + 1; q < m; ++q) consider(members[p], members[q], b);
          }
          if (b < 64) {
            for (std::uint32_t x : members) complete[x] |= std::uint64_t{1} << b;
          }
        } else {
          std::shuffle(members.begin(), members.end(), rng);
          const std::size_t w = std::min(options.window, m - 1);
          for (std::size_t p = 0; p < m; ++p) {
            for (std::size_t q = 1; q <= w; ++q) consider(members[p], members[(p + q) % m], b);
          }
        }
      }
      start = end;
    }
  }
  return compared;
}

}  // namespace synlig::ads::internal
