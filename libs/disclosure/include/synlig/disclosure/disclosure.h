// Statistical disclosure control of count tables: primary suppression (cells under k, optional
// dominance rule), secondary suppression verified by linear programming, rounding, and checks of
// already published tables. Pure: no I/O, no clock. Usage:
//   disclosure::Table t{.name = "form x gender", .row_labels = {...}, .col_labels = {...},
//                       .cells = {...}};
//   auto p = disclosure::Protect(t, {.k = 5});
//   if (!p) return synlig::Unexpected(p.error());
//   std::string text = disclosure::CellText(*p, row, col);   // "12" or "." when suppressed
//
// Model. Every published total is the SUM of the cells it covers (row totals of the row's cells,
// column totals of the column's cells, the grand total of all cells, a group subtotal of the
// group's rows). A margin that is not a sum of the cells (e.g. persons per gender when a person
// may have several forms) is out of scope here: publish it as its own one-way table. The attacker
// knows every published figure, that every cell is a non-negative number, that structurally
// absent cells are 0, and solves linear programs over the reals for the smallest and largest
// value of each suppressed figure (the standard model of tau-Argus and sdcTable).
//
// Threads: every function here takes one library-wide mutex around its GLPK calls, so they are
// safe to call from several threads (the solver calls then run one at a time).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::disclosure {

// The text shown for every suppressed figure (primary and secondary alike: showing "<k" for
// primary cells would tell the attacker the cell lies in [1, k-1], and tell primary from
// secondary suppression).
inline constexpr std::string_view kSuppressedText = ".";
// The text shown for a structurally absent cell (an impossible combination).
inline constexpr std::string_view kAbsentText = "";

// The contributions of the units behind one cell (e.g. how many of the cell's persons each
// reporting unit contributed), for the dominance rule. Empty: the rule does not apply.
using CellContributions = std::vector<double>;

// A table of non-negative integer counts with marginal totals. cells is rows x cols, row-major.
// Totals published with the table: row totals, column totals and the grand total (each may be
// switched off). A cell may be structurally absent (not published, known to be 0).
struct Table {
  std::string name;
  std::vector<std::string> row_labels, col_labels;
  std::vector<std::int64_t> cells;  // rows*cols; an absent cell must hold 0
  bool row_totals = true, col_totals = true, grand_total = true;
  // Optional: rows*cols flags, true = structurally absent (impossible combination). Empty: none.
  std::vector<bool> absent;
  // Optional one level of row hierarchy: row_group[r] is the index into row_group_labels of the
  // group of row r. Each group publishes a subtotal row (one subtotal per column, plus the
  // group's total over the columns when row_totals). Empty: no groups.
  std::vector<int> row_group;
  std::vector<std::string> row_group_labels;
  // Optional: rows*cols contribution lists for the dominance rule. Empty: none.
  std::vector<CellContributions> contributions;

  int rows() const { return static_cast<int>(row_labels.size()); }
  int cols() const { return static_cast<int>(col_labels.size()); }
  int groups() const { return static_cast<int>(row_group_labels.size()); }
};

enum class CellStatus {
  kPublished,
  kPrimary,    // unsafe itself: 0 < count < k (or 0 with zeros_unsafe), or dominated
  kSecondary,  // suppressed to protect primary cells
  kAbsent,     // structurally absent cell, or a total the table does not publish
};

struct Options {
  int k = 5;  // cells with 0 < count < k are unsafe (zeros are safe unless zeros_unsafe)
  bool zeros_unsafe = false;
  // Required width hi - lo of the attacker's interval for every suppressed figure. 0 means k.
  double protection_margin = 0.0;
  // 0 = suppression. Otherwise no suppression: every figure (cells and totals, each on its own)
  // is rounded to the nearest multiple of rounding_base (halves up); 0 stays 0.
  int rounding_base = 0;
  // Dominance rule (n, p): a cell with contributions is unsafe when its largest `dominance_n`
  // contributions hold more than `dominance_p` percent of their sum. Off when dominance_n == 0.
  int dominance_n = 0;
  double dominance_p = 0.0;

  double Margin() const { return protection_margin > 0 ? protection_margin : k; }
};

