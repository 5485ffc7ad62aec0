// Poisson GLM with log link fitted by iteratively reweighted least squares, following the
// iteration of R's glm.fit (start μ = y + 0.1, relative deviance change < ε, μ ≥ machine ε) so
// that boundary fits stop where R's do. Usage:
//   GlmResult fit = FitPoissonGlm(x, y, {});  // x: cells × parameters, y: counts
#pragma once

#include <Eigen/Dense>

#include "synlig/core/error.h"

namespace synlig::estimate {

struct GlmOptions {
  int max_iterations = 25;  // R's glm.control default
  double epsilon = 1e-8;    // relative change of deviance
  // Normal equations with Cholesky instead of QR: faster, less accurate when weights span many
  // orders of magnitude. Used by the model search.
  bool fast = false;
  // Compute the covariance of the coefficients (skipped by the model search).
  bool covariance = true;
};

struct GlmResult {
  Eigen::VectorXd beta;
  Eigen::VectorXd mu;          // fitted means
  Eigen::MatrixXd covariance;  // (XᵀWX)⁻¹ at the weights of the last iteration (R's cov.unscaled)
  double deviance = 0;
  double log_likelihood = 0;  // Σ y log μ − μ − log y!
  int iterations = 0;
  bool converged = false;
};

// Preconditions: x.rows() == y.rows() (and offset, start_mu if given), y ≥ 0.
// Errors: kInvalidArgument for mismatched sizes; kFailedPrecondition when there are fewer cells
// than parameters or the design is rank-deficient (parameters not identifiable) or the
// iteration produced non-finite numbers.
Result<GlmResult> FitPoissonGlm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                const GlmOptions& options, const Eigen::VectorXd* offset = nullptr,
                                const Eigen::VectorXd* start_mu = nullptr);

// Poisson deviance 2 Σ (y log(y/μ) − (y − μ)).
double PoissonDeviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu);

}  // namespace synlig::estimate
