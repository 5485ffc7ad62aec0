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
    for (double c : counts_) log_factorials_ += std::lgamma(c + 1);
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
  // IRLS on the binary design without forming it: for 0/1 columns, (XᵀWX)_ab is the sum of μ
  // over the cells containing pattern a|b, so XᵀWX and XᵀWz come from superset sums of μ and μz,
  // and η = Xβ from a subset sum of β placed at its patterns (O(k·2^k) per iteration).
  void FitOne(std::uint32_t mask) {
    const LoglinearModel model = ModelOf(mask);
    const std::size_t cells = counts_.size();
    std::vector<Pattern> cols{0};
    for (int j = 0; j < k_; ++j) cols.push_back(Pattern{1} << j);
    std::vector<Pattern> empty;
    for (Pattern term : model.terms) {
      double margin = 0;
      for (std::size_t c = 1; c < cells; ++c) {
        if ((static_cast<Pattern>(c) & term) == term) margin += counts_[c];
      }
      (margin > 0 ? cols : empty).push_back(term);
    }
    std::vector<char> kept(cells, 1);
    kept[0] = 0;
    std::size_t kept_cells = 0;
    for (std::size_t c = 1; c < cells; ++c) {
      for (Pattern term : empty) {
        if ((static_cast<Pattern>(c) & term) == term) kept[c] = 0;
      }
      kept_cells += static_cast<std::size_t>(kept[c]);
    }
    const auto p = static_cast<Eigen::Index>(cols.size());
    if (kept_cells <= cols.size()) return;
    std::vector<double> mu(cells, 0.0), eta(cells, 0.0), sum_mu(cells), sum_wz(cells);
    const std::vector<double>* parent = nullptr;
    if (mask != 0) {
      const std::uint32_t top = std::uint32_t{1} << (31 - std::countl_zero(mask));
      if (!mu_[mask & ~top].empty()) parent = &mu_[mask & ~top];
    }
    for (std::size_t c = 1; c < cells; ++c) {
      if (!kept[c]) continue;
      mu[c] = parent ? std::max((*parent)[c], 1e-8) : counts_[c] + 0.1;
      eta[c] = std::log(mu[c]);
    }
    auto deviance = [&] {
      double dev = 0;
      for (std::size_t c = 1; c < cells; ++c) {
        if (!kept[c]) continue;
        dev += (counts_[c] > 0 ? counts_[c] * std::log(counts_[c] / mu[c]) : 0.0) -
               (counts_[c] - mu[c]);
      }
      return 2 * dev;
    };
    double devold = deviance();
    Eigen::MatrixXd a(p, p);
    Eigen::VectorXd b(p);
    Eigen::VectorXd beta;
    bool ok = false;
    constexpr double kEps = std::numeric_limits<double>::epsilon();
    for (int iter = 0; iter < 50; ++iter) {
      for (std::size_t c = 0; c < cells; ++c) {
        sum_mu[c] = kept[c] ? mu[c] : 0.0;
        sum_wz[c] = kept[c] ? mu[c] * eta[c] + (counts_[c] - mu[c]) : 0.0;
      }
      for (int i = 0; i < k_; ++i) {
        const std::size_t bit = std::size_t{1} << i;
        for (std::size_t c = 0; c < cells; ++c) {
          if (!(c & bit)) {
            sum_mu[c] += sum_mu[c | bit];
            sum_wz[c] += sum_wz[c | bit];
          }
        }
      }
      for (Eigen::Index r = 0; r < p; ++r) {
        b[r] = sum_wz[cols[static_cast<std::size_t>(r)]];
        for (Eigen::Index q = 0; q <= r; ++q) {
          a(r, q) = sum_mu[cols[static_cast<std::size_t>(r)] | cols[static_cast<std::size_t>(q)]];
        }
      }
      Eigen::LLT<Eigen::MatrixXd> llt(a);
      if (llt.info() != Eigen::Success) return;
      beta = llt.solve(b);
      if (!beta.allFinite()) return;
      std::fill(eta.begin(), eta.end(), 0.0);
      for (Eigen::Index r = 0; r < p; ++r) eta[cols[static_cast<std::size_t>(r)]] += beta[r];
      for (int i = 0; i < k_; ++i) {
        const std::size_t bit = std::size_t{1} << i;
        for (std::size_t c = 0; c < cells; ++c) {
          if (c & bit) eta[c] += eta[c ^ bit];
        }
      }
      for (std::size_t c = 1; c < cells; ++c) {
        if (kept[c]) mu[c] = std::max(std::exp(eta[c]), kEps);
      }
      const double dev = deviance();
      if (!std::isfinite(dev)) return;
      if (std::abs(dev - devold) / (std::abs(dev) + 0.1) < 1e-8) {
        ok = true;
        break;
      }
      devold = dev;
    }
    (void)ok;  // a fit still moving after 50 iterations is scored where it stands (boundary)
    double ll = 0;
    for (std::size_t c = 1; c < cells; ++c) {
      if (kept[c]) ll += (counts_[c] > 0 ? counts_[c] * std::log(mu[c]) : 0.0) - mu[c];
    }
    ll -= log_factorials_;
    const double params = static_cast<double>(cols.size() + empty.size());
    Scored& s = scores_[mask];
    s.aic = -2 * ll + 2 * params;
    s.bic = -2 * ll + std::log(n_) * params;
    s.estimate = n_ + std::exp(beta[0]);
    s.ok = std::isfinite(s.estimate) && std::isfinite(s.aic);
    mu_[mask] = std::move(mu);
  }

  int k_;
  ModelSearchOptions options_;
  std::vector<Pattern> terms_;
  std::vector<std::uint32_t> masks_;
  std::vector<double> counts_;
  double n_;
  double log_factorials_ = 0;
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
