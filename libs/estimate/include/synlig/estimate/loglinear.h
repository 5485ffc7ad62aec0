// Hierarchical log-linear models of a capture table (main effects of every list plus chosen
// interactions), fitted as a Poisson GLM over the 2^k − 1 observable cells; the unobserved cell
// is exp(intercept). Interactions whose lists never overlap are handled as in Chan, Silverman &
// Vincent (2021): the cells containing them are fixed at zero (extended MLE). Usage:
//   LoglinearModel model{.terms = {0b0011, 0b1100}};  // lists 0:1 and 2:3
//   auto fit = FitLoglinear(table, model);
//   fit->estimate; fit->std_error; FormatModel(model, table.list_names());
#pragma once

#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/poisson_glm.h"
#include "synlig/estimate/two_list.h"

namespace synlig::estimate {

struct LoglinearModel {
  // Interaction terms as sets of lists (at least 2 bits each); main effects are implicit.
  std::vector<Pattern> terms;
};

// "LA:NG + GO:GP"; "independence" when there are no interactions.
std::string FormatModel(const LoglinearModel& model, const std::vector<std::string>& names);
// Every pair of lists (i < j) in the order (0,1), (0,2), ..., (1,2), ...
std::vector<Pattern> AllPairs(int num_lists);

// kInvalidArgument (field "model") if a term has fewer than 2 lists, names a list beyond
// num_lists, is repeated, or the model is not hierarchical (a term's sub-interaction missing).
Status CheckModel(const LoglinearModel& model, int num_lists);

struct LoglinearFit {
  LoglinearModel model;
  std::vector<Pattern> empty_terms;  // terms whose lists never overlap (fixed at −∞)
  Eigen::VectorXd coefficients;      // intercept, main effects, non-empty terms
  Eigen::MatrixXd covariance;
  double deviance = 0;
  int df = 0;
  int num_parameters = 0;  // including empty terms
  double log_likelihood = 0;
  double aic = 0;  // −2 log L + 2 p (p counts empty terms, as SparseMSE)
  double bic = 0;  // −2 log L + log(n) p
  double unobserved = 0;  // fitted count of the unobserved cell
  double estimate = 0;    // n + unobserved
  double std_error = 0;   // delta method: sqrt(m0 + m0² var(intercept))
  Interval log_normal;    // n + exp(intercept ± z sd): model-conditional (SparseMSE)
  bool converged = false;
  int iterations = 0;
  std::vector<double> fitted;  // per pattern, 2^k entries, [0] = unobserved
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// Errors: kInvalidArgument from CheckModel; kFailedPrecondition when the parameters are not
// identifiable (rank-deficient design) or the fit diverged to a non-finite estimate. A fit whose
// MLE does not exist (mle_check.h), that did not converge, or whose estimate runs away is
// returned with a warning.
Result<LoglinearFit> FitLoglinear(const CaptureTable& table, const LoglinearModel& model,
                                  const GlmOptions& options = {}, double level = 0.95);

// Profile-likelihood interval for N under `model` (multinomial likelihood of the complete
// table, maximised over the model for each N; Cormack 1992). high may be +∞ when the likelihood
// does not fall far enough. Errors: as FitLoglinear.
Result<Interval> ProfileInterval(const CaptureTable& table, const LoglinearModel& model,
                                 double level = 0.95);

namespace internal {
// Design of `model` over the cells kept (patterns, in increasing order), with the terms that are
// empty in `counts` removed. counts has 2^k entries.
struct Design {
  std::vector<Pattern> cells;
  std::vector<Pattern> columns;  // 0 = intercept, single bit = main effect, else interaction
  std::vector<Pattern> empty_terms;
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};
Design BuildDesign(int num_lists, std::span<const double> counts, const LoglinearModel& model,
                   bool include_unobserved = false);
}  // namespace internal

}  // namespace synlig::estimate
