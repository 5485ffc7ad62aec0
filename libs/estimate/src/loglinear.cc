// Hierarchical log-linear models: design, fit, estimate of the unobserved cell and intervals.
#include "synlig/estimate/loglinear.h"

#include "synlig/estimate/mle_check.h"
#include "synlig/estimate/warnings.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace synlig::estimate {

std::string FormatModel(const LoglinearModel& model, const std::vector<std::string>& names) {
  if (model.terms.empty()) return "independence";
  std::string out;
  for (Pattern term : model.terms) {
    if (!out.empty()) out += " + ";
    std::string t;
    for (int j = 0; j < static_cast<int>(names.size()); ++j) {
      if (term & (Pattern{1} << j)) {
        if (!t.empty()) t += ":";
        t += names[static_cast<std::size_t>(j)];
      }
    }
    out += t;
  }
  return out;
}

std::vector<Pattern> AllPairs(int num_lists) {
  std::vector<Pattern> pairs;
  for (int i = 0; i < num_lists; ++i) {
    for (int j = i + 1; j < num_lists; ++j) pairs.push_back((Pattern{1} << i) | (Pattern{1} << j));
  }
  return pairs;
}

Status CheckModel(const LoglinearModel& model, int num_lists) {
  const Pattern all = (Pattern{1} << num_lists) - 1;
  for (std::size_t i = 0; i < model.terms.size(); ++i) {
    const Pattern term = model.terms[i];
    if (std::popcount(term) < 2) {
      return InvalidArgument("an interaction needs at least 2 lists", "model");
    }
    if ((term & ~all) != 0) return InvalidArgument("a term names a list that is not there", "model");
    for (std::size_t j = 0; j < i; ++j) {
      if (model.terms[j] == term) return InvalidArgument("a term is repeated", "model");
    }
    // Hierarchical: every sub-interaction with one list fewer is in the model.
    if (std::popcount(term) > 2) {
      for (Pattern bit = term; bit != 0; bit &= bit - 1) {
        const Pattern sub = term & ~(bit & -bit);
        if (std::find(model.terms.begin(), model.terms.end(), sub) == model.terms.end()) {
          return InvalidArgument("the model is not hierarchical: a term lacks a sub-interaction",
                                 "model");
        }
      }
    }
  }
  return Ok();
}

namespace internal {

Design BuildDesign(int num_lists, std::span<const double> counts, const LoglinearModel& model,
                   bool include_unobserved) {
  Design d;
  const Pattern cells = Pattern{1} << num_lists;
  std::vector<Pattern> kept_terms;
  for (Pattern term : model.terms) {
    double margin = 0;
    for (Pattern p = 1; p < cells; ++p) {
      if ((p & term) == term) margin += counts[p];
    }
    (margin > 0 ? kept_terms : d.empty_terms).push_back(term);
  }
  for (Pattern p = include_unobserved ? 0 : 1; p < cells; ++p) {
    bool removed = false;
    for (Pattern term : d.empty_terms) removed = removed || (p & term) == term;
    if (!removed) d.cells.push_back(p);
  }
  d.columns.push_back(0);
  for (int j = 0; j < num_lists; ++j) d.columns.push_back(Pattern{1} << j);
  d.columns.insert(d.columns.end(), kept_terms.begin(), kept_terms.end());
  const auto rows = static_cast<Eigen::Index>(d.cells.size());
  const auto cols = static_cast<Eigen::Index>(d.columns.size());
  d.x.resize(rows, cols);
  d.y.resize(rows);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const Pattern p = d.cells[static_cast<std::size_t>(r)];
    d.y[r] = counts[p];
    for (Eigen::Index c = 0; c < cols; ++c) {
      const Pattern col = d.columns[static_cast<std::size_t>(c)];
      d.x(r, c) = (p & col) == col ? 1.0 : 0.0;
    }
  }
  return d;
}

}  // namespace internal

namespace {

std::vector<double> CountsOf(const CaptureTable& table) {
  std::vector<double> counts(table.counts().size());
  for (std::size_t p = 0; p < counts.size(); ++p) counts[p] = static_cast<double>(table.counts()[p]);
  return counts;
}

}  // namespace

