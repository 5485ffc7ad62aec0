// Every figure a table publishes (cells, row/column/grand totals, group subtotals) in one flat
// index, with its true value, its address and labels, and the additivity equations among them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::internal {

// Flat figure index of a table with R rows, C columns and G row groups:
//   cells r*C + c | row totals | column totals | grand | group cells g*C + c | group totals.
struct Layout {
  int rows = 0, cols = 0, groups = 0;

  explicit Layout(const Table& t) : rows(t.rows()), cols(t.cols()), groups(t.groups()) {}
  int Cell(int r, int c) const { return r * cols + c; }
  int RowTotal(int r) const { return rows * cols + r; }
  int ColTotal(int c) const { return rows * cols + rows + c; }
  int Grand() const { return rows * cols + rows + cols; }
  int GroupCell(int g, int c) const { return Grand() + 1 + g * cols + c; }
  int GroupTotal(int g) const { return Grand() + 1 + groups * cols + g; }
  int size() const { return GroupTotal(groups); }
  bool IsCell(int f) const { return f < rows * cols; }
  // The (row, col) address of disclosure.h (totals at row R / column C, groups at R + 1 + g).
  void Address(int f, int& row, int& col) const;
};

// The true value of every figure (sums over non-absent cells).
std::vector<std::int64_t> FigureValues(const Table& t);

// Labels of a figure's address ("Totalt" for totals, the group label for group rows).
std::string RowLabel(const Table& t, int row);
std::string ColLabel(const Table& t, int col);

// Figures the table does not publish at all: absent cells, totals switched off, and totals
// whose cells are all absent.
std::vector<bool> NotPublishedByDesign(const Table& t);

// One additivity equation: figure `total` = sum of figures `parts`.
struct Equation {
  int total;
  std::vector<int> parts;
};
// Every equation of the table (row, column, grand, group subtotals, and group totals in the top
// level), over the flat index. Absent cells are left out of the parts.
std::vector<Equation> Equations(const Table& t);

// The per-kind status vectors of a ProtectedTable from a flat status vector, and back.
void ScatterStatus(const std::vector<CellStatus>& flat, ProtectedTable& out);
std::vector<CellStatus> GatherStatus(const ProtectedTable& p);
// The published_* vectors of a ProtectedTable from flat values.
void ScatterPublished(const std::vector<std::int64_t>& flat, ProtectedTable& out);

}  // namespace synlig::disclosure::internal
