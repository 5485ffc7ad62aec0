// Verifying the candidate pairs of MinHash LSH by exact Jaccard similarity on several threads:
// row by row (one set against its partners); the pairs to compare are picked first, and then
// compared with the data of the pairs ahead already on its way from memory.
#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include "minhash.h"
#include "union_find.h"

namespace synlig::ads::internal {
namespace {

// All sets in one array, and per set one cache line's worth of what the verification reads:
// where its elements are and the filter's group and label.
struct FlatSets {
  struct alignas(32) Tag {
    std::uint64_t offset;  // into elements
    std::uint64_t label;
    std::uint32_t size;
    std::uint32_t group;
  };
  // Not zeroed first: the threads that copy the sets are the first to touch the pages.
  std::unique_ptr<std::uint32_t[]> elements;
  std::vector<Tag> tags;

  // Set order[p] at position p; the copying shared out over `threads` threads.
  FlatSets(const std::vector<const std::vector<std::uint32_t>*>& sets, const PairFilter& filter,
           const std::vector<std::uint32_t>& order, int threads) {
    const std::size_t n = sets.size();
    tags.resize(n);
    const auto k = static_cast<std::size_t>(threads);
    ForThreads(threads, [&](int t) {
      const auto u = static_cast<std::size_t>(t);
      for (std::size_t p = n * u / k; p < n * (u + 1) / k; ++p) {
        const std::uint32_t i = order[p];
        tags[p].size = static_cast<std::uint32_t>(sets[i]->size());
        tags[p].group = filter.group.empty() ? i : filter.group[i];
        tags[p].label = filter.label.empty() ? 0 : filter.label[i];
      }
    });
    std::uint64_t total = 0;
    for (Tag& tag : tags) {
      tag.offset = total;
      total += tag.size;
    }
    elements = std::make_unique_for_overwrite<std::uint32_t[]>(total);
    ForThreads(threads, [&](int t) {
      const auto u = static_cast<std::size_t>(t);
      for (std::size_t p = n * u / k; p < n * (u + 1) / k; ++p) {
        std::copy(sets[order[p]]->begin(), sets[order[p]]->end(),
                  elements.get() + tags[p].offset);
      }
    });
  }
  const std::uint32_t* Data(std::uint32_t i) const { return elements.get() + tags[i].offset; }
  std::size_t Size(std::uint32_t i) const { return tags[i].size; }
  bool Irrelevant(std::uint32_t a, std::uint32_t b) const {
    const Tag& x = tags[a];
    const Tag& y = tags[b];
    return x.group == y.group || (x.label != 0 && y.label != 0 && x.label != y.label);
  }
  void PrefetchElements(std::uint32_t i) const {
    const std::uint32_t* data = Data(i);
    const std::uint32_t* end = data + tags[i].size;
    for (const std::uint32_t* p = data; p < end; p += 16) __builtin_prefetch(p);
    __builtin_prefetch(end - 1);
  }
};

// Bounds of `parts` consecutive ranges of rows holding about equally many pairs.
std::vector<std::size_t> SplitRows(const CandidatePairs& pairs, std::size_t parts) {
  const std::size_t n = pairs.lengths.size();
  std::vector<std::size_t> bounds(parts + 1, n);
  bounds[0] = 0;
  std::uint64_t seen = 0;
  std::size_t part = 1;
  for (std::size_t a = 0; a < n && part < parts; ++a) {
    seen += pairs.lengths[a];
    while (part < parts && seen * parts >= pairs.count * part) bounds[part++] = a + 1;
  }
  return bounds;
}

// Runs f(part) for every part in [0, parts), handed out in turn to `threads` threads.
template <typename F>
void ForParts(int threads, std::size_t parts, F&& f) {
  std::atomic<std::size_t> next{0};
  ForThreads(threads, [&](int) {
    for (std::size_t p; (p = next.fetch_add(1)) < parts;) f(p);
  });
}

// Calls visit(a, b) for the pairs of the rows at positions [from, to) that pick(a, b) accepts,
// in row order: picks a batch of pairs (tags fetched ahead), then visits them (elements
// fetched ahead). a and b are positions.
template <typename Pick, typename Visit>
void ForPickedPairs(const CandidatePairs& pairs, const FlatSets& flat, std::size_t from,
                    std::size_t to, Pick&& pick, Visit&& visit) {
  constexpr std::size_t kBatch = 512;
  constexpr std::size_t kTagsAhead = 16;
  constexpr std::size_t kElementsAhead = 6;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> batch;
  batch.reserve(kBatch + 4096);
  auto flush = [&] {
    for (std::size_t k = 0; k < std::min(batch.size(), kElementsAhead); ++k) {
      flat.PrefetchElements(batch[k].second);
    }
    for (std::size_t k = 0; k < batch.size(); ++k) {
      if (k + kElementsAhead < batch.size()) {
        flat.PrefetchElements(batch[k + kElementsAhead].second);
      }
      visit(batch[k].first, batch[k].second);
    }
    batch.clear();
  };
  for (std::size_t a = from; a < to; ++a) {
    const std::uint32_t* row = pairs.Row(a);
    const std::uint32_t length = pairs.lengths[a];
    for (std::uint32_t k = 0; k < std::min<std::uint32_t>(length, kTagsAhead); ++k) {
      __builtin_prefetch(&flat.tags[row[k]]);
    }
    for (std::uint32_t k = 0; k < length; ++k) {
      if (k + kTagsAhead < length) __builtin_prefetch(&flat.tags[row[k + kTagsAhead]]);
      if (pick(static_cast<std::uint32_t>(a), row[k])) {
        batch.emplace_back(static_cast<std::uint32_t>(a), row[k]);
      }
    }
    if (batch.size() >= kBatch) flush();
  }
  flush();
}

}  // namespace

LshResult FindSimilarPairs(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const LshOptions& options, std::mt19937_64& rng,
                           const PairFilter& filter) {
  return VerifyCandidates(sets, FindCandidatePairs(sets, options, rng), options, filter);
}

LshResult VerifyCandidates(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const CandidatePairs& candidates, const LshOptions& options,
                           const PairFilter& filter) {
  return VerifyCandidates(sets, candidates, options, filter, nullptr);
}

LshResult VerifyCandidates(const std::vector<const std::vector<std::uint32_t>*>& sets,
                           const CandidatePairs& candidates, const LshOptions& options,
                           const PairFilter& filter,
                           const std::function<void(std::span<const SimilarPair>)>& relevant) {
  constexpr std::size_t kParts = 64;    // relevant pairs: parts for balancing threads
  constexpr std::size_t kTieParts = 8;  // irrelevant pairs: parts with ties of their own
  const std::size_t n = sets.size();
  const int threads = std::max(1, options.threads);
  const std::vector<std::uint32_t>& order = candidates.order;
  std::vector<std::uint32_t> position(n);
  for (std::uint32_t p = 0; p < n; ++p) position[order[p]] = p;
  const FlatSets flat(sets, filter, order, threads);
  std::vector<LshResult> found(kParts + kTieParts);
  auto compare = [&](std::uint32_t a, std::uint32_t b, LshResult& result) {
    ++result.compared;
    double j = JaccardFast(flat.Data(a), flat.Size(a), flat.Data(b), flat.Size(b),
                           options.threshold);
    if (j < options.threshold) return false;
    result.pairs.push_back({std::min(order[a], order[b]), std::max(order[a], order[b]),
                            static_cast<float>(j)});
    return true;
  };

  // The relevant pairs, every one compared.
  const std::vector<std::size_t> parts = SplitRows(candidates, kParts);
  ForParts(threads, kParts, [&](std::size_t p) {
    ForPickedPairs(
        candidates, flat, parts[p], parts[p + 1],
        [&](std::uint32_t a, std::uint32_t b) { return !flat.Irrelevant(a, b); },
        [&](std::uint32_t a, std::uint32_t b) { compare(a, b, found[p]); });
  });
  LshResult all;
  std::size_t relevant_count = 0;
  for (std::size_t p = 0; p < kParts; ++p) relevant_count += found[p].pairs.size();
  all.pairs.reserve(relevant_count);
  for (std::size_t p = 0; p < kParts; ++p) {
    all.compared += found[p].compared;
    all.pairs.insert(all.pairs.end(), found[p].pairs.begin(), found[p].pairs.end());
    std::vector<SimilarPair>().swap(found[p].pairs);
  }
  all.relevant = relevant_count;

  // The others, only where the pairs found so far leave the two sets apart; meanwhile the
  // caller's work on the relevant pairs runs on this thread.
  UnionFind base(n);
  auto tie_others = [&] {
    for (const SimilarPair& s : all.pairs) base.Union(position[s.a], position[s.b]);
    base.Flatten();
    const std::vector<std::size_t> tie_parts = SplitRows(candidates, kTieParts);
    ForParts(threads, kTieParts, [&](std::size_t p) {
      UnionFind tied = base;
      LshResult& result = found[kParts + p];
      ForPickedPairs(
          candidates, flat, tie_parts[p], tie_parts[p + 1],
          [&](std::uint32_t a, std::uint32_t b) {
            return flat.Irrelevant(a, b) && tied.Find(a) != tied.Find(b);
          },
          [&](std::uint32_t a, std::uint32_t b) {
            if (tied.Find(a) != tied.Find(b) && compare(a, b, result)) tied.Union(a, b);
          });
    });
  };
  if (relevant && threads > 1) {
    std::jthread others(tie_others);  // joined also when the caller's work throws
    relevant(std::span<const SimilarPair>(all.pairs));
    others.join();
  } else {
    if (relevant) relevant(std::span<const SimilarPair>(all.pairs));
    tie_others();
  }
  // The sets tied by all pairs found.
  for (std::size_t p = kParts; p < kParts + kTieParts; ++p) {
    for (const SimilarPair& s : found[p].pairs) base.Union(position[s.a], position[s.b]);
  }
  std::vector<std::uint32_t>& tied_to = position;  // reused: per set, its tie's first set
  {
    std::vector<std::uint32_t> first_of_root(n, UINT32_MAX);
    for (std::uint32_t p = 0; p < n; ++p) {
      std::uint32_t& first = first_of_root[base.Find(p)];
      first = std::min(first, order[p]);
    }
    for (std::uint32_t p = 0; p < n; ++p) tied_to[order[p]] = first_of_root[base.Find(p)];
  }
  all.tied_to = std::move(tied_to);
  std::size_t total = all.pairs.size();
  for (std::size_t p = kParts; p < kParts + kTieParts; ++p) total += found[p].pairs.size();
  all.pairs.reserve(total);
  for (std::size_t p = kParts; p < kParts + kTieParts; ++p) {
    all.compared += found[p].compared;
    all.pairs.insert(all.pairs.end(), found[p].pairs.begin(), found[p].pairs.end());
    std::vector<SimilarPair>().swap(found[p].pairs);
  }
  return all;
}

}  // namespace synlig::ads::internal
