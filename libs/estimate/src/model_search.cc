// Exhaustive search over hierarchical two-way log-linear models, warm-started and threaded.
#include "synlig/estimate/model_search.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>
#include <thread>

#include "synlig/estimate/mle_check.h"

namespace synlig::estimate {
namespace {

struct Scored {
  double aic = std::numeric_limits<double>::infinity();
  double bic = std::numeric_limits<double>::infinity();
  double estimate = std::numeric_limits<double>::quiet_NaN();
  bool ok = false;
};

class Searcher {
 public:
  Searcher(const CaptureTable& table, const ModelSearchOptions& options)
      : k_(table.num_lists()), options_(options), terms_(AllPairs(k_)),
        counts_(table.counts().begin(), table.counts().end()),
        n_(static_cast<double>(table.n_observed())) {
    const std::size_t num_pairs = terms_.size();
    if (options.max_order >= 3) {
      for (Pattern t = 0; t < (Pattern{1} << k_); ++t) {
        if (std::popcount(t) == 3) terms_.push_back(t);
      }
    }
    // Hierarchical: every pair inside a chosen triple is chosen. Pairs come first in terms_, so
    // removing the highest term of a model leaves a hierarchical parent.
    std::vector<std::uint32_t> needs(terms_.size(), 0);
    for (std::size_t t = num_pairs; t < terms_.size(); ++t) {
      for (std::size_t j = 0; j < num_pairs; ++j) {
        if ((terms_[t] & terms_[j]) == terms_[j]) needs[t] |= std::uint32_t{1} << j;
      }
    }
    const std::uint32_t all = terms_.size() >= 32 ? ~0U : (std::uint32_t{1} << terms_.size());
    for (std::uint32_t m = 0; m < all; ++m) {
      bool hierarchical = true;
      for (std::size_t t = num_pairs; t < terms_.size() && hierarchical; ++t) {
        if ((m >> t & 1U) && (m & needs[t]) != needs[t]) hierarchical = false;
      }
      if (hierarchical) masks_.push_back(m);
    }
    mu_.assign(all, {});
    scores_.assign(all, {});
  }

  void Run() {
    // Level by level so a model's parent is always finished.
    std::vector<std::vector<std::uint32_t>> levels(terms_.size() + 1);
    for (std::uint32_t m : masks_) levels[std::popcount(m)].push_back(m);
    for (const auto& level : levels) {
      if (level.empty()) continue;
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < level.size(); i = next++) FitOne(level[i]);
      };
      const int threads = std::min<int>(options_.threads, static_cast<int>(level.size()));
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t) pool.emplace_back(work);
      work();
      for (std::thread& t : pool) t.join();
      // Parents of the next level are this level; older fits are no longer needed.
      if (std::popcount(level.front()) >= 1) {
        for (std::uint32_t m : levels[std::popcount(level.front()) - 1]) {
          std::vector<double>().swap(mu_[m]);
        }
      }
    }
  }

  LoglinearModel ModelOf(std::uint32_t mask) const {
    LoglinearModel model;
    for (std::size_t j = 0; j < terms_.size(); ++j) {
      if (mask >> j & 1U) model.terms.push_back(terms_[j]);
    }
    return model;
  }

  const std::vector<Scored>& scores() const { return scores_; }
  const std::vector<std::uint32_t>& masks() const { return masks_; }

 private:
  void FitOne(std::uint32_t mask) {
    const LoglinearModel model = ModelOf(mask);
    internal::Design d = internal::BuildDesign(k_, counts_, model);
    if (d.x.rows() <= d.x.cols()) return;
    Eigen::VectorXd start;
    const Eigen::VectorXd* start_ptr = nullptr;
    if (mask != 0) {
      const std::uint32_t top = std::uint32_t{1} << (31 - std::countl_zero(mask));
      const std::vector<double>& parent = mu_[mask & ~top];
      if (!parent.empty()) {
        start.resize(d.x.rows());
        for (Eigen::Index r = 0; r < d.x.rows(); ++r) {
          start[r] = std::max(parent[d.cells[static_cast<std::size_t>(r)]], 1e-8);
        }
        start_ptr = &start;
      }
    }
    GlmOptions glm_options;
    glm_options.fast = true;
    glm_options.max_iterations = 50;
    auto glm = FitPoissonGlm(d.x, d.y, glm_options, nullptr, start_ptr);
    if (!glm) return;
    const double p = static_cast<double>(d.columns.size() + d.empty_terms.size());
    Scored& s = scores_[mask];
    s.aic = -2 * glm->log_likelihood + 2 * p;
    s.bic = -2 * glm->log_likelihood + std::log(n_) * p;
    s.estimate = n_ + std::exp(glm->beta[0]);
    s.ok = std::isfinite(s.estimate) && std::isfinite(s.aic);
    std::vector<double> mu(counts_.size(), 0.0);
    for (std::size_t r = 0; r < d.cells.size(); ++r) mu[d.cells[r]] = glm->mu[static_cast<Eigen::Index>(r)];
    mu_[mask] = std::move(mu);
  }

  int k_;
  ModelSearchOptions options_;
  std::vector<Pattern> terms_;
  std::vector<std::uint32_t> masks_;
  std::vector<double> counts_;
  double n_;
  std::vector<std::vector<double>> mu_;
  std::vector<Scored> scores_;
};

}  // namespace

Result<ModelSearchResult> SearchModels(const CaptureTable& table,
                                       const ModelSearchOptions& options) {
  if (table.num_lists() > kMaxListsForSearch) {
    return Fail(ErrorCode::kResourceExhausted,
                "searching all models is limited to 6 lists (2^15 models); use stepwise for " +
                    std::to_string(table.num_lists()) + " lists",
                "lists");
  }
  if (options.threads < 1) return InvalidArgument("threads must be at least 1", "threads");
  if (options.max_order < 2 || options.max_order > 3 ||
      (options.max_order == 3 && table.num_lists() > 5)) {
    return InvalidArgument("max_order must be 2, or 3 for at most 5 lists", "max_order");
  }
  Searcher searcher(table, options);
  searcher.Run();
  const auto& scores = searcher.scores();
  std::vector<std::uint32_t> order;
  ModelSearchResult result;
  for (std::uint32_t m : searcher.masks()) {
    if (scores[m].ok) {
      order.push_back(m);
      ++result.models_fitted;
    } else {
      ++result.models_skipped;
    }
  }
  if (order.empty()) return FailedPrecondition("no model could be fitted");
  auto key = [&](std::uint32_t m) {
    return options.criterion == Criterion::kAic ? scores[m].aic : scores[m].bic;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return key(a) < key(b) || (key(a) == key(b) && a < b);
  });
  // The existence check (a linear program) runs lazily, best models first.
  const std::size_t keep = static_cast<std::size_t>(std::max(options.keep_top, 1));
  std::vector<double> counts(table.counts().begin(), table.counts().end());
  for (std::uint32_t m : order) {
    if (result.ranking.size() >= keep) break;
    LoglinearModel model = searcher.ModelOf(m);
    if (options.require_existence && !CheckMle(table.num_lists(), counts, model).ok()) {
      ++result.models_skipped;
      --result.models_fitted;
      continue;
    }
    const Scored& s = scores[m];
    result.ranking.push_back({std::move(model), s.aic, s.bic, s.estimate});
  }
  if (result.ranking.empty()) return FailedPrecondition("no model has an existing MLE");
  auto fit = FitLoglinear(table, result.ranking.front().model);
  if (!fit) return Unexpected(fit.error());
  result.fit = *std::move(fit);
  return result;
}

}  // namespace synlig::estimate
