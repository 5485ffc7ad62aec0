// Disclosure control of the report's count grids, and the cells of the report tables.
#include "model/protect.h"

#include <algorithm>

namespace synlig::report::internal {
namespace {

using disclosure::CellStatus;

const Text kTotal{"Totalt", "Total"};

Cell FigureCell(CellStatus status, std::int64_t published, bool person_count) {
  switch (status) {
    case CellStatus::kPublished:
      return CountOf(published, person_count);
    case CellStatus::kPrimary:
    case CellStatus::kSecondary:
      return Suppressed(person_count);
    case CellStatus::kAbsent:
      break;
  }
  Cell c;
  c.kind = CellKind::kAbsent;
  return c;
}

void Tally(CellStatus s, ReportTable& t) {
  if (s == CellStatus::kPublished) ++t.published;
  if (s == CellStatus::kPrimary) ++t.primary;
  if (s == CellStatus::kSecondary) ++t.secondary;
}

bool SameRows(const Grid& a, const Grid& b) { return a.rows.codes == b.rows.codes; }

}  // namespace

disclosure::Table ToDisclosure(const Grid& grid) {
  disclosure::Table t;
  t.name = grid.id;
  t.row_labels = grid.rows.codes;
  t.col_labels = grid.cols.codes;
  for (const auto& row : grid.cells) t.cells.insert(t.cells.end(), row.begin(), row.end());
  t.row_totals = grid.row_totals;
  t.col_totals = grid.col_totals;
  t.grand_total = grid.row_totals && grid.col_totals;
  return t;
}

disclosure::Options OptionsFor(int k) {
  disclosure::Options o;
  o.k = k;
  return o;
}

BuiltTable FromProtected(const std::string& section, const Grid& grid,
                         const disclosure::ProtectedTable& p) {
  BuiltTable b;
  b.section = section;
  ReportTable& t = b.table;
  t.id = grid.id;
  t.title = grid.title;
  t.stub = grid.stub;
  t.note = grid.note;
  const int rows = static_cast<int>(grid.rows.codes.size());
  const int cols = static_cast<int>(grid.cols.codes.size());
  for (const Text& label : grid.cols.labels) t.columns.push_back({label, false});
  if (grid.row_totals) t.columns.push_back({kTotal, true});
  for (int r = 0; r < rows; ++r) {
    Row row;
    row.code = grid.rows.codes[static_cast<std::size_t>(r)];
    row.label = grid.rows.labels[static_cast<std::size_t>(r)];
    for (int c = 0; c < cols; ++c) {
      std::size_t i = static_cast<std::size_t>(r * cols + c);
      row.cells.push_back(FigureCell(p.status[i], p.published_cells[i], grid.person_counts));
      Tally(p.status[i], t);
    }
    if (grid.row_totals) {
      auto s = p.row_total_status[static_cast<std::size_t>(r)];
      row.cells.push_back(
          FigureCell(s, p.published_row_totals[static_cast<std::size_t>(r)], grid.person_counts));
      Tally(s, t);
    }
    t.rows.push_back(std::move(row));
  }
  if (grid.col_totals) {
    Row total;
    total.code = "total";
    total.label = kTotal;
    total.is_total = true;
    for (int c = 0; c < cols; ++c) {
      auto s = p.col_total_status[static_cast<std::size_t>(c)];
      total.cells.push_back(
          FigureCell(s, p.published_col_totals[static_cast<std::size_t>(c)], grid.person_counts));
      Tally(s, t);
    }
    if (grid.row_totals) {
      total.cells.push_back(FigureCell(p.grand_status, p.published_grand, grid.person_counts));
      Tally(p.grand_status, t);
    }
    t.rows.push_back(std::move(total));
  }
  if (grid.row_totals) {
    b.compare_col = cols;
  } else if (cols == 1) {
    b.compare_col = 0;
  }
  return b;
}

Result<BuiltTable> ProtectGrid(const std::string& section, const Grid& grid, int k) {
  auto p = disclosure::Protect(ToDisclosure(grid), OptionsFor(k));
  if (!p) {
    return Internal("disclosure control of table " + grid.id + " failed: " + p.error().message());
  }
  return FromProtected(section, grid, *p);
}

Result<std::vector<BuiltTable>> ProtectShared(const std::string& section,
                                              const std::vector<Grid>& grids, int k) {
  std::vector<BuiltTable> out;
  bool linkable = grids.size() > 1;
  for (const Grid& g : grids) {
    linkable = linkable && g.row_totals && !g.col_totals && SameRows(g, grids.front());
  }
  if (linkable) {
    std::vector<disclosure::Table> tables;
    for (const Grid& g : grids) tables.push_back(ToDisclosure(g));
    auto linked = disclosure::ProtectLinked(tables, OptionsFor(k));
    if (linked) {
      for (std::size_t i = 0; i < grids.size(); ++i) {
        out.push_back(FromProtected(section, grids[i], (*linked)[i]));
      }
      return out;
    }
    if (linked.error().field() != "tables") {
      return Internal("disclosure control of linked tables failed: " + linked.error().message());
    }
    // The row sums differ (answers outside the tables' axes): the totals are not shared.
  }
  for (const Grid& g : grids) {
    auto b = ProtectGrid(section, g, k);
    if (!b) return Unexpected(b.error());
    out.push_back(*std::move(b));
  }
  return out;
}

Result<BuiltTable> ProtectOneWay(const std::string& section, const Grid& grid, int k,
                                 bool total_published) {
  disclosure::Table table = ToDisclosure(grid);
  auto p = disclosure::Protect(table, OptionsFor(k));
  if (!p) {
    return Internal("disclosure control of table " + grid.id + " failed: " + p.error().message());
  }
  if (!total_published || p->col_total_status.empty() ||
      p->col_total_status[0] == CellStatus::kPublished) {
    return FromProtected(section, grid, *p);
  }
  // The total is known from another table: keep it and suppress every cell instead.
  disclosure::ProtectedTable q = *p;
  q.col_total_status[0] = CellStatus::kPublished;
  q.published_col_totals[0] = 0;
  for (std::int64_t v : table.cells) q.published_col_totals[0] += v;
  q.primary_count = q.secondary_count = 0;
  for (std::size_t i = 0; i < q.status.size(); ++i) {
    if (p->status[i] == CellStatus::kAbsent) continue;
    q.status[i] =
        p->status[i] == CellStatus::kPrimary ? CellStatus::kPrimary : CellStatus::kSecondary;
    (q.status[i] == CellStatus::kPrimary ? q.primary_count : q.secondary_count) += 1;
  }
  auto intervals = disclosure::AttackerIntervals(q);
  if (!intervals) {
    return Internal("verifying table " + grid.id + " failed: " + intervals.error().message());
  }
  for (const auto& iv : *intervals) {
    if (iv.hi - iv.lo < k) {
      return Internal("table " + grid.id + " cannot be protected with its total published");
    }
  }
  return FromProtected(section, grid, q);
}

Cell CopyCell(const Cell& c) { return c; }

Cell CountOf(std::int64_t n, bool person_count) {
  Cell c;
  c.kind = CellKind::kCount;
  c.count = n;
  c.person_count = person_count;
  return c;
}

Cell Suppressed(bool person_count) {
  Cell c;
  c.kind = CellKind::kSuppressed;
  c.person_count = person_count;
  return c;
}

Cell TextCell(Text t) {
  Cell c;
  c.kind = CellKind::kText;
  c.text = std::move(t);
  return c;
}

Cell PercentCell(double p) {
  Cell c;
  c.kind = CellKind::kPercent;
  c.value = p;
  return c;
}

}  // namespace synlig::report::internal
