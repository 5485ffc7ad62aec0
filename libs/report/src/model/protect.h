// Count grids of the report and their disclosure control: a grid becomes a disclosure::Table,
// is protected (alone, linked with grids sharing its row totals, or as a one-way table whose
// total is published elsewhere), and becomes a ReportTable with the figures as published.
#pragma once

#include <string>
#include <vector>

#include "synlig/disclosure/disclosure.h"
#include "synlig/report/report.h"

namespace synlig::report::internal {

struct Axis {
  std::vector<std::string> codes;
  std::vector<Text> labels;
};

// A table of counts with the totals that are sums of its cells.
struct Grid {
  std::string id;
  Text title, stub, note;
  Axis rows, cols;
  std::vector<std::vector<std::int64_t>> cells;  // [row][col]
  bool row_totals = false;                       // a "Totalt" column: each row's sum
  bool col_totals = false;                       // a "Totalt" row: each column's sum
  bool person_counts = true;
};

// A report table as built, with what the change section compares.
struct BuiltTable {
  std::string section;
  ReportTable table;
  int compare_col = -1;  // column whose figures are compared between rounds; -1 none
};

disclosure::Table ToDisclosure(const Grid& grid);
disclosure::Options OptionsFor(int k);

// The report table of a protected grid. The compare column is the "Totalt" column when the
// grid has row totals, the only column of a one-column grid, otherwise none.
BuiltTable FromProtected(const std::string& section, const Grid& grid,
                         const disclosure::ProtectedTable& p);

// Protects one grid. kInternal when the disclosure library fails.
Result<BuiltTable> ProtectGrid(const std::string& section, const Grid& grid, int k);

// Protects grids that share their row totals (same row codes and row sums) jointly, so a
// shared total has the same status everywhere; falls back to protecting each alone when the
// row sums differ.
Result<std::vector<BuiltTable>> ProtectShared(const std::string& section,
                                              const std::vector<Grid>& grids, int k);

// A one-column grid whose total row is a figure published elsewhere in the report
// (`total_published`): when the protection would suppress that total, every cell is
// suppressed instead and the total kept, which is verified by linear programming.
Result<BuiltTable> ProtectOneWay(const std::string& section, const Grid& grid, int k,
                                 bool total_published);

// A cell copied from another table (same status).
Cell CopyCell(const Cell& c);

Cell CountOf(std::int64_t n, bool person_count);
Cell Suppressed(bool person_count);
Cell TextCell(Text t);
Cell PercentCell(double p);

}  // namespace synlig::report::internal
