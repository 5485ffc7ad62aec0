// Conventional rounding of every published figure to a base (cells and totals independently).
#include "rounding.h"

#include "figures.h"
#include "primary.h"

namespace synlig::disclosure::internal {

std::int64_t RoundToBase(std::int64_t value, int base) { return (value + base / 2) / base * base; }

ProtectedTable RoundTable(const Table& table, int base) {
  ProtectedTable out;
  out.table = table;
  out.rounding_base = base;
  const Layout l(table);
  std::vector<std::int64_t> values = FigureValues(table);
  const std::vector<bool> off = NotPublishedByDesign(table);
  std::vector<CellStatus> flat(l.size(), CellStatus::kPublished);
  for (int f = 0; f < l.size(); ++f) {
    if (off[f]) flat[f] = CellStatus::kAbsent;
    values[f] = RoundToBase(values[f], base);
  }
  ScatterStatus(flat, out);
  ScatterPublished(values, out);
  return out;
}

}  // namespace synlig::disclosure::internal
