// Stepwise selection of two-list interactions of Chan, Silverman & Vincent (2021) (R package
// SparseMSE, pthresh 0.02): start from main effects; at each step add the pair whose overlap is
// least likely under the current model (one-sided Poisson p-value of the overlap count), among
// the pairs whose model has an existing and identifiable MLE (mle_check.h); stop when no p-value
// is below pthresh. Ties go to the first pair in the order (0,1), (0,2), ..., (1,2), ...
// Usage:
//   auto s = StepwiseSelect(table, {});
//   s->fit.estimate; FormatModel(s->fit.model, table.list_names());
#pragma once

#include <span>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/loglinear.h"

namespace synlig::estimate {

struct StepwiseOptions {
  double pthresh = 0.02;
  double level = 0.95;
};

struct StepwiseResult {
  LoglinearFit fit;  // of the selected model; fit.model.terms in the order they were added
  std::vector<double> p_values;  // of each added term when it was added
};

// Errors: kInvalidArgument (field "pthresh") outside [0, 1]; kFailedPrecondition when the main
// effects model itself cannot be fitted.
Result<StepwiseResult> StepwiseSelect(const CaptureTable& table, const StepwiseOptions& options);

namespace internal {
// The stepwise point estimate over raw counts (2^k entries, lists may be empty: they are left
// out). NaN when no estimate exists. Thread-safe.
double StepwiseEstimate(int num_lists, std::span<const double> counts, double pthresh);
}  // namespace internal

}  // namespace synlig::estimate
