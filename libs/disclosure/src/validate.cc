// Argument checks: shapes, signs and ranges, with messages naming the table and value.
#include "validate.h"

#include <cmath>
#include <string>

namespace synlig::disclosure::internal {
namespace {

std::string Named(const Table& table) {
  return table.name.empty() ? std::string("table") : "table '" + table.name + "'";
}

// Largest count accepted: sums of a few thousand such cells stay exact in a double.
constexpr std::int64_t kMaxCount = std::int64_t{1} << 40;

}  // namespace

Status ValidateTable(const Table& table) {
  const std::size_t rows = table.row_labels.size();
  const std::size_t cols = table.col_labels.size();
  const std::string name = Named(table);
  if (rows == 0 || cols == 0) {
    return InvalidArgument(name + " has " + std::to_string(rows) + " rows and " +
                               std::to_string(cols) + " columns; needs at least one of each",
                           "cells");
  }
  if (rows > 100000 || cols > 100000 || rows * cols > 1000000) {
    return InvalidArgument(name + " is too large (" + std::to_string(rows) + " x " +
                               std::to_string(cols) + " cells; at most 1,000,000)",
                           "cells");
  }
  if (table.cells.size() != rows * cols) {
    return InvalidArgument(name + " has " + std::to_string(table.cells.size()) +
                               " cells; expected rows x cols = " + std::to_string(rows * cols),
                           "cells");
  }
  if (!table.absent.empty() && table.absent.size() != rows * cols) {
    return InvalidArgument(name + " has " + std::to_string(table.absent.size()) +
                               " absent flags; expected " + std::to_string(rows * cols),
                           "absent");
  }
  for (std::size_t i = 0; i < table.cells.size(); ++i) {
    const std::int64_t v = table.cells[i];
    const std::string where =
        name + " cell (" + table.row_labels[i / cols] + ", " + table.col_labels[i % cols] + ")";
    if (v < 0) {
      return InvalidArgument(where + " is negative (" + std::to_string(v) + ")", "cells");
    }
    if (v > kMaxCount) {
      return InvalidArgument(where + " is too large (" + std::to_string(v) + ")", "cells");
    }
    if (!table.absent.empty() && table.absent[i] && v != 0) {
      return InvalidArgument(where + " is absent but holds " + std::to_string(v), "absent");
    }
  }
  if (!table.row_group.empty() || !table.row_group_labels.empty()) {
    if (table.row_group.size() != rows) {
      return InvalidArgument(name + " has " + std::to_string(table.row_group.size()) +
                                 " row group indices; expected one per row (" +
                                 std::to_string(rows) + ")",
                             "row_group");
    }
    std::vector<int> members(table.row_group_labels.size(), 0);
    for (std::size_t r = 0; r < rows; ++r) {
      const int g = table.row_group[r];
      if (g < 0 || g >= static_cast<int>(members.size())) {
        return InvalidArgument(name + " row '" + table.row_labels[r] + "' has group index " +
                                   std::to_string(g) + "; there are " +
                                   std::to_string(members.size()) + " groups",
                               "row_group");
      }
      ++members[g];
    }
    for (std::size_t g = 0; g < members.size(); ++g) {
      if (members[g] == 0) {
        return InvalidArgument(name + " group '" + table.row_group_labels[g] + "' has no rows",
                               "row_group");
      }
    }
  }
  if (!table.contributions.empty()) {
    if (table.contributions.size() != rows * cols) {
      return InvalidArgument(name + " has " + std::to_string(table.contributions.size()) +
                                 " contribution lists; expected " + std::to_string(rows * cols),
                             "contributions");
    }
    for (const CellContributions& list : table.contributions) {
      for (double x : list) {
        if (!(x >= 0) || !std::isfinite(x)) {
          return InvalidArgument(name + " has a contribution that is negative or not finite (" +
                                     std::to_string(x) + ")",
                                 "contributions");
        }
      }
    }
  }
  return Ok();
}

Status ValidateOptions(const Options& options) {
  if (options.k < 1) {
    return InvalidArgument("k must be at least 1 (got " + std::to_string(options.k) + ")", "k");
  }
  if (!(options.protection_margin >= 0) || !std::isfinite(options.protection_margin)) {
    return InvalidArgument("protection margin must be a non-negative number (got " +
                               std::to_string(options.protection_margin) + ")",
                           "protection_margin");
  }
  if (options.rounding_base < 0) {
    return InvalidArgument(
        "rounding base must be 0 or positive (got " + std::to_string(options.rounding_base) + ")",
        "rounding_base");
  }
  if (options.dominance_n < 0) {
    return InvalidArgument(
        "dominance n must be 0 or positive (got " + std::to_string(options.dominance_n) + ")",
        "dominance_n");
  }
  if (!(options.dominance_p >= 0 && options.dominance_p <= 100)) {
    return InvalidArgument("dominance p must be a percentage in [0, 100] (got " +
                               std::to_string(options.dominance_p) + ")",
                           "dominance_p");
  }
  return Ok();
}

Status ValidateProtected(const ProtectedTable& t) {
  if (Status s = ValidateTable(t.table); !s) return s;
  const std::size_t rows = t.table.row_labels.size();
  const std::size_t cols = t.table.col_labels.size();
  const std::size_t groups = t.table.row_group_labels.size();
  auto bad = [&](const char* what, std::size_t got, std::size_t want) {
    return InvalidArgument(Named(t.table) + " has " + std::to_string(got) + " " + what +
                               "; expected " + std::to_string(want),
                           "status");
  };
  if (t.status.size() != rows * cols) return bad("cell statuses", t.status.size(), rows * cols);
  if (t.row_total_status.size() != rows) {
    return bad("row total statuses", t.row_total_status.size(), rows);
  }
  if (t.col_total_status.size() != cols) {
    return bad("column total statuses", t.col_total_status.size(), cols);
  }
  if (t.group_status.size() != groups * cols) {
    return bad("group statuses", t.group_status.size(), groups * cols);
  }
  if (t.group_total_status.size() != groups) {
    return bad("group total statuses", t.group_total_status.size(), groups);
  }
  auto bad_below = [&](const std::vector<std::int64_t>& v, std::size_t want, const char* what) {
    return !v.empty() && v.size() != want ? bad(what, v.size(), want) : Status(Ok());
  };
  if (Status s = bad_below(t.below_cells, rows * cols, "cell '<N' bounds"); !s) return s;
  if (Status s = bad_below(t.below_row_totals, rows, "row total '<N' bounds"); !s) return s;
  if (Status s = bad_below(t.below_col_totals, cols, "column total '<N' bounds"); !s) return s;
  return Ok();
}

}  // namespace synlig::disclosure::internal
