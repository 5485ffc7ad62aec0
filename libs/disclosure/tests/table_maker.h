// Test helper: tables from rows of numbers, with labels r0.., c0...
#pragma once

#include <string>
#include <vector>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::testing {

inline Table MakeTable(const std::vector<std::vector<std::int64_t>>& rows,
                       const std::string& name = "t") {
  Table t;
  t.name = name;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    t.row_labels.push_back("r" + std::to_string(r));
    t.cells.insert(t.cells.end(), rows[r].begin(), rows[r].end());
  }
  for (std::size_t c = 0; c < rows.front().size(); ++c) {
    t.col_labels.push_back("c" + std::to_string(c));
  }
  return t;
}

// Status of every cell as a string grid: 'P' published, '1' primary, '2' secondary, '-' absent.
inline std::string StatusPicture(const ProtectedTable& p) {
  std::string out;
  for (int r = 0; r < p.table.rows(); ++r) {
    for (int c = 0; c < p.table.cols(); ++c) {
      const CellStatus s = p.status[r * p.table.cols() + c];
      out += s == CellStatus::kPublished   ? 'P'
             : s == CellStatus::kPrimary   ? '1'
             : s == CellStatus::kSecondary ? '2'
                                           : '-';
    }
    out += '\n';
  }
  return out;
}

}  // namespace synlig::disclosure::testing
