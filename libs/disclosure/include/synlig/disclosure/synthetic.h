// Synthetic count tables for tests, benchmarks and the comparison with the naive method: a mix
// of small (under k), zero and larger counts from a seeded generator. Usage:
//   synlig::SeededRandom rng(7);
//   disclosure::Table t = disclosure::SyntheticTable(rng, {.rows = 50, .cols = 20});
#pragma once

#include <cstdint>
#include <string>

#include "synlig/core/random.h"
#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure {

struct SyntheticShape {
  int rows = 5, cols = 4;
  double small_share = 0.15;  // share of cells drawn from [1, k - 1]
  double zero_share = 0.05;   // share of cells that are 0
  int k = 5;
  std::int64_t max_count = 100;  // other cells from [k, max_count]
};

// Precondition: rows, cols >= 1, shares in [0, 1] with small_share + zero_share <= 1,
// 1 <= k <= max_count. Deterministic for a given generator state.
Table SyntheticTable(Random& random, const SyntheticShape& shape, const std::string& name = "t");

// A uniform integer in [lo, hi] from `random`. Precondition: lo <= hi.
std::int64_t UniformInt(Random& random, std::int64_t lo, std::int64_t hi);

}  // namespace synlig::disclosure
