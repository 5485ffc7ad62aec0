// The joint linear system of one or more tables, with shared totals of linked tables.
#include "joint.h"

#include <limits>
#include <string>

#include "figures.h"

namespace synlig::disclosure::internal {
namespace {

bool Suppressed(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

// Which of two statuses of a shared figure wins: published beats all (the attacker sees it),
// then primary, secondary, absent.
CellStatus Merge(CellStatus a, CellStatus b) {
  if (a == CellStatus::kPublished || b == CellStatus::kPublished) return CellStatus::kPublished;
  if (a == CellStatus::kPrimary || b == CellStatus::kPrimary) return CellStatus::kPrimary;
  if (a == CellStatus::kSecondary || b == CellStatus::kSecondary) return CellStatus::kSecondary;
  return CellStatus::kAbsent;
}

}  // namespace

Result<Joint> BuildJoint(const std::vector<TableView>& views, bool link, bool zeros_unsafe) {
  Joint j;
  const int n_tables = static_cast<int>(views.size());
  j.id.resize(n_tables);
  // leader[t]: the earlier table whose row totals table t shares, or -1.
  std::vector<int> leader(n_tables, -1);
  if (link) {
    for (int t = 0; t < n_tables; ++t) {
      for (int u = 0; u < t && leader[t] < 0; ++u) {
        if (leader[u] >= 0 || views[u].table->row_labels != views[t].table->row_labels) continue;
        const Table& a = *views[u].table;
        const Table& b = *views[t].table;
        if (a.groups() > 0 || b.groups() > 0) {
          return InvalidArgument("linked tables '" + a.name + "' and '" + b.name +
                                     "' have row groups; linked tables with groups are not "
                                     "supported",
                                 "tables");
        }
        const Layout la(a), lb(b);
        for (int r = 0; r < la.rows; ++r) {
          const std::int64_t x = views[u].values[la.RowTotal(r)];
          const std::int64_t y = views[t].values[lb.RowTotal(r)];
          const bool both_published = views[u].status[la.RowTotal(r)] == CellStatus::kPublished &&
                                      views[t].status[lb.RowTotal(r)] == CellStatus::kPublished;
          if (both_published && x != y) {
            return InvalidArgument("tables '" + a.name + "' and '" + b.name +
                                       "' share the row labels but row '" + a.row_labels[r] +
                                       "' sums to " + std::to_string(x) + " and " +
                                       std::to_string(y),
                                   "tables");
          }
        }
        leader[t] = u;
      }
    }
  }
  int next = 0;
  for (int t = 0; t < n_tables; ++t) {
    const Layout l(*views[t].table);
    j.id[t].assign(l.size(), -1);
    for (int f = 0; f < l.size(); ++f) {
      const bool shared = leader[t] >= 0 && !l.IsCell(f) && f < l.ColTotal(0);
      if (shared) {
        j.id[t][f] = j.id[leader[t]][Layout(*views[leader[t]].table).RowTotal(f - l.RowTotal(0))];
      } else if (leader[t] >= 0 && f == l.Grand()) {
        j.id[t][f] = j.id[leader[t]][Layout(*views[leader[t]].table).Grand()];
      } else {
        j.id[t][f] = next++;
      }
    }
  }
  j.system.Resize(next);
  j.table_of.assign(next, -1);
  j.figure_of.assign(next, -1);
  j.status.assign(next, CellStatus::kAbsent);
  j.value.assign(next, 0);
  std::vector<bool> seen(next, false);
  for (int t = 0; t < n_tables; ++t) {
    const Table& table = *views[t].table;
    const Layout l(table);
    for (int f = 0; f < l.size(); ++f) {
      const int id = j.id[t][f];
      if (!seen[id]) {
        seen[id] = true;
        j.table_of[id] = t;
        j.figure_of[id] = f;
        j.status[id] = views[t].status[f];
        j.value[id] = views[t].values[f];
        int row = 0, col = 0;
        l.Address(f, row, col);
        j.system.names.push_back("'" + table.name + "' (" + RowLabel(table, row) + ", " +
                                 ColLabel(table, col) + ")");
      } else {
        j.status[id] = Merge(j.status[id], views[t].status[f]);
        if (views[t].status[f] == CellStatus::kPublished) j.value[id] = views[t].values[f];
      }
      if (!views[t].below.empty() && views[t].below[f] > 0) {
        j.system.lo[id] = zeros_unsafe ? 0.0 : 1.0;
        j.system.hi[id] = static_cast<double>(views[t].below[f] - 1);
      }
    }
    for (const Equation& e : Equations(table)) {
      Equation mapped{j.id[t][e.total], {}};
      for (int p : e.parts) mapped.parts.push_back(j.id[t][p]);
      j.system.eqs.push_back(std::move(mapped));
    }
  }
  for (int id = 0; id < next; ++id) {
    const Layout l(*views[j.table_of[id]].table);
    const bool absent_cell = l.IsCell(j.figure_of[id]) && j.status[id] == CellStatus::kAbsent;
    j.system.unknown[id] = j.status[id] != CellStatus::kPublished && !absent_cell;
    j.system.value[id] = absent_cell ? 0.0 : static_cast<double>(j.value[id]);
    if (!j.system.unknown[id] || !Suppressed(j.status[id])) {
      j.system.lo[id] = 0.0;
      j.system.hi[id] = std::numeric_limits<double>::infinity();
    }
  }
  return j;
}

std::vector<std::int64_t> GatherPublished(const ProtectedTable& p) {
  std::vector<std::int64_t> flat(p.published_cells);
  flat.insert(flat.end(), p.published_row_totals.begin(), p.published_row_totals.end());
  flat.insert(flat.end(), p.published_col_totals.begin(), p.published_col_totals.end());
  flat.push_back(p.published_grand);
  flat.insert(flat.end(), p.published_group_cells.begin(), p.published_group_cells.end());
  flat.insert(flat.end(), p.published_group_totals.begin(), p.published_group_totals.end());
  return flat;
}

std::vector<std::int64_t> GatherBelow(const ProtectedTable& p) {
  const Layout l(p.table);
  if (p.below_cells.empty() && p.below_row_totals.empty() && p.below_col_totals.empty() &&
      p.below_grand == 0) {
    return {};
  }
  std::vector<std::int64_t> flat(l.size(), 0);
  for (std::size_t i = 0; i < p.below_cells.size(); ++i) flat[i] = p.below_cells[i];
  for (std::size_t r = 0; r < p.below_row_totals.size(); ++r) {
    flat[l.RowTotal(static_cast<int>(r))] = p.below_row_totals[r];
  }
  for (std::size_t c = 0; c < p.below_col_totals.size(); ++c) {
    flat[l.ColTotal(static_cast<int>(c))] = p.below_col_totals[c];
  }
  flat[l.Grand()] = p.below_grand;
  return flat;
}

}  // namespace synlig::disclosure::internal
