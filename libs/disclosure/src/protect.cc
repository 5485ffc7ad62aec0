// Protect and ProtectLinked: primary suppression, then secondary suppression until every
// suppressed figure passes the LP audit; or rounding when asked.
#include <string>

#include "figures.h"
#include "joint.h"
#include "primary.h"
#include "rounding.h"
#include "secondary.h"
#include "synlig/disclosure/disclosure.h"
#include "validate.h"

namespace synlig::disclosure {
namespace {

// Fills the statuses, published figures and counts of `out` from flat vectors.
void Finish(const std::vector<CellStatus>& flat, const std::vector<std::int64_t>& values,
            ProtectedTable& out) {
  internal::ScatterStatus(flat, out);
  internal::ScatterPublished(values, out);
  out.primary_count = 0;
  out.secondary_count = 0;
  for (CellStatus s : flat) {
    out.primary_count += s == CellStatus::kPrimary;
    out.secondary_count += s == CellStatus::kSecondary;
  }
}

Status ValidateAll(const std::vector<Table>& tables, const Options& options) {
  if (Status s = internal::ValidateOptions(options); !s) return s;
  for (const Table& t : tables) {
    if (Status s = internal::ValidateTable(t); !s) return s;
  }
  return Ok();
}

}  // namespace

Result<std::vector<ProtectedTable>> ProtectLinked(const std::vector<Table>& tables,
                                                  const Options& options) {
  if (Status s = ValidateAll(tables, options); !s) return Unexpected(s.error());
  std::vector<ProtectedTable> out(tables.size());
  if (options.rounding_base > 0) {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      out[t] = internal::RoundTable(tables[t], options.rounding_base);
    }
    return out;
  }
  std::vector<internal::TableView> views;
  for (const Table& t : tables) {
    internal::TableView v{&t, {}, internal::FigureValues(t), {}};
    v.status = internal::PrimaryStatus(t, v.values, options);
    views.push_back(std::move(v));
  }
  // Tables with the same rows must describe the same rows: equal row sums.
  for (std::size_t a = 0; a < tables.size(); ++a) {
    for (std::size_t b = a + 1; b < tables.size(); ++b) {
      if (tables[a].row_labels != tables[b].row_labels) continue;
      const internal::Layout la(tables[a]), lb(tables[b]);
      for (int r = 0; r < la.rows; ++r) {
        if (views[a].values[la.RowTotal(r)] != views[b].values[lb.RowTotal(r)]) {
          return InvalidArgument("tables '" + tables[a].name + "' and '" + tables[b].name +
                                     "' share the row labels but row '" + tables[a].row_labels[r] +
                                     "' sums to " +
                                     std::to_string(views[a].values[la.RowTotal(r)]) + " and " +
                                     std::to_string(views[b].values[lb.RowTotal(r)]),
                                 "tables");
        }
      }
    }
  }
  Result<internal::Joint> joint = internal::BuildJoint(views, /*link=*/true, options.zeros_unsafe);
  if (!joint) return Unexpected(joint.error());
  std::vector<internal::Grid> grids;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    for (internal::Grid& g : internal::GridsOf(tables[t], joint->id[t])) {
      grids.push_back(std::move(g));
    }
  }
  if (Status s = internal::SuppressUntilSafe(*joint, grids, options.Margin(), {}); !s) {
    return Unexpected(s.error());
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    std::vector<CellStatus> flat = views[t].status;
    for (std::size_t f = 0; f < flat.size(); ++f) {
      if (flat[f] != CellStatus::kAbsent) flat[f] = joint->status[joint->id[t][f]];
    }
    out[t].table = tables[t];
    Finish(flat, views[t].values, out[t]);
  }
  return out;
}

Result<ProtectedTable> Protect(const Table& table, const Options& options) {
  Result<std::vector<ProtectedTable>> one = ProtectLinked({table}, options);
  if (!one) return Unexpected(one.error());
  return std::move((*one)[0]);
}

}  // namespace synlig::disclosure
