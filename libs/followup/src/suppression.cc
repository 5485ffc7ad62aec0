// Primary and one-way secondary suppression of counts shown to readers.
#include "synlig/followup/suppression.h"

#include "synlig/survey/tables.h"

namespace synlig::followup {

std::string CountText(std::int64_t count, int k) { return survey::CountText(count, k); }

SuppressedTable SuppressOneWay(std::span<const std::int64_t> counts, int k) {
  SuppressedTable t;
  std::int64_t total = 0;
  int hidden = 0;
  for (const std::int64_t c : counts) {
    total += c;
    const bool small = k > 1 && c > 0 && c < k;
    t.hidden.push_back(small);
    if (small) ++hidden;
  }
  t.total_hidden = k > 1 && total > 0 && total < k;
  if (hidden == 1 && !t.total_hidden) {
    // The smallest other non-zero cell (the first of equals) goes too.
    std::size_t pick = counts.size();
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (t.hidden[i] || counts[i] == 0) continue;
      if (pick == counts.size() || counts[i] < counts[pick]) pick = i;
    }
    if (pick < counts.size()) t.hidden[pick] = true;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (!t.hidden[i]) {
      t.cells.push_back(std::to_string(counts[i]));
    } else if (counts[i] < k) {
      t.cells.push_back(survey::CountText(counts[i], k));
    } else {
      t.cells.push_back("×");  // hidden only to protect another cell
    }
  }
  t.total = t.total_hidden ? survey::CountText(total, k) : std::to_string(total);
  return t;
}

}  // namespace synlig::followup