struct ProtectedTable {
  Table table;                     // input
  std::vector<CellStatus> status;  // per cell
  std::vector<CellStatus> row_total_status, col_total_status;
  CellStatus grand_status = CellStatus::kPublished;
  // With row groups: group_status[g * cols + c] is the subtotal of group g in column c;
  // group_total_status[g] the group's total over the columns.
  std::vector<CellStatus> group_status, group_total_status;
  int primary_count = 0, secondary_count = 0;  // over cells and totals
  // The figures as published: the true values, or rounded ones when rounding_base > 0.
  // Meaningless where the status is not kPublished. Same shapes as the statuses.
  std::vector<std::int64_t> published_cells, published_row_totals, published_col_totals;
  std::int64_t published_grand = 0;
  std::vector<std::int64_t> published_group_cells, published_group_totals;
  int rounding_base = 0;  // the base the published figures are rounded to, 0 = exact
  // Check only: figures shown as "<N" carry N here (0 = not so shown); empty vectors = none.
  std::vector<std::int64_t> below_cells, below_row_totals, below_col_totals;
  std::int64_t below_grand = 0;
};

// Addressing figures of a table with rows R, cols C and groups G in CellInterval/UnsafeCell:
//   (r, c) with r < R, c < C        a cell
//   (r, C)                          row total of row r
//   (R, c), (R, C)                  column total of column c, grand total
//   (R + 1 + g, c), (R + 1 + g, C)  subtotal of group g in column c, group g's total
// row_label/col_label name the figure ("Totalt" for totals).
inline constexpr std::string_view kTotalLabel = "Totalt";

// The published text of a cell: the count as a decimal number, kSuppressedText when suppressed,
// kAbsentText when absent. Precondition: 0 <= row < rows, 0 <= col < cols.
std::string CellText(const ProtectedTable& table, int row, int col);
// Same for every figure, addressed as above (row total, column total, grand total, subtotals).
// Precondition: the address is valid for the table.
std::string FigureText(const ProtectedTable& table, int row, int col);

// Primary and secondary suppression (or rounding, when options.rounding_base > 0) of one table.
// Every suppressed figure is verified by LP to have an attacker interval at least the margin wide.
// Errors: kInvalidArgument for bad shapes (cells, absent, row_group or contributions of the
// wrong size, a group index out of range, an empty group), negative counts, a nonzero absent
// cell, k < 1, a negative margin or rounding base, dominance_n < 0 or dominance_p outside
// [0, 100]; kInternal when the solver fails.
Result<ProtectedTable> Protect(const Table& table, const Options& options);

// Linked tables sharing totals: tables whose row labels are equal (same labels, same order) and
// whose row sums are equal share their row totals and grand total (e.g. form x gender and form x
// age band share the per-form totals). Suppression is chosen so that the JOINT system is safe, and
// a shared total has the same status in every table. Tables that do not share rows with any
// other are protected on their own.
// Errors: as Protect; kInvalidArgument (field "tables") when tables with the same row labels
// have different row sums, or when a linked table has row groups.
Result<std::vector<ProtectedTable>> ProtectLinked(const std::vector<Table>& tables,
                                                  const Options& options);

// Audit: for every suppressed figure, the interval [lo, hi] an attacker derives from what is
// published (LP over non-negative reals with the published figures as constraints; bounds are
// then tightened to integers). hi is +infinity when unbounded.
// Errors: kInvalidArgument when the published figures are inconsistent (no non-negative cells
// give them: e.g. a total smaller than its published cells); kInternal when the solver fails.
struct CellInterval {
  int row, col;
  double lo, hi;
  std::string row_label, col_label;
};
Result<std::vector<CellInterval>> AttackerIntervals(const ProtectedTable& table);
// The same over a set of linked tables (shared totals as in ProtectLinked), one list per table.
Result<std::vector<std::vector<CellInterval>>> AttackerIntervalsLinked(
    const std::vector<ProtectedTable>& tables);

// Check an already published table (e.g. read from CSV; suppressed figures carry any value):
// published figures with 0 < value < k (or 0 with zeros_unsafe), and suppressed figures whose
// attacker interval is narrower than the margin. A suppressed figure shown as "<N" is known to
// lie in [1, N-1] (or [0, N-1] with zeros_unsafe): set N in the below_* fields; it is unsafe
// when the attacker narrows it to less than min(margin, the width of that range).
// Bad shapes or options: returns one UnsafeCell at (-1, -1) whose reason is the error.
struct UnsafeCell {
  int row, col;
  std::string reason;  // "under k (3 < 5)" or "recoverable from totals: [2, 4]"
  std::string row_label, col_label;
};
std::vector<UnsafeCell> Check(const ProtectedTable& published, const Options& options);

}  // namespace synlig::disclosure
