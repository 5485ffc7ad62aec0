// IRLS for the Poisson log-linear GLM.
#include "synlig/estimate/poisson_glm.h"

#include <cmath>
#include <limits>

namespace synlig::estimate {

double PoissonDeviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu) {
  double dev = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double yi = y[i];
    dev += (yi > 0 ? yi * std::log(yi / mu[i]) : 0.0) - (yi - mu[i]);
  }
  return 2 * dev;
}

Result<GlmResult> FitPoissonGlm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                const GlmOptions& options, const Eigen::VectorXd* offset,
                                const Eigen::VectorXd* start_mu) {
  const Eigen::Index n = x.rows();
  const Eigen::Index p = x.cols();
  if (y.size() != n || (offset && offset->size() != n) || (start_mu && start_mu->size() != n)) {
    return InvalidArgument("design, counts, offset and start must have the same rows", "design");
  }
  if (n < p) {
    return FailedPrecondition("fewer cells (" + std::to_string(n) + ") than parameters (" +
                              std::to_string(p) + "): the parameters are not identifiable");
  }
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  Eigen::VectorXd mu = start_mu ? *start_mu : Eigen::VectorXd(y.array() + 0.1);
  Eigen::VectorXd eta = mu.array().log();
  double devold = PoissonDeviance(y, mu);
  GlmResult result;
  Eigen::VectorXd w(n);
  Eigen::MatrixXd r_factor;  // upper triangle with XᵀWX = P RᵀR Pᵀ
  Eigen::PermutationMatrix<Eigen::Dynamic> perm(p);
  perm.setIdentity();
  Eigen::MatrixXd xw(n, p);
  Eigen::VectorXd z(n);
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    for (Eigen::Index i = 0; i < n; ++i) {
      z[i] = eta[i] - (offset ? (*offset)[i] : 0.0) + (y[i] - mu[i]) / mu[i];
      w[i] = std::sqrt(mu[i]);
    }
    Eigen::VectorXd beta;
    if (options.fast) {
      xw = w.asDiagonal() * x;
      Eigen::MatrixXd xtwx = Eigen::MatrixXd::Zero(p, p);
      xtwx.selfadjointView<Eigen::Lower>().rankUpdate(xw.transpose());
      Eigen::LLT<Eigen::MatrixXd> llt(xtwx);
      if (llt.info() != Eigen::Success) {
        return FailedPrecondition("the design is rank-deficient: parameters are not identifiable");
      }
      beta = llt.solve(x.transpose() * (mu.array() * z.array()).matrix());
      if (options.covariance) r_factor = llt.matrixU();
    } else {
      xw = w.asDiagonal() * x;
      Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(xw);
      qr.setThreshold(1e-11);
      if (qr.rank() < p) {
        return FailedPrecondition("the design is rank-deficient: parameters are not identifiable");
      }
      beta = qr.solve((w.array() * z.array()).matrix());
      r_factor = qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>();
      perm = qr.colsPermutation();
    }
    eta = x * beta;
    if (offset) eta += *offset;
    for (Eigen::Index i = 0; i < n; ++i) mu[i] = std::max(std::exp(eta[i]), kEps);
    const double dev = PoissonDeviance(y, mu);
    if (!std::isfinite(dev) || !beta.allFinite()) {
      return FailedPrecondition("the fit diverged (non-finite deviance)");
    }
    result.beta = std::move(beta);
    result.iterations = iter;
    result.deviance = dev;
    if (std::abs(dev - devold) / (std::abs(dev) + 0.1) < options.epsilon) {
      result.converged = true;
      break;
    }
    devold = dev;
  }
  if (result.iterations == 0) return FailedPrecondition("no iteration was allowed");
  if (options.covariance) {
    // (XᵀWX)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ.
    Eigen::MatrixXd r_inv = r_factor.triangularView<Eigen::Upper>().solve(
        Eigen::MatrixXd::Identity(p, p));
    result.covariance = perm * (r_inv * r_inv.transpose()) * perm.transpose();
  }
  result.mu = mu;
  double ll = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    ll += (y[i] > 0 ? y[i] * std::log(mu[i]) : 0.0) - mu[i] - std::lgamma(y[i] + 1);
  }
  result.log_likelihood = ll;
  return result;
}

}  // namespace synlig::estimate
