// BCa bootstrap intervals (DiCiccio & Efron 1996) for an estimator that re-selects its model in
// every replicate, as in Chan, Silverman & Vincent (2021): multinomial resamples of the observed
// people, a weighted delete-one jackknife for the acceleration, BCa limits by R's type-8
// quantiles. Replicates draw from their own generators seeded in order from the caller's rng, so
// results for a given seed do not depend on the number of threads. Usage:
//   std::mt19937_64 rng(seed);
//   auto b = StepwiseBootstrap(table, {.replicates = 1000}, rng);
//   b->bca.low; b->bca.high;
#pragma once

#include <functional>
#include <random>
#include <span>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/two_list.h"

namespace synlig::estimate {

struct BootstrapOptions {
  int replicates = 1000;
  int threads = 2;
  double level = 0.95;
  double pthresh = 0.02;  // for StepwiseBootstrap
};

struct BootstrapResult {
  double estimate = 0;     // from the data
  Interval bca;
  Interval percentile;
  double acceleration = 0; // â
  double bias = 0;         // ẑ0
  int nonfinite = 0;       // replicates without an estimate (left out)
  std::vector<double> replicates;  // in replicate order
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// An estimator over raw counts (2^k entries, possibly with empty lists); NaN if none exists.
// Must be thread-safe.
using CountEstimator = std::function<double(int num_lists, std::span<const double> counts)>;

// Errors: kInvalidArgument (field "replicates") for fewer than 10 replicates, ("threads") for
// threads < 1, ("level") outside (0, 1); kFailedPrecondition when the estimate on the data or
// every replicate fails.
Result<BootstrapResult> BcaBootstrap(const CaptureTable& table, const CountEstimator& estimator,
                                     const BootstrapOptions& options, std::mt19937_64& rng);

// BcaBootstrap of the stepwise estimator (stepwise.h) with options.pthresh.
Result<BootstrapResult> StepwiseBootstrap(const CaptureTable& table,
                                          const BootstrapOptions& options, std::mt19937_64& rng);

// R's quantile type 8 (median-unbiased) of sorted values; p in [0, 1].
double QuantileType8(std::span<const double> sorted, double p);

}  // namespace synlig::estimate
