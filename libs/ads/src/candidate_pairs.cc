// Candidate pairs of MinHash LSH: band keys sorted by radix into buckets, the pairs of each
// bucket counted and then written straight into per-set rows, band after band, without repeats.
#include "candidate_pairs.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "radix_sort.h"
#include "union_find.h"

namespace synlig::ads::internal {
namespace {

// The sets of one band that share a key with another set, bucket after bucket; members of a
// bucket ascending, except in a bucket larger than max_bucket, which is shuffled.
struct BandBuckets {
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> starts;  // bucket k: members[starts[k] .. starts[k + 1])
};

BandBuckets BuildBand(const std::vector<char>& eligible, const std::vector<std::uint32_t>& keys,
                      std::size_t bands, std::size_t band, std::size_t max_bucket,
                      std::uint64_t seed, std::vector<std::uint64_t>& entries,
                      std::vector<std::uint64_t>& scratch) {
  const std::size_t n = eligible.size();
  entries.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (eligible[i]) entries.push_back((std::uint64_t{keys[i * bands + band]} << 32) | i);
  }
  RadixSort(entries, 32, 64, scratch);
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
// when its bucket is compared in full; a sampled bucket may give a pair twice). The members
// may be sets or their positions.
template <typename F>
void ForEachPair(const BandBuckets& band, const LshOptions& options, F&& f) {
  for (std::size_t k = 0; k + 1 < band.starts.size(); ++k) {
    const std::uint32_t* m = band.members.data() + band.starts[k];
    const std::size_t size = band.starts[k + 1] - band.starts[k];
    if (size <= options.max_bucket) {
      for (std::size_t p = 0; p < size; ++p) {
        for (std::size_t q = p + 1; q < size; ++q) f(std::min(m[p], m[q]), std::max(m[p], m[q]));
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

  // Buckets of every band, and how many pairs each band gives each set a (as the smaller of
  // the pair); bands handed out to the threads in turn.
  std::vector<BandBuckets> buckets(bands);
  std::vector<std::vector<std::uint32_t>> at(bands);  // per band and set: count, then cursor
  std::atomic<std::size_t> next_band{0};
  ForThreads(static_cast<int>(threads), [&](int) {
    std::vector<std::uint64_t> entries;
    std::vector<std::uint64_t> scratch;
    for (std::size_t b; (b = next_band.fetch_add(1)) < bands;) {
      buckets[b] = BuildBand(eligible, keys, bands, b, options.max_bucket, band_seed[b],
                             entries, scratch);
    }
  });
  std::vector<std::uint32_t>().swap(keys);

  // Positions that put sets paired with each other near each other in memory: the sets joined
  // by the buckets of the first two bands, one group after another (in order of their sets).
  CandidatePairs out;
  out.order.resize(n);
  std::vector<std::uint32_t> position(n);
  {
    UnionFind groups(n);
    for (std::size_t b = 0; b < std::min<std::size_t>(bands, 2); ++b) {
      const BandBuckets& band = buckets[b];
      for (std::size_t k = 0; k + 1 < band.starts.size(); ++k) {
        for (std::uint32_t e = band.starts[k] + 1; e < band.starts[k + 1]; ++e) {
          groups.Union(band.members[band.starts[k]], band.members[e]);
        }
      }
    }
    std::vector<std::uint32_t> start(n + 1, 0);
    for (std::uint32_t a = 0; a < n; ++a) {
      position[a] = groups.Find(a);
      ++start[position[a] + 1];
    }
    for (std::size_t g = 0; g < n; ++g) start[g + 1] += start[g];
    for (std::uint32_t a = 0; a < n; ++a) out.order[start[position[a]]++] = a;
    for (std::uint32_t p = 0; p < n; ++p) position[out.order[p]] = p;
  }
  // From here on buckets hold positions; per band, how many pairs it gives each position (as
  // the smaller of the pair).
  next_band = 0;
  ForThreads(static_cast<int>(threads), [&](int) {
    for (std::size_t b; (b = next_band.fetch_add(1)) < bands;) {
      for (std::uint32_t& m : buckets[b].members) m = position[m];
      at[b].assign(n, 0);
      ForEachPair(buckets[b], options, [&](std::uint32_t a, std::uint32_t) { ++at[b][a]; });
    }
  });

  // Rows: the pairs of set a from band 0, then band 1, ...; blocks of rows and bands handed out
  // to the threads in turn (the rows do not depend on which thread does what).
  constexpr std::size_t kBlock = 4096;
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  out.offsets.assign(n, 0);
  out.lengths.assign(n, 0);
  std::atomic<std::size_t> next_block{0};
  ForThreads(static_cast<int>(threads), [&](int) {
    for (std::size_t k; (k = next_block.fetch_add(1)) < blocks;) {
      for (std::size_t a = k * kBlock; a < std::min(n, (k + 1) * kBlock); ++a) {
        std::uint32_t in_row = 0;
        for (std::size_t b = 0; b < bands; ++b) in_row += std::exchange(at[b][a], in_row);
        out.offsets[a] = in_row;  // its length for now
      }
    }
  });
  std::uint64_t total = 0;
  for (std::uint64_t& o : out.offsets) total += std::exchange(o, total);
  out.partners = std::make_unique_for_overwrite<std::uint32_t[]>(total);
  next_band = 0;
  ForThreads(static_cast<int>(threads), [&](int) {
    for (std::size_t b; (b = next_band.fetch_add(1)) < bands;) {
      std::vector<std::uint32_t>& cursor = at[b];
      ForEachPair(buckets[b], options, [&](std::uint32_t a, std::uint32_t partner) {
        out.partners[out.offsets[a] + cursor[a]++] = partner;
      });
      BandBuckets().members.swap(buckets[b].members);
      BandBuckets().starts.swap(buckets[b].starts);
      std::vector<std::uint32_t>().swap(cursor);
    }
  });

  // Drop repeated partners from each row, and sort it (ascending partners are nearer in memory).
  std::vector<std::uint64_t> block_pairs(blocks, 0);
  next_block = 0;
  ForThreads(static_cast<int>(threads), [&](int) {
    std::vector<std::uint32_t> seen_in(n, UINT32_MAX);  // the row a partner was last seen in
    for (std::size_t k; (k = next_block.fetch_add(1)) < blocks;) {
      for (std::size_t a = k * kBlock; a < std::min(n, (k + 1) * kBlock); ++a) {
        std::uint32_t* row = out.Row(a);
        const std::uint64_t end = a + 1 < n ? out.offsets[a + 1] : total;
        std::uint32_t kept = 0;
        for (std::uint64_t e = out.offsets[a]; e < end; ++e) {
          const std::uint32_t partner = out.partners[e];
          if (seen_in[partner] == a) continue;
          seen_in[partner] = static_cast<std::uint32_t>(a);
          row[kept++] = partner;
        }
        std::sort(row, row + kept);
        out.lengths[a] = kept;
        block_pairs[k] += kept;
      }
    }
  });
  for (std::uint64_t c : block_pairs) out.count += c;
  return out;
}

}  // namespace synlig::ads::internal
