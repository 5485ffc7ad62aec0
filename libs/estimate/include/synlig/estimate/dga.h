// Bayesian model averaging over decomposable graphical models (Madigan & York 1997; the R
// package dga's bma.cr): hyper-Dirichlet prior with δ per cell of the complete 2^k table,
// uniform prior over decomposable graphs, prior p(N) ∝ 1/N by default, posterior of the
// unobserved count on the grid 0..max_missing. Memory is bounded: the graph × grid matrix that
// dga builds is never formed: terms shared by graphs are computed once per subset of lists at
// points 0.5 % apart (every integer below 500), graphs more than e^−40 below the best are
// dropped, and the averaged density is interpolated to every integer. Usage:
//   auto post = DecomposableBma(table, {.max_missing = 40 * table.n_observed()});
//   post->median; post->q025;
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"

namespace synlig::estimate {

inline constexpr int kMaxListsForDga = 6;

struct DgaOptions {
  std::int64_t max_missing = 0;  // grid of the unobserved count: 0..max_missing (required)
  double delta = -1;             // prior count per cell; < 0 means 2^−k (dga's usual choice)
};

struct DgaPosterior {
  // Summaries of the model-averaged posterior of N (= n + unobserved), on the integer grid.
  double q025 = 0, median = 0, q975 = 0, mean = 0, mode = 0;
  double top_model_prob = 0;
  std::string top_model;  // edges of the most probable graph, "A:B + B:C"; "independence"
  std::int64_t graphs = 0;        // decomposable graphs averaged over
  std::int64_t graphs_summed = 0; // with non-negligible posterior mass
  double mass_at_grid_end = 0;    // posterior probability of the last 1 % of the grid
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// Errors: kInvalidArgument (field "lists") for fewer than 3 or more than 6 lists, ("max_missing")
// for a grid below 1.
Result<DgaPosterior> DecomposableBma(const CaptureTable& table, const DgaOptions& options);

// The number of decomposable (chordal) graphs on k labelled vertices, enumerated (k ≤ 6).
std::int64_t CountDecomposableGraphs(int k);

}  // namespace synlig::estimate
