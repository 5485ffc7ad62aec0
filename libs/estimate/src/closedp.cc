// Rcapture-style closed population models over the 2^k − 1 observable cells.
#include "synlig/estimate/closedp.h"

#include <bit>
#include <cmath>
#include <limits>

#include "synlig/estimate/poisson_glm.h"
#include "synlig/estimate/warnings.h"

namespace synlig::estimate {
namespace {

enum class Heterogeneity { kNone, kChao, kPoisson2, kDarroch, kGamma35 };

// Columns that model heterogeneity as a function of the number of captures c, zero at c = 0.
std::vector<Eigen::VectorXd> HeterogeneityColumns(Heterogeneity h, const Eigen::VectorXd& c,
                                                  int k) {
  std::vector<Eigen::VectorXd> cols;
  switch (h) {
    case Heterogeneity::kNone:
      break;
    case Heterogeneity::kChao:
      for (int j = 3; j <= k; ++j) cols.push_back((c.array() - (j - 1)).max(0.0).matrix());
      break;
    case Heterogeneity::kPoisson2:
      cols.push_back((c.array() * std::log(2.0)).exp().matrix() - Eigen::VectorXd::Ones(c.size()));
      break;
    case Heterogeneity::kDarroch:
      cols.push_back((c.array().square() / 2).matrix());
      break;
    case Heterogeneity::kGamma35:
      cols.push_back((-(c.array() + 3.5).log() + std::log(3.5)).matrix());
      break;
  }
  return cols;
}

ClosedModel Fit(const std::string& name, const Eigen::MatrixXd& base,
                std::vector<Eigen::VectorXd> extra, bool chao, const Eigen::VectorXd& y, double n) {
  ClosedModel out;
  out.name = name;
  const Eigen::Index nca = base.cols();
  while (true) {
    Eigen::MatrixXd x(base.rows(), nca + static_cast<Eigen::Index>(extra.size()));
    x.leftCols(nca) = base;
    for (std::size_t j = 0; j < extra.size(); ++j) {
      x.col(nca + static_cast<Eigen::Index>(j)) = extra[j];
    }
    auto glm = FitPoissonGlm(x, y, {});
    if (!glm) {
      const double nan = std::numeric_limits<double>::quiet_NaN();
      out.abundance = out.std_error = out.deviance = out.aic = out.bic = nan;
      out.converged = false;
      Warn(out, name + ": " + glm.error().message(), name + ": modellen kunde inte anpassas");
      return out;
    }
    if (chao) {
      // Drop the first negative η and refit, as long as one is negative.
      Eigen::Index negative = -1;
      for (Eigen::Index j = nca; j < x.cols() && negative < 0; ++j) {
        if (glm->beta[j] < 0) negative = j - nca;
      }
      if (negative >= 0) {
        extra.erase(extra.begin() + negative);
        continue;
      }
    }
    const double m0 = std::exp(glm->beta[0]);
    const auto p = static_cast<double>(x.cols());
    out.abundance = n + m0;
    out.std_error = std::sqrt(m0 + m0 * m0 * glm->covariance(0, 0));
    out.deviance = glm->deviance;
    out.df = static_cast<int>(x.rows() - x.cols());
    out.aic = -2 * glm->log_likelihood + 2 * p;
    out.bic = -2 * glm->log_likelihood + std::log(n) * p;
    out.converged = glm->converged;
    if (!glm->converged) {
      Warn(out, name + ": the fit did not converge", name + ": anpassningen konvergerade inte");
    }
    return out;
  }
}

}  // namespace

Result<std::vector<ClosedModel>> ClosedPopulationModels(const CaptureTable& table) {
  const int k = table.num_lists();
  if (k < 3) {
    return InvalidArgument("the closedp models need at least 3 lists, got " + std::to_string(k),
                           "lists");
  }
  const Eigen::Index rows = (Eigen::Index{1} << k) - 1;
  Eigen::VectorXd y(rows), c(rows);
  Eigen::MatrixXd mt(rows, k + 1), m0(rows, 2);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const auto p = static_cast<Pattern>(r + 1);
    y[r] = static_cast<double>(table.count(p));
    c[r] = std::popcount(p);
    mt(r, 0) = 1;
    for (int j = 0; j < k; ++j) mt(r, j + 1) = (p >> j) & 1U;
    m0(r, 0) = 1;
    m0(r, 1) = c[r];
  }
  const double n = static_cast<double>(table.n_observed());
  std::vector<ClosedModel> out;
  out.push_back(Fit("M0", m0, {}, false, y, n));
  out.push_back(Fit("Mt", mt, {}, false, y, n));
  struct Het {
    const char* name;
    Heterogeneity h;
  };
  const Het hets[] = {{"Chao (LB)", Heterogeneity::kChao},
                      {"Poisson2", Heterogeneity::kPoisson2},
                      {"Darroch", Heterogeneity::kDarroch},
                      {"Gamma3.5", Heterogeneity::kGamma35}};
  for (const Het& het : hets) {
    out.push_back(Fit(std::string("Mh ") + het.name, m0, HeterogeneityColumns(het.h, c, k),
                      het.h == Heterogeneity::kChao, y, n));
  }
  for (const Het& het : hets) {
    out.push_back(Fit(std::string("Mth ") + het.name, mt, HeterogeneityColumns(het.h, c, k),
                      het.h == Heterogeneity::kChao, y, n));
  }
  return out;
}

}  // namespace synlig::estimate