Result<LoglinearFit> FitLoglinear(const CaptureTable& table, const LoglinearModel& model,
                                  const GlmOptions& options, double level) {
  const int k = table.num_lists();
  if (Status s = CheckModel(model, k); !s) return Unexpected(s.error());
  if (!(level > 0 && level < 1)) return InvalidArgument("level must be in (0, 1)", "level");
  std::vector<double> counts = CountsOf(table);
  internal::Design d = internal::BuildDesign(k, counts, model);
  auto glm = FitPoissonGlm(d.x, d.y, options);
  if (!glm) return Unexpected(glm.error());
  LoglinearFit fit;
  fit.model = model;
  fit.empty_terms = d.empty_terms;
  fit.coefficients = glm->beta;
  fit.covariance = glm->covariance;
  fit.deviance = glm->deviance;
  fit.num_parameters = static_cast<int>(d.columns.size() + d.empty_terms.size());
  fit.df = static_cast<int>(d.cells.size() - d.columns.size());
  fit.log_likelihood = glm->log_likelihood;
  const double n = static_cast<double>(table.n_observed());
  fit.aic = -2 * fit.log_likelihood + 2 * fit.num_parameters;
  fit.bic = -2 * fit.log_likelihood + std::log(n) * fit.num_parameters;
  fit.converged = glm->converged;
  fit.iterations = glm->iterations;
  const double b0 = glm->beta[0];
  const double var0 = glm->covariance(0, 0);
  fit.unobserved = std::exp(b0);
  fit.estimate = n + fit.unobserved;
  fit.std_error = std::sqrt(fit.unobserved + fit.unobserved * fit.unobserved * var0);
  const double z = NormalQuantile(0.5 + level / 2);
  fit.log_normal = {n + std::exp(b0 - z * std::sqrt(var0)), n + std::exp(b0 + z * std::sqrt(var0))};
  fit.fitted.assign(counts.size(), 0.0);
  fit.fitted[0] = fit.unobserved;
  for (std::size_t r = 0; r < d.cells.size(); ++r) {
    fit.fitted[d.cells[r]] = glm->mu[static_cast<Eigen::Index>(r)];
  }
  if (!std::isfinite(fit.estimate) || !std::isfinite(fit.std_error)) {
    return FailedPrecondition("the estimate of the unobserved cell is not finite: the MLE of " +
                              FormatModel(model, table.list_names()) + " does not exist");
  }
  const MleCheck check = CheckMle(k, counts, model);
  if (!check.exists) {
    const std::string name = FormatModel(model, table.list_names());
    Warn(fit,
         "the maximum likelihood estimate of " + name +
             " does not exist for these data (some fitted cells go to zero): the estimate is "
             "not reliable",
         "maximum likelihood-skattningen för " + name +
             " finns inte för dessa data (några skattade celler går mot noll): skattningen är "
             "inte tillförlitlig");
  } else if (!fit.converged) {
    const std::string name = FormatModel(model, table.list_names());
    const std::string iterations = std::to_string(fit.iterations);
    Warn(fit,
         "the fit of " + name + " did not converge in " + iterations +
             " iterations: the maximum likelihood estimate may not exist",
         "anpassningen av " + name + " konvergerade inte på " + iterations +
             " iterationer: maximum likelihood-skattningen finns kanske inte");
  } else if (fit.unobserved > 1000 * n) {
    Warn(fit,
         "the unobserved cell is more than 1000 times the observed total: the estimate is "
         "unstable",
         "den oobserverade cellen är mer än 1 000 gånger det observerade totalet: skattningen "
         "är instabil");
  }
  if (!d.empty_terms.empty()) {
    LoglinearModel empty{d.empty_terms};
    const std::string name = FormatModel(empty, table.list_names());
    Warn(fit, "lists that never overlap, their interactions fixed at -infinity: " + name,
         "listor som aldrig överlappar, deras samspel fixerat till minus oändligheten: " + name);
  }
  return fit;
}

Result<Interval> ProfileInterval(const CaptureTable& table, const LoglinearModel& model,
                                 double level) {
  auto fit = FitLoglinear(table, model, {}, level);
  if (!fit) return Unexpected(fit.error());
  const int k = table.num_lists();
  std::vector<double> counts = CountsOf(table);
  internal::Design d = internal::BuildDesign(k, counts, model, /*include_unobserved=*/true);
  const double n = static_cast<double>(table.n_observed());
  GlmOptions options;
  options.max_iterations = 100;
  // Profile log-likelihood of N, up to a constant.
  auto profile = [&](double big_n) -> double {
    d.y[0] = big_n - n;
    auto glm = FitPoissonGlm(d.x, d.y, options);
    if (!glm) return -std::numeric_limits<double>::infinity();
    double ll = std::lgamma(big_n + 1) - std::lgamma(big_n - n + 1);
    for (Eigen::Index i = 0; i < d.y.size(); ++i) {
      if (d.y[i] > 0) ll += d.y[i] * std::log(glm->mu[i] / big_n);
    }
    return ll;
  };
  // Maximise over the unobserved count on a log scale (golden section).
  const double f_hat = std::max(fit->unobserved, 1e-3);
  double a = std::log(f_hat / 8), b = std::log(f_hat * 8);
  const double g = (std::sqrt(5.0) - 1) / 2;
  double c1 = b - g * (b - a), c2 = a + g * (b - a);
  double v1 = profile(n + std::exp(c1)), v2 = profile(n + std::exp(c2));
  for (int i = 0; i < 60; ++i) {
    if (v1 < v2) {
      a = c1; c1 = c2; v1 = v2; c2 = a + g * (b - a); v2 = profile(n + std::exp(c2));
    } else {
      b = c2; c2 = c1; v2 = v1; c1 = b - g * (b - a); v1 = profile(n + std::exp(c1));
    }
  }
  const double n_max = n + std::exp((a + b) / 2);
  const double l_max = std::max(profile(n_max), std::max(v1, v2));
  const double z = NormalQuantile(0.5 + level / 2);
  const double target = l_max - z * z / 2;
  auto root = [&](double lo, double hi) {  // profile(lo) and profile(hi) straddle target
    const bool lo_inside = profile(lo) >= target;
    for (int i = 0; i < 80 && hi - lo > 1e-7 * hi; ++i) {
      const double mid = (lo + hi) / 2;
      if ((profile(mid) >= target) == lo_inside) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  };
  Interval interval;
  interval.low = profile(n) >= target ? n : root(n, n_max);
  double hi = n_max + std::max(n_max - n, 1.0);
  while (profile(hi) >= target) {
    if (hi > 1e6 * n_max) {
      interval.high = std::numeric_limits<double>::infinity();
      return interval;
    }
    hi = n + 4 * (hi - n);
  }
  interval.high = root(n_max, hi);
  return interval;
}

}  // namespace synlig::estimate
