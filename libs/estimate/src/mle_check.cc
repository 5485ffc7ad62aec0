// Existence (GLPK linear program) and identifiability (rank) of log-linear MLEs.
#include "synlig/estimate/mle_check.h"

#include <glpk.h>

#include <cmath>
#include <mutex>
#include <vector>

namespace synlig::estimate {
namespace {

// GLPK keeps global state; one solver call at a time.
std::mutex& GlpkMutex() {
  static std::mutex mutex;
  return mutex;
}

// Largest Σ c_i over c = Cφ with 0 ≤ c ≤ 1 (φ free). Positive iff a non-zero direction of the
// model space is ≥ 0 on the empty cells and 0 on the observed ones (Haberman 1974).
double SolveDirectionLp(const Eigen::MatrixXd& c) {
  const int rows = static_cast<int>(c.rows());
  const int cols = static_cast<int>(c.cols());
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < cols; ++j) {
      if (std::abs(c(r, j)) > 1e-12) {
        ia.push_back(r + 1);
        ja.push_back(j + 1);
        ar.push_back(c(r, j));
      }
    }
  }
  const Eigen::VectorXd objective = c.colwise().sum();
  std::lock_guard<std::mutex> lock(GlpkMutex());
  glp_prob* lp = glp_create_prob();
  glp_set_obj_dir(lp, GLP_MAX);
  glp_add_rows(lp, rows);
  for (int r = 0; r < rows; ++r) glp_set_row_bnds(lp, r + 1, GLP_DB, 0.0, 1.0);
  glp_add_cols(lp, cols);
  for (int j = 0; j < cols; ++j) {
    glp_set_col_bnds(lp, j + 1, GLP_FR, 0.0, 0.0);
    glp_set_obj_coef(lp, j + 1, objective[j]);
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  const int status = glp_simplex(lp, &parm);
  double value = 0;
  if (status == 0 && glp_get_status(lp) == GLP_OPT) value = glp_get_obj_val(lp);
  glp_delete_prob(lp);
  // GLPK keeps an environment per thread that a finished thread would leak: free it now.
  glp_free_env();
  return value;
}

}  // namespace

MleCheck CheckMle(const CaptureTable& table, const LoglinearModel& model) {
  std::vector<double> counts(table.counts().begin(), table.counts().end());
  return CheckMle(table.num_lists(), counts, model);
}

MleCheck CheckMle(int num_lists, std::span<const double> counts, const LoglinearModel& model) {
  MleCheck check;
  internal::Design d = internal::BuildDesign(num_lists, counts, model);
  if (d.x.rows() < d.x.cols()) {
    check.identifiable = false;
  } else {
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(d.x);
    check.identifiable = qr.rank() == d.x.cols();
  }
  // Directions θ with (Aθ)_i = 0 on every observed cell: the kernel of the observed rows.
  std::vector<Eigen::Index> observed, empty;
  for (Eigen::Index r = 0; r < d.y.size(); ++r) (d.y[r] > 0 ? observed : empty).push_back(r);
  if (empty.empty()) return check;
  Eigen::MatrixXd a_obs(static_cast<Eigen::Index>(observed.size()), d.x.cols());
  for (std::size_t i = 0; i < observed.size(); ++i) {
    a_obs.row(static_cast<Eigen::Index>(i)) = d.x.row(observed[i]);
  }
  Eigen::FullPivLU<Eigen::MatrixXd> lu(a_obs);
  if (lu.rank() == d.x.cols()) return check;  // no direction: the MLE exists
  const Eigen::MatrixXd kernel = lu.kernel();
  Eigen::MatrixXd a_empty(static_cast<Eigen::Index>(empty.size()), d.x.cols());
  for (std::size_t i = 0; i < empty.size(); ++i) {
    a_empty.row(static_cast<Eigen::Index>(i)) = d.x.row(empty[i]);
  }
  check.exists = SolveDirectionLp(a_empty * kernel) <= 1e-7;
  return check;
}

}  // namespace synlig::estimate
