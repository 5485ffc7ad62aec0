// Primary and secondary suppression of the one-way tables readers see: the disclosure
// library chooses and verifies (by linear programming) which cells to hide; this file shows
// primary cells as "<k" and complementary ones as "×".
#include "synlig/followup/suppression.h"

#include "synlig/disclosure/disclosure.h"
#include "synlig/survey/tables.h"

namespace synlig::followup {
namespace {

// When the solver cannot be used: every non-zero cell and the total hidden (always safe).
SuppressedTable HideAll(std::span<const std::int64_t> counts, int k) {
  SuppressedTable t;
  std::int64_t total = 0;
  for (const std::int64_t c : counts) {
    total += c;
    t.hidden.push_back(c > 0);
    t.cells.push_back(c == 0 ? "0" : c < k ? survey::CountText(c, k) : "×");
  }
  t.total_hidden = total > 0;
  t.total = total == 0 ? "0" : total < k ? survey::CountText(total, k) : "×";
  return t;
}

std::string Shown(std::int64_t value, disclosure::CellStatus status, int k) {
  switch (status) {
    case disclosure::CellStatus::kPrimary:
      return survey::CountText(value, k);
    case disclosure::CellStatus::kSecondary:
      return "×";
    case disclosure::CellStatus::kPublished:
    case disclosure::CellStatus::kAbsent:
      break;
  }
  return std::to_string(value);
}

}  // namespace

std::string CountText(std::int64_t count, int k) { return survey::CountText(count, k); }

SuppressedTable SuppressOneWay(std::span<const std::int64_t> counts, int k) {
  SuppressedTable t;
  std::int64_t total = 0;
  for (const std::int64_t c : counts) total += c;
  if (k <= 1 || counts.empty()) {
    for (const std::int64_t c : counts) {
      t.cells.push_back(std::to_string(c));
      t.hidden.push_back(false);
    }
    t.total = std::to_string(total);
    return t;
  }
  // One column; its total is the table's total.
  disclosure::Table table;
  table.name = "one-way";
  table.col_labels = {"count"};
  for (std::size_t i = 0; i < counts.size(); ++i) {
    table.row_labels.push_back(std::to_string(i));
    table.cells.push_back(counts[i]);
  }
  table.row_totals = false;
  table.grand_total = false;
  auto protected_table = disclosure::Protect(table, disclosure::Options{.k = k});
  if (!protected_table) return HideAll(counts, k);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const disclosure::CellStatus s = protected_table->status[i];
    t.hidden.push_back(s == disclosure::CellStatus::kPrimary ||
                       s == disclosure::CellStatus::kSecondary);
    t.cells.push_back(Shown(counts[i], s, k));
  }
  const disclosure::CellStatus total_status = protected_table->col_total_status.at(0);
  t.total_hidden = total_status == disclosure::CellStatus::kPrimary ||
                   total_status == disclosure::CellStatus::kSecondary;
  t.total = Shown(total, total_status, k);
  return t;
}

}  // namespace synlig::followup
