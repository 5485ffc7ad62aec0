// Candidate pairs of MinHash LSH: band keys sorted by radix into buckets, the pairs of each
// bucket counted and then written straight into per-set rows, which are sorted and deduplicated.
#include "candidate_pairs.h"

#include <algorithm>
#include <atomic>
#include <utility>

namespace synlig::ads::internal {
namespace {

// The sets of one band that share a key with another set, bucket after bucket; members of a
// bucket ascending, except in a bucket larger than max_bucket, which is shuffled.
struct BandBuckets {
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> starts;  // bucket k: members[starts[k] .. starts[k + 1])
};

// Sorts (key << 32 | index) entries by key, stably, in three passes of 11 bits.
void SortByKey(std::vector<std::uint64_t>& entries, std::vector<std::uint64_t>& scratch) {
  constexpr int kBits = 11;
  constexpr std::size_t kRadix = std::size_t{1} << kBits;
  scratch.resize(entries.size());
  std::vector<std::size_t> count(kRadix);
  for (int shift = 32; shift < 64; shift += kBits) {
    std::fill(count.begin(), count.end(), 0);
    for (std::uint64_t e : entries) ++count[(e >> shift) & (kRadix - 1)];
    std::size_t sum = 0;
    for (std::size_t& c : count) sum += std::exchange(c, sum);
    for (std::uint64_t e : entries) scratch[count[(e >> shift) & (kRadix - 1)]++] = e;
    entries.swap(scratch);
  }
}

BandBuckets BuildBand(const std::vector<char>& eligible, const std::vector<std::uint32_t>& keys,
                      std::size_t bands, std::size_t band, std::size_t max_bucket,
                      std::uint64_t seed, std::vector<std::uint64_t>& entries,
                      std::vector<std::uint64_t>& scratch) {
  const std::size_t n = eligible.size();
  entries.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (eligible[i]) entries.push_back((std::uint64_t{keys[i * bands + band]} << 32) | i);
  }
  SortByKey(entries, scratch);
  BandBuckets out;
  std::mt19937_64 rng(seed);
  std::size_t start = 0;
  while (start < entries.size()) {
    std::size_t end = start + 1;
    while (end < entries.size() && (entries[end] >> 32) == (entries[start] >> 32)) ++end;
    if (end - start > 1) {
      out.starts.push_back(static_cast<std::uint32_t>(out.members.size()));
      for (std::size_t e = start; e < end; ++e) {
        out.members.push_back(static_cast<std::uint32_t>(entries[e] & 0xFFFFFFFFu));
      }
      if (end - start > max_bucket) std::shuffle(out.members.end() - (end - start),
                                                 out.members.end(), rng);
    }
    start = end;
  }
  out.starts.push_back(static_cast<std::uint32_t>(out.members.size()));
  return out;
}

// Calls f(a, b), a < b, for every candidate pair of one band (a pair at most once per band
// when its bucket is compared in full; a sampled bucket may give a pair twice).
template <typename F>
void ForEachPair(const BandBuckets& band, const LshOptions& options, F&& f) {
  for (std::size_t k = 0; k + 1 < band.starts.size(); ++k) {
    const std::uint32_t* m = band.members.data() + band.starts[k];
    const std::size_t size = band.starts[k + 1] - band.starts[k];
    if (size <= options.max_bucket) {
      for (std::size_t p = 0; p < size; ++p) {
        for (std::size_t q = p + 1; q < size; ++q) f(m[p], m[q]);  // ascending members
      }
      continue;
    }
    const std::size_t w = std::min(options.window, size - 1);
    for (std::size_t p = 0; p < size; ++p) {
      for (std::size_t q = 1; q <= w; ++q) {
        std::uint32_t x = m[p];
        std::uint32_t y = m[(p + q) % size];
        if (x < y) {
          f(x, y);
        } else {
          f(y, x);
        }
      }
    }
  }
}

}  // namespace

CandidatePairs FindCandidatePairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                                  const LshOptions& options, std::mt19937_64& rng) {
  const std::size_t n = sets.size();
  const auto bands = static_cast<std::size_t>(options.bands);
  const auto threads = static_cast<std::size_t>(std::max(1, options.threads));
  std::vector<char> eligible;
  std::vector<std::uint32_t> keys;
  BandKeys(sets, options, rng, eligible, keys);
  std::vector<std::uint64_t> band_seed(bands);
  for (std::uint64_t& s : band_seed) s = rng();

  // Buckets of every band, and per thread how many pairs it finds for each set a (as the
  // smaller of the pair) in the bands it took.
  std::vector<BandBuckets> buckets(bands);
  std::vector<std::vector<std::size_t>> bands_of(threads);
  std::vector<std::vector<std::uint64_t>> cursor(threads);
  std::atomic<std::size_t> next_band{0};
  ForThreads(static_cast<int>(threads), [&](int t) {
    std::vector<std::uint64_t>& count = cursor[static_cast<std::size_t>(t)];
    count.assign(n, 0);
    std::vector<std::uint64_t> entries;
    std::vector<std::uint64_t> scratch;
    for (std::size_t b; (b = next_band.fetch_add(1)) < bands;) {
      bands_of[static_cast<std::size_t>(t)].push_back(b);
      buckets[b] = BuildBand(eligible, keys, bands, b, options.max_bucket, band_seed[b],
                             entries, scratch);
      ForEachPair(buckets[b], options, [&](std::uint32_t a, std::uint32_t) { ++count[a]; });
    }
  });
  std::vector<std::uint32_t>().swap(keys);

  // Rows: each thread writes its pairs of set a after those of the threads before it.
  CandidatePairs out;
  out.offsets.assign(n, 0);
  out.lengths.assign(n, 0);
  std::uint64_t total = 0;
  for (std::size_t a = 0; a < n; ++a) {
    out.offsets[a] = total;
    for (std::vector<std::uint64_t>& c : cursor) total += std::exchange(c[a], total);
  }
  out.partners.resize(total);
  ForThreads(static_cast<int>(threads), [&](int t) {
    std::vector<std::uint64_t>& at = cursor[static_cast<std::size_t>(t)];
    for (std::size_t b : bands_of[static_cast<std::size_t>(t)]) {
      ForEachPair(buckets[b], options,
                  [&](std::uint32_t a, std::uint32_t partner) { out.partners[at[a]++] = partner; });
      BandBuckets().members.swap(buckets[b].members);
      BandBuckets().starts.swap(buckets[b].starts);
    }
    std::vector<std::uint64_t>().swap(at);
  });

  // Sort and deduplicate each row (blocks of rows handed out in turn).
  constexpr std::size_t kBlock = 1024;
  std::atomic<std::size_t> next_block{0};
  std::vector<std::uint64_t> block_pairs((n + kBlock - 1) / kBlock, 0);
  ForThreads(static_cast<int>(threads), [&](int) {
    for (std::size_t k; (k = next_block.fetch_add(1)) < block_pairs.size();) {
      const std::size_t to = std::min(n, (k + 1) * kBlock);
      for (std::size_t a = k * kBlock; a < to; ++a) {
        std::uint32_t* row = out.partners.data() + out.offsets[a];
        std::uint32_t* end =
            out.partners.data() + (a + 1 < n ? out.offsets[a + 1] : out.partners.size());
        std::sort(row, end);
        out.lengths[a] = static_cast<std::uint32_t>(std::unique(row, end) - row);
        block_pairs[k] += out.lengths[a];
      }
    }
  });
  for (std::uint64_t c : block_pairs) out.count += c;
  return out;
}

}  // namespace synlig::ads::internal
