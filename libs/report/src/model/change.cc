// Section 9: change since the previous round, one table per comparable table of this round:
// the previous round's figure and this round's, each as published in its own round's report,
// and the difference where both are published.
#include <cmath>

#include "model/tables.h"

namespace synlig::report::internal {
namespace {

bool Numeric(const Cell& c) { return c.kind == CellKind::kCount || c.kind == CellKind::kNumber; }
double ValueOf(const Cell& c) {
  return c.kind == CellKind::kCount ? static_cast<double>(c.count) : c.value;
}

Cell Difference(const Cell& before, const Cell& now) {
  Cell d;
  if (Numeric(before) && Numeric(now)) {
    d.kind = CellKind::kChange;
    double diff = ValueOf(now) - ValueOf(before);
    d.count = static_cast<std::int64_t>(std::llround(diff));
    d.value = diff;
    return d;
  }
  if (before.kind == CellKind::kSuppressed || now.kind == CellKind::kSuppressed) {
    return Suppressed(false);
  }
  d.kind = CellKind::kMissing;
  return d;
}

Cell Missing() {
  Cell c;
  c.kind = CellKind::kMissing;
  return c;
}

}  // namespace

std::vector<BuiltTable> ChangeTables(const std::vector<BuiltTable>& current,
                                     const std::vector<BuiltTable>& previous, const RoundInfo& cur,
                                     const RoundInfo& prev) {
  std::vector<BuiltTable> out;
  for (const BuiltTable& now : current) {
    if (now.compare_col < 0) continue;
    const BuiltTable* before = nullptr;
    for (const BuiltTable& p : previous) {
      if (p.table.id == now.table.id && p.compare_col >= 0) before = &p;
    }
    if (before == nullptr) continue;
    BuiltTable c;
    c.section = "change";
    c.table.id = "change_" + now.table.id;
    c.table.title = {"Förändring: " + now.table.title.sv, "Change: " + now.table.title.en};
    c.table.stub = now.table.stub;
    const Text& measure = now.table.columns[static_cast<std::size_t>(now.compare_col)].label;
    c.table.columns = {{{prev.name, prev.name}, false},
                       {{cur.name, cur.name}, false},
                       {{"Förändring", "Change"}, false}};
    c.table.note = {"Uppgiften som jämförs: " + measure.sv +
                        ". Varje omgångs uppgifter är skyddade som i dess egen rapport.",
                    "The figure compared: " + measure.en +
                        ". Each round's figures are protected as in its own report."};
    auto cell_of = [](const BuiltTable& b, const Row& row) -> const Cell& {
      return row.cells[static_cast<std::size_t>(b.compare_col)];
    };
    for (const Row& row : now.table.rows) {
      const Row* old = nullptr;
      for (const Row& r : before->table.rows) {
        if (r.code == row.code) old = &r;
      }
      Row out_row;
      out_row.code = row.code;
      out_row.label = row.label;
      out_row.is_total = row.is_total;
      const Cell& n = cell_of(now, row);
      Cell o = old != nullptr ? cell_of(*before, *old) : Missing();
      out_row.cells = {CopyCell(o), CopyCell(n), Difference(o, n)};
      c.table.rows.push_back(std::move(out_row));
    }
    for (const Row& r : before->table.rows) {
      bool seen = false;
      for (const Row& row : now.table.rows) seen = seen || row.code == r.code;
      if (seen) continue;
      Row out_row;
      out_row.code = r.code;
      out_row.label = r.label;
      out_row.is_total = r.is_total;
      out_row.cells = {CopyCell(cell_of(*before, r)), Missing(), Missing()};
      c.table.rows.push_back(std::move(out_row));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace synlig::report::internal
