// Exhaustive AIC/BIC selection over all hierarchical models with two-list interactions (every
// subset of the k(k−1)/2 pairs: 32,768 models for 6 lists), optionally with three-list ones. Models are fitted level by level
// (number of pairs), each warm-started from the fit of its parent (the model without its first
// pair), so results do not depend on the number of threads. Usage:
//   auto best = SearchModels(table, {.criterion = Criterion::kBic});
//   best->fit.estimate; best->ranking[0].bic;
#pragma once

#include <cstdint>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/loglinear.h"

namespace synlig::estimate {

inline constexpr int kMaxListsForSearch = 6;

enum class Criterion { kAic, kBic };

struct ModelSearchOptions {
  Criterion criterion = Criterion::kBic;
  // Highest order of interaction: 2 (pairs) or 3 (also triples; at most 5 lists). The
  // MultipleSystemsEstimation default is 3 for 4–5 lists and 2 otherwise: DefaultMaxOrder.
  int max_order = 2;
  int threads = 2;
  // Leave out models whose MLE does not exist (linear program of mle_check.h).
  bool require_existence = true;
  int keep_top = 10;
};

struct ModelScore {
  LoglinearModel model;
  double aic = 0;
  double bic = 0;
  double estimate = 0;
};

struct ModelSearchResult {
  LoglinearFit fit;                // refit of the best model (full output)
  std::vector<ModelScore> ranking; // the best keep_top models, best first
  std::int64_t models_fitted = 0;
  // Not identifiable, or found without an MLE. The existence check runs only on models ranked
  // above the keep_top-th model with an MLE, so models_fitted counts the others as fitted.
  std::int64_t models_skipped = 0;
};

// 3 for 4 or 5 lists, else 2 (as MultipleSystemsEstimation's BIC method).
inline int DefaultMaxOrder(int num_lists) { return num_lists == 4 || num_lists == 5 ? 3 : 2; }

// Errors: kResourceExhausted (field "lists") for more than 6 lists; kInvalidArgument for
// threads < 1 or a max_order other than 2, or 3 with at most 5 lists; kFailedPrecondition when no model can be fitted.
Result<ModelSearchResult> SearchModels(const CaptureTable& table,
                                       const ModelSearchOptions& options);

}  // namespace synlig::estimate
