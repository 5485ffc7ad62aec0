// Stepwise interaction selection with Poisson p-values and the MLE existence check.
#include "synlig/estimate/stepwise.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "poisson_tail.h"
#include "synlig/estimate/mle_check.h"

namespace synlig::estimate {
namespace {

struct Selection {
  LoglinearModel model;
  std::vector<double> p_values;
  double estimate = std::numeric_limits<double>::quiet_NaN();
};

// Fitted means per pattern (2^k entries, 0 for removed cells) of `model`, and n + m0.
Result<std::pair<std::vector<double>, double>> FitMeans(int k, std::span<const double> counts,
                                                         const LoglinearModel& model) {
  internal::Design d = internal::BuildDesign(k, counts, model);
  auto glm = FitPoissonGlm(d.x, d.y, {});
  if (!glm) return Unexpected(glm.error());
  std::vector<double> mu(counts.size(), 0.0);
  for (std::size_t r = 0; r < d.cells.size(); ++r) mu[d.cells[r]] = glm->mu[static_cast<Eigen::Index>(r)];
  const double n = std::accumulate(counts.begin(), counts.end(), 0.0);
  return std::make_pair(std::move(mu), n + std::exp(glm->beta[0]));
}

Result<Selection> Select(int k, std::span<const double> counts, double pthresh) {
  const std::vector<Pattern> pairs = AllPairs(k);
  std::vector<double> overlap(pairs.size(), 0.0);
  for (std::size_t j = 0; j < pairs.size(); ++j) {
    for (std::size_t p = 1; p < counts.size(); ++p) {
      if ((static_cast<Pattern>(p) & pairs[j]) == pairs[j]) overlap[j] += counts[p];
    }
  }
  Selection sel;
  auto means = FitMeans(k, counts, sel.model);
  if (!means) return Unexpected(means.error());
  sel.estimate = means->second;
  if (pthresh <= 0) return sel;
  std::vector<bool> included(pairs.size(), false);
  // R's ppois underflows to 0 near 1e-324: treat smaller p-values as ties, as R does.
  constexpr double kLogFloor = -744.4;
  const double log_thresh = std::log(pthresh);
  for (std::size_t step = 0; step < pairs.size(); ++step) {
    std::vector<std::pair<double, std::size_t>> candidates;
    for (std::size_t j = 0; j < pairs.size(); ++j) {
      if (included[j]) continue;
      double expected = 0;
      for (std::size_t p = 1; p < counts.size(); ++p) {
        if ((static_cast<Pattern>(p) & pairs[j]) == pairs[j]) expected += means->first[p];
      }
      double log_p = 0;
      if (expected > 0) {
        log_p = std::min(internal::LogPoissonCdf(overlap[j], expected),
                         internal::LogPoissonUpper(overlap[j], expected));
      } else if (overlap[j] > 0) {
        log_p = -std::numeric_limits<double>::infinity();
      }
      log_p = std::min(0.0, std::max(log_p, kLogFloor));
      candidates.emplace_back(log_p, j);
    }
    std::sort(candidates.begin(), candidates.end());
    bool added = false;
    for (const auto& [log_p, j] : candidates) {
      if (log_p >= log_thresh) break;
      LoglinearModel trial = sel.model;
      trial.terms.push_back(pairs[j]);
      if (!CheckMle(k, counts, trial).ok()) continue;
      auto trial_means = FitMeans(k, counts, trial);
      if (!trial_means) continue;
      sel.model = std::move(trial);
      sel.p_values.push_back(std::exp(log_p));
      means = std::move(trial_means);
      sel.estimate = means->second;
      included[j] = true;
      added = true;
      break;
    }
    if (!added) break;
  }
  return sel;
}

}  // namespace

Result<StepwiseResult> StepwiseSelect(const CaptureTable& table, const StepwiseOptions& options) {
  if (!(options.pthresh >= 0 && options.pthresh <= 1)) {
    return InvalidArgument("pthresh must be in [0, 1]", "pthresh");
  }
  std::vector<double> counts(table.counts().begin(), table.counts().end());
  auto sel = Select(table.num_lists(), counts, options.pthresh);
  if (!sel) return Unexpected(sel.error());
  auto fit = FitLoglinear(table, sel->model, {}, options.level);
  if (!fit) return Unexpected(fit.error());
  StepwiseResult result{*std::move(fit), std::move(sel->p_values)};
  return result;
}

namespace internal {

double StepwiseEstimate(int num_lists, std::span<const double> counts, double pthresh) {
  // Leave out lists that captured nobody in this sample: their main effect is −∞ and no pair
  // with them can be selected, so the fit equals the fit without them.
  std::vector<int> kept;
  for (int j = 0; j < num_lists; ++j) {
    double total = 0;
    for (std::size_t p = 0; p < counts.size(); ++p) total += (p >> j & 1U) ? counts[p] : 0.0;
    if (total > 0) kept.push_back(j);
  }
  const int k = static_cast<int>(kept.size());
  if (k < 2) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> reduced;
  std::span<const double> use = counts;
  if (k < num_lists) {
    reduced.assign(std::size_t{1} << k, 0.0);
    for (std::size_t p = 1; p < counts.size(); ++p) {
      if (counts[p] == 0) continue;
      std::size_t q = 0;
      for (int i = 0; i < k; ++i) q |= ((p >> kept[static_cast<std::size_t>(i)]) & 1U) << i;
      reduced[q] += counts[p];
    }
    use = reduced;
  }
  auto sel = Select(k, use, pthresh);
  return sel ? sel->estimate : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace internal
}  // namespace synlig::estimate
