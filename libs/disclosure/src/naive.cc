// The naive method (smallest other cell in row and column, no LP), for comparison only.
#include "synlig/disclosure/naive.h"

#include "figures.h"
#include "primary.h"
#include "validate.h"

namespace synlig::disclosure {
namespace {

bool Hidden(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

}  // namespace

Result<ProtectedTable> ProtectNaive(const Table& table, const Options& options) {
  if (Status s = internal::ValidateTable(table); !s) return Unexpected(s.error());
  if (Status s = internal::ValidateOptions(options); !s) return Unexpected(s.error());
  const internal::Layout l(table);
  const std::vector<std::int64_t> values = internal::FigureValues(table);
  std::vector<CellStatus> flat = internal::PrimaryStatus(table, values, options);
  // Adds the smallest published cell among `cells` when fewer than two are hidden.
  auto complete = [&](const std::vector<int>& cells) {
    int hidden = 0, smallest = -1;
    for (int f : cells) {
      if (Hidden(flat[f])) ++hidden;
      if (flat[f] == CellStatus::kPublished && (smallest < 0 || values[f] < values[smallest])) {
        smallest = f;
      }
    }
    if (hidden == 1 && smallest >= 0) {
      flat[smallest] = CellStatus::kSecondary;
      return true;
    }
    return false;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (int r = 0; r < l.rows; ++r) {
      std::vector<int> cells;
      for (int c = 0; c < l.cols; ++c) cells.push_back(l.Cell(r, c));
      changed |= complete(cells);
    }
    for (int c = 0; c < l.cols; ++c) {
      std::vector<int> cells;
      for (int r = 0; r < l.rows; ++r) cells.push_back(l.Cell(r, c));
      changed |= complete(cells);
    }
  }
  ProtectedTable out;
  out.table = table;
  internal::ScatterStatus(flat, out);
  internal::ScatterPublished(values, out);
  for (CellStatus s : flat) {
    out.primary_count += s == CellStatus::kPrimary;
    out.secondary_count += s == CellStatus::kSecondary;
  }
  return out;
}

}  // namespace synlig::disclosure
