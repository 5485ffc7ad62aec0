// The published text of a figure: its number, the suppression marker, or nothing when absent.
#include <string>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure {

std::string FigureText(const ProtectedTable& table, int row, int col) {
  const int rows = table.table.rows();
  const int cols = table.table.cols();
  CellStatus status = CellStatus::kPublished;
  std::int64_t value = 0;
  if (row < rows) {
    status = col < cols ? table.status[row * cols + col] : table.row_total_status[row];
    value = col < cols ? table.published_cells[row * cols + col] : table.published_row_totals[row];
  } else if (row == rows) {
    status = col < cols ? table.col_total_status[col] : table.grand_status;
    value = col < cols ? table.published_col_totals[col] : table.published_grand;
  } else {
    const int g = row - rows - 1;
    status = col < cols ? table.group_status[g * cols + col] : table.group_total_status[g];
    value =
        col < cols ? table.published_group_cells[g * cols + col] : table.published_group_totals[g];
  }
  if (status == CellStatus::kAbsent) return std::string(kAbsentText);
  if (status != CellStatus::kPublished) return std::string(kSuppressedText);
  return std::to_string(value);
}

std::string CellText(const ProtectedTable& table, int row, int col) {
  return FigureText(table, row, col);
}

}  // namespace synlig::disclosure
