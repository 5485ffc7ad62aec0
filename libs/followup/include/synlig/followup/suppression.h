// Disclosure control of the follow-up's reader views: a one-way table of counts with its
// total, where every count 1..k-1 is shown as "<k" (primary suppression, survey::CountText)
// and further cells are hidden as "×" where the disclosure library's secondary suppression
// (verified by linear programming) finds that a hidden cell could otherwise be recovered from
// the total and the rest. Readers only ever see one-way tables. Usage:
//   followup::SuppressedTable t = followup::SuppressOneWay(counts, 5);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace synlig::followup {

struct SuppressedTable {
  std::vector<std::string> cells;  // one text per count
  std::vector<bool> hidden;        // which cells are not shown as their number
  std::string total;               // the sum, or "<k" when it is under k
  bool total_hidden = false;
};

// k <= 1 shows every count. Zero is shown as 0 (it is not a small group of persons). Should the
// solver fail, every non-zero cell and the total are hidden. Precondition: counts are >= 0.
SuppressedTable SuppressOneWay(std::span<const std::int64_t> counts, int k);

// A single count as readers see it ("<k" for 1..k-1): survey::CountText.
std::string CountText(std::int64_t count, int k);

}  // namespace synlig::followup
