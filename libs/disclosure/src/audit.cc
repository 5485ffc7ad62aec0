// The attacker's view of published tables: AttackerIntervals (LP bounds of every suppressed
// figure) and Check (published figures under k, suppressed ones recoverable from the totals).
#include <cmath>
#include <limits>
#include <string>

#include "figures.h"
#include "joint.h"
#include "primary.h"
#include "synlig/disclosure/disclosure.h"
#include "validate.h"

namespace synlig::disclosure {
namespace {

bool Suppressed(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

internal::TableView ViewOf(const ProtectedTable& p) {
  return {&p.table, internal::GatherStatus(p), internal::GatherPublished(p),
          internal::GatherBelow(p)};
}

// Intervals of the suppressed figures of each table, in flat-figure order.
Result<std::vector<std::vector<CellInterval>>> Intervals(const std::vector<ProtectedTable>& tables,
                                                         bool link, bool zeros_unsafe) {
  std::vector<internal::TableView> views;
  for (const ProtectedTable& t : tables) {
    if (Status s = internal::ValidateProtected(t); !s) return Unexpected(s.error());
    views.push_back(ViewOf(t));
  }
  Result<internal::Joint> joint = internal::BuildJoint(views, link, zeros_unsafe);
  if (!joint) return Unexpected(joint.error());
  std::vector<int> targets;
  for (int id = 0; id < static_cast<int>(joint->status.size()); ++id) {
    if (Suppressed(joint->status[id]) && joint->system.unknown[id]) targets.push_back(id);
  }
  Result<std::vector<internal::Interval>> solved = internal::SolveIntervals(joint->system, targets);
  if (!solved) return Unexpected(solved.error());
  std::vector<double> lo(joint->status.size(), 0), hi(joint->status.size(), 0);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    lo[targets[i]] = (*solved)[i].lo;
    hi[targets[i]] = (*solved)[i].hi;
  }
  std::vector<std::vector<CellInterval>> out(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const internal::Layout l(tables[t].table);
    for (int f = 0; f < l.size(); ++f) {
      const int id = joint->id[t][f];
      if (!Suppressed(views[t].status[f]) || !joint->system.unknown[id]) continue;
      CellInterval c{};
      l.Address(f, c.row, c.col);
      c.lo = lo[id];
      c.hi = hi[id];
      c.row_label = internal::RowLabel(tables[t].table, c.row);
      c.col_label = internal::ColLabel(tables[t].table, c.col);
      out[t].push_back(std::move(c));
    }
  }
  return out;
}

std::string Number(double x) {
  if (std::isinf(x)) return "inf";
  return std::to_string(static_cast<long long>(std::llround(x)));
}

}  // namespace

Result<std::vector<CellInterval>> AttackerIntervals(const ProtectedTable& table) {
  Result<std::vector<std::vector<CellInterval>>> r = Intervals({table}, false, false);
  if (!r) return Unexpected(r.error());
  return std::move((*r)[0]);
}

Result<std::vector<std::vector<CellInterval>>> AttackerIntervalsLinked(
    const std::vector<ProtectedTable>& tables) {
  return Intervals(tables, true, false);
}

std::vector<UnsafeCell> Check(const ProtectedTable& published, const Options& options) {
  std::vector<UnsafeCell> unsafe;
  Status valid = internal::ValidateProtected(published);
  if (valid) valid = internal::ValidateOptions(options);
  if (!valid) {
    unsafe.push_back({-1, -1, valid.error().message(), "", ""});
    return unsafe;
  }
  const internal::Layout l(published.table);
  const std::vector<CellStatus> flat = internal::GatherStatus(published);
  const std::vector<std::int64_t> values = internal::GatherPublished(published);
  const std::vector<std::int64_t> below = internal::GatherBelow(published);
  for (int f = 0; f < l.size(); ++f) {
    if (flat[f] != CellStatus::kPublished || !internal::UnderK(values[f], options)) continue;
    UnsafeCell u{};
    l.Address(f, u.row, u.col);
    u.row_label = internal::RowLabel(published.table, u.row);
    u.col_label = internal::ColLabel(published.table, u.col);
    u.reason = values[f] == 0 ? std::string("zero, and zeros are unsafe")
                              : "under k (" + std::to_string(values[f]) + " < " +
                                    std::to_string(options.k) + ")";
    unsafe.push_back(std::move(u));
  }
  Result<std::vector<std::vector<CellInterval>>> intervals =
      Intervals({published}, false, options.zeros_unsafe);
  if (!intervals) {
    unsafe.push_back({-1, -1, intervals.error().message(), "", ""});
    return unsafe;
  }
  for (const CellInterval& c : (*intervals)[0]) {
    double need = options.Margin();
    // A figure shown as "<N" already tells the attacker its range: only narrowing beyond it is
    // a disclosure.
    int f = 0;
    if (c.row < l.rows) {
      f = c.col < l.cols ? l.Cell(c.row, c.col) : l.RowTotal(c.row);
    } else {
      f = c.col < l.cols ? l.ColTotal(c.col) : l.Grand();
    }
    if (!below.empty() && c.row <= l.rows && below[f] > 0) {
      const double range = static_cast<double>(below[f] - 1) - (options.zeros_unsafe ? 0.0 : 1.0);
      need = std::min(need, std::max(0.0, range));
    }
    if (c.hi - c.lo >= need - 1e-9) continue;
    UnsafeCell u{c.row, c.col, "", c.row_label, c.col_label};
    u.reason = c.lo == c.hi ? "recoverable from the totals: exactly " + Number(c.lo)
                            : "recoverable from the totals: lies in [" + Number(c.lo) + ", " +
                                  Number(c.hi) + "]";
    unsafe.push_back(std::move(u));
  }
  return unsafe;
}

}  // namespace synlig::disclosure
