// Method dispatch for `synlig estimate`: one result shape for every method.
#include "synlig/estimate/estimation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "synlig/estimate/bootstrap.h"
#include "synlig/estimate/dga.h"
#include "synlig/estimate/latent_class.h"
#include "synlig/estimate/loglinear.h"
#include "synlig/estimate/mle_check.h"
#include "synlig/estimate/model_search.h"
#include "synlig/estimate/stepwise.h"
#include "synlig/estimate/warnings.h"
#include "table_diagnostics.h"

namespace synlig::estimate {
namespace {

constexpr Method kAllMethods[] = {Method::kChapman,  Method::kIndependence, Method::kAic,
                                  Method::kBic,      Method::kStepwise,     Method::kClosedp,
                                  Method::kDga,      Method::kLcmcr};

// Lists that captured nobody in `counts` are dropped; returns the kept lists' indices and the
// reduced counts.
std::pair<std::vector<int>, std::vector<double>> DropEmptyLists(int k,
                                                                std::span<const double> counts) {
  std::vector<int> kept;
  for (int j = 0; j < k; ++j) {
    double total = 0;
    for (std::size_t p = 0; p < counts.size(); ++p) total += (p >> j & 1U) ? counts[p] : 0.0;
    if (total > 0) kept.push_back(j);
  }
  std::vector<double> reduced(std::size_t{1} << kept.size(), 0.0);
  for (std::size_t p = 1; p < counts.size(); ++p) {
    std::size_t q = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) q |= ((p >> kept[i]) & 1U) << i;
    reduced[q] += counts[p];
  }
  return {kept, reduced};
}

// The estimate of the model with the best criterion among `models` (with an existing MLE) on
// `counts`; models are re-expressed without lists that captured nobody. NaN if none fits.
double BestAmong(int k, std::span<const double> counts, const std::vector<LoglinearModel>& models,
                 Criterion criterion) {
  auto [kept, reduced] = DropEmptyLists(k, counts);
  const int k2 = static_cast<int>(kept.size());
  if (k2 < 2) return std::numeric_limits<double>::quiet_NaN();
  double n = 0;
  for (double c : reduced) n += c;
  struct Candidate {
    double key;
    double estimate;
    LoglinearModel model;
  };
  std::vector<Candidate> fitted;
  for (const LoglinearModel& model : models) {
    LoglinearModel mapped;
    bool uses_dropped = false;
    for (Pattern term : model.terms) {
      Pattern t = 0;
      for (int j = 0; j < k; ++j) {
        if (!(term >> j & 1U)) continue;
        auto it = std::find(kept.begin(), kept.end(), j);
        if (it == kept.end()) uses_dropped = true;
        else t |= Pattern{1} << (it - kept.begin());
      }
      if (!uses_dropped) mapped.terms.push_back(t);
    }
    if (uses_dropped) continue;  // the term would be −∞: the same model without it is listed too
    internal::Design d = internal::BuildDesign(k2, reduced, mapped);
    if (d.x.rows() <= d.x.cols()) continue;
    auto glm = FitPoissonGlm(d.x, d.y, {});
    if (!glm) continue;
    const double p = static_cast<double>(d.columns.size() + d.empty_terms.size());
    const double penalty = criterion == Criterion::kAic ? 2.0 : std::log(n);
    fitted.push_back({-2 * glm->log_likelihood + penalty * p, n + std::exp(glm->beta[0]),
                      std::move(mapped)});
  }
  std::stable_sort(fitted.begin(), fitted.end(),
                   [](const Candidate& a, const Candidate& b) { return a.key < b.key; });
  for (const Candidate& c : fitted) {
    if (std::isfinite(c.estimate) && CheckMle(k2, reduced, c.model).ok()) return c.estimate;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

Interval LogNormalInterval(double n, double estimate, double se, double level) {
  const double f0 = estimate - n;
  if (!(f0 > 0)) return {n, n};
  const double z = NormalQuantile(0.5 + level / 2);
  const double c = std::exp(z * std::sqrt(std::log1p(se * se / (f0 * f0))));
  return {n + f0 / c, n + f0 * c};
}

// Decimal points between digits as Swedish decimal commas ("1.004" -> "1,004").
std::string SwedishDecimals(std::string text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const bool digits = text[i - 1] >= '0' && text[i - 1] <= '9' && text[i + 1] >= '0' &&
                        text[i + 1] <= '9';
    if (text[i] == '.' && digits) text[i] = ',';
  }
  return text;
}

std::string Percent(double level) {
  const double pct = level * 100;
  return std::to_string(static_cast<int>(std::lround(pct)));
}

Result<MethodResult> SearchMethod(const CaptureTable& table, const EstimateRequest& request,
                                  Criterion criterion, std::mt19937_64& rng) {
  ModelSearchOptions options;
  options.criterion = criterion;
  options.threads = request.threads;
  options.max_order = DefaultMaxOrder(table.num_lists());
  options.keep_top = 100;
  auto search = SearchModels(table, options);
  if (!search) return Unexpected(search.error());
  MethodResult r;
  r.estimate = search->fit.estimate;
  r.model = FormatModel(search->fit.model, table.list_names());
  AppendWarnings(r, search->fit);
  auto profile = ProfileInterval(table, search->fit.model, request.level);
  if (profile) {
    r.interval = *profile;
    r.interval_kind = "profile likelihood, conditional on the selected model";
    r.interval_kind_sv = "profillikelihood, givet den valda modellen";
  } else {
    r.interval = search->fit.log_normal;
    r.interval_kind = "log-normal, conditional on the selected model";
    r.interval_kind_sv = "log-normalt, givet den valda modellen";
  }
  if (request.bootstrap > 0) {
    std::vector<LoglinearModel> models;
    for (const ModelScore& s : search->ranking) models.push_back(s.model);
    const int k = table.num_lists();
    BootstrapOptions b;
    b.replicates = request.bootstrap;
    b.threads = request.threads;
    b.level = request.level;
    auto boot = BcaBootstrap(
        table,
        [&models, criterion, k](int kk, std::span<const double> counts) {
          return kk == k ? BestAmong(k, counts, models, criterion)
                         : std::numeric_limits<double>::quiet_NaN();
        },
        b, rng);
    if (!boot) return Unexpected(boot.error());
    r.conditional_interval = r.interval;
    r.interval = boot->bca;
    r.interval_kind = "BCa bootstrap (" + std::to_string(request.bootstrap) +
                      " replicates), model re-selected among the " +
                      std::to_string(models.size()) + " best models";
    r.interval_kind_sv = "BCa-bootstrap (" + std::to_string(request.bootstrap) +
                         " replikat), modellen vald på nytt bland de " +
                         std::to_string(models.size()) + " bästa modellerna";
    AppendWarnings(r, *boot);
  }
  return r;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kChapman: return "chapman";
    case Method::kIndependence: return "independence";
    case Method::kAic: return "aic";
    case Method::kBic: return "bic";
    case Method::kStepwise: return "stepwise";
    case Method::kClosedp: return "closedp";
    case Method::kDga: return "dga";
    case Method::kLcmcr: return "lcmcr";
  }
  return "unknown";
}

Result<Method> ParseMethod(std::string_view name) {
  for (Method m : kAllMethods) {
    if (MethodName(m) == name) return m;
  }
  return InvalidArgument("unknown method '" + std::string(name.substr(0, 40)) +
                             "': use chapman, independence, aic, bic, stepwise, closedp, dga, "
                             "lcmcr or compare",
                         "method");
}

Result<MethodResult> Estimate(const CaptureTable& table, const EstimateRequest& request,
                              std::mt19937_64& rng) {
  const int k = table.num_lists();
  const double n = static_cast<double>(table.n_observed());
  if (request.bootstrap < 0 || (request.bootstrap > 0 && request.bootstrap < 10)) {
    return InvalidArgument("bootstrap needs 0 or at least 10 replicates", "bootstrap");
  }
  const std::string level = Percent(request.level);
  Result<MethodResult> result = Internal("no method ran");
  switch (request.method) {
    case Method::kChapman: {
      auto counts = TwoListCountsOf(table);
      if (!counts) {
        return InvalidArgument("chapman needs exactly 2 lists, the table has " +
                                   std::to_string(k),
                               "method");
      }
      auto e = Chapman(*counts, request.level);
      if (!e) return Unexpected(e.error());
      MethodResult r;
      r.estimate = e->estimate;
      r.interval = e->log_normal;
      r.interval_kind = "Chao log-normal";
      r.interval_kind_sv = "Chaos log-normala intervall";
      r.model = "Chapman";
      if (counts->both < 7) {
        Warn(r, "the lists share fewer than 7 people: Chapman is biased and the interval "
                "unreliable",
             "listorna har färre än 7 personer gemensamt: Chapmans skattning är snedvriden och "
             "intervallet otillförlitligt");
      }
      result = r;
      break;
    }
    case Method::kIndependence: {
      auto fit = FitLoglinear(table, {}, {}, request.level);
      if (!fit) return Unexpected(fit.error());
      MethodResult r;
      r.estimate = fit->estimate;
      r.model = "independence";
      AppendWarnings(r, *fit);
      auto profile = ProfileInterval(table, {}, request.level);
      if (profile) {
        r.interval = *profile;
        r.interval_kind = "profile likelihood";
        r.interval_kind_sv = "profillikelihood";
      } else {
        r.interval = fit->log_normal;
        r.interval_kind = "log-normal";
        r.interval_kind_sv = "log-normalt";
      }
      Warn(r,
           "independence assumes no list affects another's chance of recording a person; "
           "usually too strong for these data",
           "oberoendemodellen förutsätter att ingen lista påverkar en annan listas chans att "
           "registrera en person; oftast ett för starkt antagande för sådana data");
      result = r;
      break;
    }
    case Method::kAic:
    case Method::kBic: {
      if (k < 3 || k > kMaxListsForSearch) {
        return InvalidArgument("aic/bic search needs 3 to 6 lists, the table has " +
                                   std::to_string(k),
                               "method");
      }
      result = SearchMethod(table, request,
                            request.method == Method::kAic ? Criterion::kAic : Criterion::kBic,
                            rng);
      break;
    }
    case Method::kStepwise: {
      StepwiseOptions options;
      options.level = request.level;
      auto step = StepwiseSelect(table, options);
      if (!step) return Unexpected(step.error());
      MethodResult r;
      r.estimate = step->fit.estimate;
      r.model = FormatModel(step->fit.model, table.list_names());
      r.interval = step->fit.log_normal;
      r.interval_kind = "log-normal, conditional on the selected model";
      r.interval_kind_sv = "log-normalt, givet den valda modellen";
      AppendWarnings(r, step->fit);
      if (request.bootstrap > 0) {
        BootstrapOptions b;
        b.replicates = request.bootstrap;
        b.threads = request.threads;
        b.level = request.level;
        auto boot = StepwiseBootstrap(table, b, rng);
        if (!boot) return Unexpected(boot.error());
        r.conditional_interval = r.interval;
        r.interval = boot->bca;
        r.interval_kind = "BCa bootstrap (" + std::to_string(request.bootstrap) +
                          " replicates), model re-selected in every replicate";
        r.interval_kind_sv = "BCa-bootstrap (" + std::to_string(request.bootstrap) +
                             " replikat), modellen vald på nytt i varje replikat";
        AppendWarnings(r, *boot);
      } else {
        Warn(r,
             "the interval ignores model-selection uncertainty; use --bootstrap 1000 for a BCa "
             "interval",
             "intervallet bortser från osäkerheten i valet av modell; ett BCa-intervall med "
             "bootstrap (till exempel 1 000 replikat) tar med den");
      }
      result = r;
      break;
    }
    case Method::kClosedp: {
      auto rows = ClosedPopulationModels(table);
      if (!rows) {
        return InvalidArgument("closedp needs at least 3 lists, the table has " +
                                   std::to_string(k),
                               "method");
      }
      MethodResult r;
      const ClosedModel* best = nullptr;
      for (const ClosedModel& m : *rows) {
        AppendWarnings(r, m);
        if (m.converged && std::isfinite(m.aic) && (!best || m.aic < best->aic)) best = &m;
      }
      if (!best) return FailedPrecondition("no closedp model converged");
      r.estimate = best->abundance;
      r.model = best->name + " (lowest AIC)";
      r.interval = LogNormalInterval(n, best->abundance, best->std_error, request.level);
      r.interval_kind = "Chao log-normal from the standard error";
      r.interval_kind_sv = "Chaos log-normala intervall från medelfelet";
      r.closed_models = *std::move(rows);
      Warn(r, "behavioural models Mb and Mbh are not fitted: lists are not ordered occasions",
           "beteendemodellerna Mb och Mbh anpassas inte: listorna är inte ordnade "
           "fångsttillfällen");
      result = r;
      break;
    }
    case Method::kDga: {
      if (k < 3 || k > kMaxListsForDga) {
        return InvalidArgument("dga needs 3 to 6 lists, the table has " + std::to_string(k),
                               "method");
      }
      DgaOptions options;
      options.max_missing = std::max<std::int64_t>(10000, 200 * table.n_observed());
      auto post = DecomposableBma(table, options);
      if (!post) return Unexpected(post.error());
      MethodResult r;
      r.estimate = post->median;
      r.interval = {post->q025, post->q975};
      r.interval_kind = "posterior interval, averaged over " + std::to_string(post->graphs) +
                        " decomposable graphs";
      r.interval_kind_sv = "posteriort intervall, medelvärde över " +
                           std::to_string(post->graphs) + " dekomponerbara grafer";
      char prob[32];
      std::snprintf(prob, sizeof prob, "%.3f", post->top_model_prob);
      r.model = post->top_model + " (most probable graph, " + prob + ")";
      AppendWarnings(r, *post);
      if (request.level != 0.95) {
        Warn(r, "dga reports 95 % intervals only", "dga ger bara 95 %-intervall");
      }
      result = r;
      break;
    }
    case Method::kLcmcr: {
      if (k < 3) {
        return InvalidArgument("lcmcr needs at least 3 lists, the table has " + std::to_string(k),
                               "method");
      }
      LatentClassOptions options;
      options.threads = request.threads;
      auto post = SampleLatentClass(table, options, rng);
      if (!post) return Unexpected(post.error());
      MethodResult r;
      r.estimate = post->median;
      r.interval = {post->q025, post->q975};
      char detail[160];
      std::snprintf(detail, sizeof detail,
                    "posterior interval, %d chains of %d draws, R-hat %.3f, ESS %.0f",
                    options.chains, options.samples, post->r_hat, post->ess);
      r.interval_kind = detail;
      std::snprintf(detail, sizeof detail,
                    "posteriort intervall, %d kedjor med %d dragningar, R-hat %.3f, ESS %.0f",
                    options.chains, options.samples, post->r_hat, post->ess);
      r.interval_kind_sv = SwedishDecimals(detail);
      r.model = "latent classes (Dirichlet process, K = " + std::to_string(options.classes) + ")";
      AppendWarnings(r, *post);
      if (request.level != 0.95) {
        Warn(r, "lcmcr reports 95 % intervals only", "lcmcr ger bara 95 %-intervall");
      }
      result = r;
      break;
    }
  }
  if (!result) return result;
  result->method = std::string(MethodName(request.method));
  result->interval_kind = level + " % " + result->interval_kind;
  result->interval_kind_sv = level + " % " + result->interval_kind_sv;
  // The table's own warnings first.
  internal::TableWarnings diagnostics = internal::DiagnoseBothLanguages(table);
  AppendWarnings(diagnostics, *result);
  result->warnings = std::move(diagnostics.warnings);
  result->warnings_sv = std::move(diagnostics.warnings_sv);
  return result;
}

std::vector<LeaveOneOut> LeaveOneListOut(const CaptureTable& table, Method method) {
  std::vector<LeaveOneOut> out;
  const int k = table.num_lists();
  if (k < 3) return out;
  for (int j = 0; j < k; ++j) {
    std::vector<std::string> names;
    for (int i = 0; i < k; ++i) {
      if (i != j) names.push_back(table.list_names()[static_cast<std::size_t>(i)]);
    }
    std::vector<std::int64_t> counts(std::size_t{1} << (k - 1), 0);
    for (Pattern p = 0; p < (Pattern{1} << k); ++p) {
      if (!(p >> j & 1U)) continue;
      const Pattern low = p & ((Pattern{1} << j) - 1);
      const Pattern high = (p >> (j + 1)) << j;
      counts[low | high] += table.count(p);
    }
    counts[0] = 0;  // on list j only: the "hidden" part of this check
    // Lists that share nobody with list j say nothing here: leave them out.
    std::vector<double> as_double(counts.begin(), counts.end());
    auto [kept, reduced] = DropEmptyLists(k - 1, as_double);
    if (kept.size() < 2) continue;
    std::vector<std::string> kept_names;
    for (int i : kept) kept_names.push_back(names[static_cast<std::size_t>(i)]);
    std::vector<std::int64_t> kept_counts(reduced.begin(), reduced.end());
    auto sub = CaptureTable::Create(std::move(kept_names), std::move(kept_counts));
    if (!sub) continue;
    EstimateRequest request;
    // The sampler is too slow to repeat per list; the check then uses stepwise.
    request.method = method == Method::kLcmcr ? Method::kStepwise : method;
    if (sub->num_lists() == 2 && method != Method::kChapman) request.method = Method::kIndependence;
    if (sub->num_lists() > kMaxListsForSearch &&
        (method == Method::kAic || method == Method::kBic)) {
      request.method = Method::kStepwise;
    }
    std::mt19937_64 rng(0);  // no bootstrap: unused
    auto r = Estimate(*sub, request, rng);
    if (!r) continue;
    const std::int64_t size = table.ListTotal(j);
    // A run-away fit (more than 1000 times the list) is no estimate at all.
    if (r->estimate > 1000.0 * static_cast<double>(size)) {
      r->estimate = std::numeric_limits<double>::infinity();
    }
    out.push_back({table.list_names()[static_cast<std::size_t>(j)], size, r->estimate,
                   (r->estimate - static_cast<double>(size)) / static_cast<double>(size)});
  }
  return out;
}

Comparison Compare(const CaptureTable& table, const EstimateRequest& request,
                   std::mt19937_64& rng) {
  Comparison out;
  for (Method m : kAllMethods) {
    EstimateRequest one = request;
    one.method = m;
    auto r = Estimate(table, one, rng);
    if (r) {
      out.results.push_back(*std::move(r));
    } else {
      out.skipped.push_back(std::string(MethodName(m)) + ": " + r.error().message());
    }
  }
  return out;
}

}  // namespace synlig::estimate
