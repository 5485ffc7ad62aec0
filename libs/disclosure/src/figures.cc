// Flat figure index, values, labels and additivity equations of a table.
#include "figures.h"

namespace synlig::disclosure::internal {

void Layout::Address(int f, int& row, int& col) const {
  if (f < rows * cols) {
    row = f / cols;
    col = f % cols;
  } else if (f < ColTotal(0)) {
    row = f - RowTotal(0);
    col = cols;
  } else if (f <= Grand()) {
    row = rows;
    col = f - ColTotal(0);
  } else if (f < GroupTotal(0)) {
    row = rows + 1 + (f - GroupCell(0, 0)) / cols;
    col = (f - GroupCell(0, 0)) % cols;
  } else {
    row = rows + 1 + (f - GroupTotal(0));
    col = cols;
  }
}

std::vector<std::int64_t> FigureValues(const Table& t) {
  const Layout l(t);
  std::vector<std::int64_t> v(l.size(), 0);
  for (int r = 0; r < l.rows; ++r) {
    for (int c = 0; c < l.cols; ++c) {
      const std::int64_t x = t.cells[l.Cell(r, c)];
      v[l.Cell(r, c)] = x;
      v[l.RowTotal(r)] += x;
      v[l.ColTotal(c)] += x;
      v[l.Grand()] += x;
      if (l.groups > 0) {
        v[l.GroupCell(t.row_group[r], c)] += x;
        v[l.GroupTotal(t.row_group[r])] += x;
      }
    }
  }
  return v;
}

std::string RowLabel(const Table& t, int row) {
  if (row < t.rows()) return t.row_labels[row];
  if (row == t.rows()) return std::string(kTotalLabel);
  return t.row_group_labels[row - t.rows() - 1];
}

std::string ColLabel(const Table& t, int col) {
  return col < t.cols() ? t.col_labels[col] : std::string(kTotalLabel);
}

std::vector<bool> NotPublishedByDesign(const Table& t) {
  const Layout l(t);
  std::vector<bool> off(l.size(), false);
  for (int i = 0; i < l.rows * l.cols; ++i) off[i] = !t.absent.empty() && t.absent[i];
  for (int r = 0; r < l.rows; ++r) off[l.RowTotal(r)] = !t.row_totals;
  for (int c = 0; c < l.cols; ++c) off[l.ColTotal(c)] = !t.col_totals;
  off[l.Grand()] = !t.grand_total;
  // Group subtotals are the column sums within a group: published with the column totals' rule
  // (a table with groups always publishes them); the group total over the columns follows the
  // row totals' switch.
  for (int g = 0; g < l.groups; ++g) off[l.GroupTotal(g)] = !t.row_totals;
  // A total over absent cells only is structurally 0 as well: nothing to publish or protect.
  std::vector<int> covered(l.size(), 0);
  for (int r = 0; r < l.rows; ++r) {
    for (int c = 0; c < l.cols; ++c) {
      if (off[l.Cell(r, c)]) continue;
      ++covered[l.RowTotal(r)];
      ++covered[l.ColTotal(c)];
      ++covered[l.Grand()];
      if (l.groups > 0) {
        ++covered[l.GroupCell(t.row_group[r], c)];
        ++covered[l.GroupTotal(t.row_group[r])];
      }
    }
  }
  for (int f = l.rows * l.cols; f < l.size(); ++f) {
    if (covered[f] == 0) off[f] = true;
  }
  return off;
}

std::vector<Equation> Equations(const Table& t) {
  const Layout l(t);
  auto absent = [&](int r, int c) { return !t.absent.empty() && t.absent[l.Cell(r, c)]; };
  std::vector<Equation> eqs;
  for (int r = 0; r < l.rows; ++r) {
    Equation e{l.RowTotal(r), {}};
    for (int c = 0; c < l.cols; ++c) {
      if (!absent(r, c)) e.parts.push_back(l.Cell(r, c));
    }
    eqs.push_back(std::move(e));
  }
  // Columns: without groups the column total is the sum of the rows; with groups the group
  // subtotal is the sum of its rows and the column total the sum of the subtotals.
  for (int c = 0; c < l.cols; ++c) {
    if (l.groups == 0) {
      Equation e{l.ColTotal(c), {}};
      for (int r = 0; r < l.rows; ++r) {
        if (!absent(r, c)) e.parts.push_back(l.Cell(r, c));
      }
      eqs.push_back(std::move(e));
      continue;
    }
    for (int g = 0; g < l.groups; ++g) {
      Equation e{l.GroupCell(g, c), {}};
      for (int r = 0; r < l.rows; ++r) {
        if (t.row_group[r] == g && !absent(r, c)) e.parts.push_back(l.Cell(r, c));
      }
      eqs.push_back(std::move(e));
    }
    Equation top{l.ColTotal(c), {}};
    for (int g = 0; g < l.groups; ++g) top.parts.push_back(l.GroupCell(g, c));
    eqs.push_back(std::move(top));
  }
  // The margin column: grand = sum of row totals (or of group totals), group total = sum of
  // its rows' totals; and each group total is also the sum of its subtotals.
  if (l.groups == 0) {
    Equation e{l.Grand(), {}};
    for (int r = 0; r < l.rows; ++r) e.parts.push_back(l.RowTotal(r));
    eqs.push_back(std::move(e));
  } else {
    for (int g = 0; g < l.groups; ++g) {
      Equation e{l.GroupTotal(g), {}};
      for (int r = 0; r < l.rows; ++r) {
        if (t.row_group[r] == g) e.parts.push_back(l.RowTotal(r));
      }
      eqs.push_back(std::move(e));
      Equation across{l.GroupTotal(g), {}};
      for (int c = 0; c < l.cols; ++c) across.parts.push_back(l.GroupCell(g, c));
      eqs.push_back(std::move(across));
    }
    Equation e{l.Grand(), {}};
    for (int g = 0; g < l.groups; ++g) e.parts.push_back(l.GroupTotal(g));
    eqs.push_back(std::move(e));
  }
  Equation across{l.Grand(), {}};
  for (int c = 0; c < l.cols; ++c) across.parts.push_back(l.ColTotal(c));
  eqs.push_back(std::move(across));
  return eqs;
}

void ScatterStatus(const std::vector<CellStatus>& flat, ProtectedTable& out) {
  const Layout l(out.table);
  out.status.assign(flat.begin(), flat.begin() + l.rows * l.cols);
  out.row_total_status.assign(flat.begin() + l.RowTotal(0), flat.begin() + l.ColTotal(0));
  out.col_total_status.assign(flat.begin() + l.ColTotal(0), flat.begin() + l.Grand());
  out.grand_status = flat[l.Grand()];
  out.group_status.assign(flat.begin() + l.GroupCell(0, 0), flat.begin() + l.GroupTotal(0));
  out.group_total_status.assign(flat.begin() + l.GroupTotal(0), flat.end());
}

void ScatterPublished(const std::vector<std::int64_t>& values, ProtectedTable& out) {
  const Layout l(out.table);
  out.published_cells.assign(values.begin(), values.begin() + l.rows * l.cols);
  out.published_row_totals.assign(values.begin() + l.RowTotal(0), values.begin() + l.ColTotal(0));
  out.published_col_totals.assign(values.begin() + l.ColTotal(0), values.begin() + l.Grand());
  out.published_grand = values[l.Grand()];
  out.published_group_cells.assign(values.begin() + l.GroupCell(0, 0),
                                   values.begin() + l.GroupTotal(0));
  out.published_group_totals.assign(values.begin() + l.GroupTotal(0), values.end());
}

std::vector<CellStatus> GatherStatus(const ProtectedTable& p) {
  std::vector<CellStatus> flat(p.status);
  flat.insert(flat.end(), p.row_total_status.begin(), p.row_total_status.end());
  flat.insert(flat.end(), p.col_total_status.begin(), p.col_total_status.end());
  flat.push_back(p.grand_status);
  flat.insert(flat.end(), p.group_status.begin(), p.group_status.end());
  flat.insert(flat.end(), p.group_total_status.begin(), p.group_total_status.end());
  return flat;
}

}  // namespace synlig::disclosure::internal
