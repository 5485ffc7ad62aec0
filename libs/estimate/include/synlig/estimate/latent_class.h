// Latent class model for capture data (Manrique-Vallier 2016; R package LCMCR): a truncated
// Dirichlet-process mixture of independent-list classes, sampled by Gibbs with the unobserved
// count as data augmentation and prior p(N) ∝ 1/N. Several chains run in parallel; the
// split-R-hat and effective sample size of N say whether they agree. Usage:
//   std::mt19937_64 rng(seed);
//   auto post = SampleLatentClass(table, {}, rng);
//   post->median; post->r_hat; post->warnings;
#pragma once

#include <random>
#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"

namespace synlig::estimate {

struct LatentClassOptions {
  int classes = 10;       // truncation K
  double a_alpha = 0.25;  // Gamma prior of the concentration α (shape, rate)
  double b_alpha = 0.25;
  int burn_in = 10000;
  int samples = 1000;     // kept per chain
  int thinning = 100;
  int chains = 4;
  int threads = 2;
};

struct LatentClassPosterior {
  double q025 = 0, median = 0, q975 = 0, mean = 0;
  double r_hat = 0;          // split-R-hat of N over the chains (Vehtari et al. 2021, rank-free)
  double ess = 0;            // effective sample size of N, all chains
  std::vector<std::vector<double>> draws;  // N per chain, kept samples
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// Errors: kInvalidArgument for classes < 1, samples < 10, chains < 1, threads < 1,
// thinning < 1, burn_in < 0 or non-positive prior parameters (field names the option).
Result<LatentClassPosterior> SampleLatentClass(const CaptureTable& table,
                                               const LatentClassOptions& options,
                                               std::mt19937_64& rng);

// Diagnostics over chains of equal length: split-R-hat and effective sample size (Geyer's
// initial positive sequence on the chain-averaged autocorrelation).
double SplitRHat(const std::vector<std::vector<double>>& chains);
double EffectiveSampleSize(const std::vector<std::vector<double>>& chains);

}  // namespace synlig::estimate
