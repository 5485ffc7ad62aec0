// GLPK linear programs of the attacker: the system is reduced to its unknown figures (known
// ones move to the right-hand side), split into independent components, and each component is
// one LP re-solved from the previous basis for the minimum and maximum of each target.
#include "lp.h"

#include <glpk.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <string>

namespace synlig::disclosure::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Counts are integers below 2^40 and LP vertices of these systems are (near) integral.
constexpr double kTolerance = 1e-6;

// GLPK keeps global state (its environment); one solver at a time in this library.
std::mutex& GlpkMutex() {
  static std::mutex mutex;
  return mutex;
}

struct Row {
  std::vector<int> cols;
  std::vector<double> coefs;
  double rhs = 0;
};

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

std::string Name(const System& s, int id) {
  if (id < static_cast<int>(s.names.size())) return s.names[id];
  return "figure " + std::to_string(id);
}

// The unknown-only rows of the system, or kInvalidArgument when a row of known figures does
// not add up.
Result<std::vector<Row>> Reduce(const System& s, const std::vector<int>& column_of) {
  std::vector<Row> rows;
  for (const Equation& e : s.eqs) {
    Row row;
    double known = 0;
    auto term = [&](int id, double coef) {
      if (s.unknown[id]) {
        row.cols.push_back(column_of[id]);
        row.coefs.push_back(coef);
      } else {
        known += coef * s.value[id];
      }
    };
    term(e.total, 1.0);
    for (int part : e.parts) term(part, -1.0);
    row.rhs = -known;
    if (row.cols.empty()) {
      if (std::abs(known) > kTolerance) {
        return InvalidArgument("the published figures do not add up: " + Name(s, e.total) +
                                   " differs from the sum of its parts by " +
                                   std::to_string(static_cast<long long>(std::llround(known))),
                               "cells");
      }
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

double Tighten(double x, bool up) {
  if (std::isinf(x)) return x;
  return up ? std::ceil(x - kTolerance) : std::floor(x + kTolerance);
}

// One component's LP, solved repeatedly with changing objectives.
class ComponentLp {
 public:
  ComponentLp(const std::vector<Row>& rows, const std::vector<int>& row_ids,
              const std::vector<double>& lo, const std::vector<double>& hi,
              const std::vector<int>& cols)
      : cols_(cols) {
    lp_ = glp_create_prob();
    local_.assign(lo.size(), -1);
    for (std::size_t j = 0; j < cols.size(); ++j) local_[cols[j]] = static_cast<int>(j);
    glp_add_cols(lp_, static_cast<int>(cols.size()));
    for (std::size_t j = 0; j < cols.size(); ++j) {
      const double l = lo[cols[j]];
      const double h = hi[cols[j]];
      const int type = std::isinf(h) ? GLP_LO : (h > l ? GLP_DB : GLP_FX);
      glp_set_col_bnds(lp_, static_cast<int>(j) + 1, type, l, std::isinf(h) ? 0.0 : h);
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    if (!row_ids.empty()) glp_add_rows(lp_, static_cast<int>(row_ids.size()));
    for (std::size_t i = 0; i < row_ids.size(); ++i) {
      const Row& row = rows[row_ids[i]];
      glp_set_row_bnds(lp_, static_cast<int>(i) + 1, GLP_FX, row.rhs, row.rhs);
      for (std::size_t t = 0; t < row.cols.size(); ++t) {
        ia.push_back(static_cast<int>(i) + 1);
        ja.push_back(local_[row.cols[t]] + 1);
        ar.push_back(row.coefs[t]);
      }
    }
    glp_load_matrix(lp_, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_init_smcp(&parm_);
    parm_.msg_lev = GLP_MSG_OFF;
    parm_.presolve = GLP_OFF;
    seen_lo_.assign(cols.size(), kInf);
    seen_hi_.assign(cols.size(), -kInf);
  }
  ~ComponentLp() { glp_delete_prob(lp_); }
  ComponentLp(const ComponentLp&) = delete;
  ComponentLp& operator=(const ComponentLp&) = delete;

  // Optimises column `col` (global index) in direction GLP_MIN / GLP_MAX. Returns the optimum,
  // +-infinity when unbounded; kInvalidArgument when infeasible, kInternal on solver failure.
  Result<double> Optimise(int col, int direction) {
    const int j = col < 0 ? -1 : local_[col];
    if (objective_ >= 0) glp_set_obj_coef(lp_, objective_ + 1, 0.0);
    if (j >= 0) glp_set_obj_coef(lp_, j + 1, 1.0);
    objective_ = j;
    glp_set_obj_dir(lp_, direction);
    int rc = glp_simplex(lp_, &parm_);
    if (rc != 0) {
      // A singular or ill-conditioned basis: start again from an advanced basis once.
      glp_adv_basis(lp_, 0);
      rc = glp_simplex(lp_, &parm_);
    }
    if (rc != 0) return Internal("GLPK simplex failed (code " + std::to_string(rc) + ")");
    const int status = glp_get_status(lp_);
    if (status == GLP_NOFEAS || glp_get_prim_stat(lp_) == GLP_NOFEAS) {
      return InvalidArgument(
          "the published figures are inconsistent: no non-negative cells add up to the "
          "published totals",
          "cells");
    }
    if (status == GLP_UNBND) return direction == GLP_MAX ? kInf : -kInf;
    if (status != GLP_OPT) {
      return Internal("GLPK ended with status " + std::to_string(status));
    }
    Record();
    return glp_get_obj_val(lp_);
  }

  // Width of what the feasible solutions seen so far already show for `col`.
  double SeenWidth(int col) const {
    const int j = local_[col];
    if (seen_hi_[j] < seen_lo_[j]) return 0;
    return Tighten(seen_hi_[j], false) - Tighten(seen_lo_[j], true);
  }

 private:
  void Record() {
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      const double x = glp_get_col_prim(lp_, static_cast<int>(j) + 1);
      seen_lo_[j] = std::min(seen_lo_[j], x);
      seen_hi_[j] = std::max(seen_hi_[j], x);
    }
  }

  glp_prob* lp_ = nullptr;
  glp_smcp parm_;
  std::vector<int> cols_;
  std::vector<int> local_;
  std::vector<double> seen_lo_, seen_hi_;
  int objective_ = -1;
};

// Components of the reduced system: for each, its rows and its columns (global column index).
struct Components {
  std::vector<std::vector<int>> rows, cols;
  std::vector<int> of_col;  // component of each column
};

Components Split(const std::vector<Row>& rows, int num_cols) {
  std::vector<int> parent(num_cols);
  std::iota(parent.begin(), parent.end(), 0);
  for (const Row& row : rows) {
    for (std::size_t t = 1; t < row.cols.size(); ++t) {
      parent[Find(parent, row.cols[t])] = Find(parent, row.cols[0]);
    }
  }
  Components c;
  c.of_col.assign(num_cols, -1);
  std::vector<int> index(num_cols, -1);
  for (int j = 0; j < num_cols; ++j) {
    const int root = Find(parent, j);
    if (index[root] < 0) {
      index[root] = static_cast<int>(c.cols.size());
      c.cols.emplace_back();
      c.rows.emplace_back();
    }
    c.of_col[j] = index[root];
    c.cols[index[root]].push_back(j);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    c.rows[c.of_col[rows[i].cols[0]]].push_back(static_cast<int>(i));
  }
  return c;
}

// Shared driver: for each target t, calls visit(t, column, lp, prior_lo, prior_hi) with the LP of
// its component (nullptr when the target is in no equation: then only its prior bounds count).
template <typename Visit>
Status ForEachTarget(const System& s, const std::vector<int>& targets, Visit visit) {
  std::vector<int> column_of(s.size(), -1);
  std::vector<double> lo, hi;
  for (int id = 0; id < s.size(); ++id) {
    if (!s.unknown[id]) continue;
    column_of[id] = static_cast<int>(lo.size());
    lo.push_back(s.lo.empty() ? 0.0 : s.lo[id]);
    hi.push_back(s.hi.empty() ? kInf : s.hi[id]);
  }
  Result<std::vector<Row>> rows = Reduce(s, column_of);
  if (!rows) return Unexpected(rows.error());
  const Components comps = Split(*rows, static_cast<int>(lo.size()));
  std::vector<std::vector<int>> targets_of(comps.cols.size());
  for (std::size_t t = 0; t < targets.size(); ++t) {
    targets_of[comps.of_col[column_of[targets[t]]]].push_back(static_cast<int>(t));
  }
  std::lock_guard<std::mutex> lock(GlpkMutex());
  Status status = Ok();
  for (std::size_t c = 0; c < comps.cols.size() && status; ++c) {
    if (comps.rows[c].empty()) {
      // A figure in no equation with another unknown: only its prior bounds limit it.
      for (int t : targets_of[c]) {
        status = visit(t, column_of[targets[t]], nullptr, lo[column_of[targets[t]]],
                       hi[column_of[targets[t]]]);
        if (!status) break;
      }
      continue;
    }
    ComponentLp lp(*rows, comps.rows[c], lo, hi, comps.cols[c]);
    // Feasibility first, so an inconsistent table is reported whatever the targets.
    if (Result<double> r = lp.Optimise(-1, GLP_MIN); !r) {
      status = Unexpected(r.error());
      break;
    }
    for (int t : targets_of[c]) {
      status = visit(t, column_of[targets[t]], &lp, 0.0, 0.0);
      if (!status) break;
    }
  }
  // GLPK keeps an environment per thread that a finished thread would leak: free it now.
  glp_free_env();
  return status;
}

}  // namespace

void System::Resize(int n) {
  value.assign(n, 0.0);
  unknown.assign(n, false);
  lo.assign(n, 0.0);
  hi.assign(n, kInf);
}

Result<std::vector<Interval>> SolveIntervals(const System& system,
                                             const std::vector<int>& targets) {
  std::vector<Interval> out(targets.size(), Interval{0, kInf});
  auto visit = [&](int t, int col, ComponentLp* lp, double prior_lo, double prior_hi) -> Status {
    if (lp == nullptr) {
      out[t] = Interval{Tighten(prior_lo, true), Tighten(prior_hi, false)};
      return Ok();
    }
    Result<double> lo = lp->Optimise(col, GLP_MIN);
    if (!lo) return Unexpected(lo.error());
    Result<double> hi = lp->Optimise(col, GLP_MAX);
    if (!hi) return Unexpected(hi.error());
    out[t] = Interval{Tighten(*lo, true), Tighten(*hi, false)};
    return Ok();
  };
  Status s = ForEachTarget(system, targets, visit);
  if (!s) return Unexpected(s.error());
  return out;
}

Result<std::vector<int>> FindNarrow(const System& system, const std::vector<int>& targets,
                                    double margin) {
  std::vector<int> narrow;
  const double need = margin - kTolerance;
  auto visit = [&](int t, int col, ComponentLp* lp, double prior_lo, double prior_hi) -> Status {
    if (lp == nullptr) {
      if (Tighten(prior_hi, false) - Tighten(prior_lo, true) < need) narrow.push_back(targets[t]);
      return Ok();
    }
    if (lp->SeenWidth(col) >= need) return Ok();
    Result<double> hi = lp->Optimise(col, GLP_MAX);
    if (!hi) return Unexpected(hi.error());
    if (std::isinf(*hi) || lp->SeenWidth(col) >= need) return Ok();
    Result<double> lo = lp->Optimise(col, GLP_MIN);
    if (!lo) return Unexpected(lo.error());
    if (Tighten(*hi, false) - Tighten(*lo, true) < need) narrow.push_back(targets[t]);
    return Ok();
  };
  Status s = ForEachTarget(system, targets, visit);
  if (!s) return Unexpected(s.error());
  return narrow;
}

}  // namespace synlig::disclosure::internal
