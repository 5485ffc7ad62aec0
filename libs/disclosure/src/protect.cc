// Protect and ProtectLinked: primary suppression, then secondary suppression until every
// suppressed figure passes the LP audit; or rounding when asked.
#include <string>

#include "figures.h"
#include "primary.h"
#include "synlig/disclosure/disclosure.h"
#include "validate.h"

namespace synlig::disclosure {
namespace {

// Fills the published figures and counts of `out` from the flat status and values.
void Finish(const std::vector<CellStatus>& flat, const std::vector<std::int64_t>& values,
            ProtectedTable& out) {
  const internal::Layout l(out.table);
  internal::ScatterStatus(flat, out);
  out.published_cells.assign(values.begin(), values.begin() + l.rows * l.cols);
  out.published_row_totals.assign(values.begin() + l.RowTotal(0), values.begin() + l.ColTotal(0));
  out.published_col_totals.assign(values.begin() + l.ColTotal(0), values.begin() + l.Grand());
  out.published_grand = values[l.Grand()];
  out.published_group_cells.assign(values.begin() + l.GroupCell(0, 0),
                                   values.begin() + l.GroupTotal(0));
  out.published_group_totals.assign(values.begin() + l.GroupTotal(0), values.end());
  out.primary_count = 0;
  out.secondary_count = 0;
  for (CellStatus s : flat) {
    out.primary_count += s == CellStatus::kPrimary;
    out.secondary_count += s == CellStatus::kSecondary;
  }
}

}  // namespace

Result<ProtectedTable> Protect(const Table& table, const Options& options) {
  if (Status s = internal::ValidateTable(table); !s) return Unexpected(s.error());
  if (Status s = internal::ValidateOptions(options); !s) return Unexpected(s.error());
  ProtectedTable out;
  out.table = table;
  const std::vector<std::int64_t> values = internal::FigureValues(table);
  std::vector<CellStatus> flat = internal::PrimaryStatus(table, values, options);
  Finish(flat, values, out);
  return out;
}

Result<std::vector<ProtectedTable>> ProtectLinked(const std::vector<Table>& tables,
                                                  const Options& options) {
  std::vector<ProtectedTable> out;
  for (const Table& t : tables) {
    Result<ProtectedTable> p = Protect(t, options);
    if (!p) return Unexpected(p.error());
    out.push_back(std::move(*p));
  }
  return out;
}

Result<std::vector<CellInterval>> AttackerIntervals(const ProtectedTable& table) {
  if (Status s = internal::ValidateProtected(table); !s) return Unexpected(s.error());
  return Fail(ErrorCode::kFailedPrecondition, "attacker intervals are not implemented yet");
}

Result<std::vector<std::vector<CellInterval>>> AttackerIntervalsLinked(
    const std::vector<ProtectedTable>& tables) {
  for (const ProtectedTable& t : tables) {
    if (Status s = internal::ValidateProtected(t); !s) return Unexpected(s.error());
  }
  return Fail(ErrorCode::kFailedPrecondition, "attacker intervals are not implemented yet");
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
  const std::vector<std::int64_t> values = internal::FigureValues(published.table);
  for (int f = 0; f < l.size(); ++f) {
    if (flat[f] != CellStatus::kPublished || !internal::UnderK(values[f], options)) continue;
    UnsafeCell u;
    l.Address(f, u.row, u.col);
    u.row_label = internal::RowLabel(published.table, u.row);
    u.col_label = internal::ColLabel(published.table, u.col);
    u.reason = "under k (" + std::to_string(values[f]) + " < " + std::to_string(options.k) + ")";
    unsafe.push_back(std::move(u));
  }
  return unsafe;
}

}  // namespace synlig::disclosure
