// CaptureTable construction and checks.
#include "synlig/estimate/capture_table.h"

#include <bit>
#include <set>

namespace synlig::estimate {

CaptureTable::CaptureTable(std::vector<std::string> names, std::vector<std::int64_t> counts)
    : names_(std::move(names)), counts_(std::move(counts)) {
  for (std::int64_t c : counts_) n_observed_ += c;
}

Result<CaptureTable> CaptureTable::Create(std::vector<std::string> list_names,
                                          std::vector<std::int64_t> counts) {
  const int k = static_cast<int>(list_names.size());
  if (k < kMinLists) {
    return InvalidArgument("need at least 2 lists, got " + std::to_string(k), "lists");
  }
  if (k > kMaxLists) {
    return InvalidArgument("at most 16 lists are supported, got " + std::to_string(k), "lists");
  }
  std::set<std::string> seen;
  for (const std::string& name : list_names) {
    if (name.empty()) return InvalidArgument("a list name is empty", "lists");
    if (!seen.insert(name).second) {
      return InvalidArgument("list name '" + name + "' appears twice", "lists");
    }
  }
  const std::size_t cells = std::size_t{1} << k;
  if (counts.size() != cells) {
    return InvalidArgument("expected " + std::to_string(cells) + " cells for " +
                               std::to_string(k) + " lists, got " + std::to_string(counts.size()),
                           "count");
  }
  if (counts[0] != 0) {
    return InvalidArgument("the pattern seen by no list cannot have a count (" +
                               std::to_string(counts[0]) + ")",
                           "count");
  }
  constexpr std::int64_t kMaxTotal = std::int64_t{1} << 53;
  std::int64_t total = 0;
  for (std::size_t p = 1; p < cells; ++p) {
    if (counts[p] < 0) {
      return InvalidArgument("negative count " + std::to_string(counts[p]), "count");
    }
    if (counts[p] > kMaxTotal - total) {
      return InvalidArgument("total count exceeds 2^53", "count");
    }
    total += counts[p];
  }
  CaptureTable table(std::move(list_names), std::move(counts));
  for (int j = 0; j < k; ++j) {
    if (table.ListTotal(j) == 0) {
      return InvalidArgument("list '" + table.names_[static_cast<std::size_t>(j)] +
                                 "' captures nobody",
                             "lists");
    }
  }
  return table;
}

std::int64_t CaptureTable::ListTotal(int j) const { return Overlap(Pattern{1} << j); }

std::int64_t CaptureTable::Overlap(Pattern lists) const {
  std::int64_t total = 0;
  for (std::size_t p = 0; p < counts_.size(); ++p) {
    if ((static_cast<Pattern>(p) & lists) == lists) total += counts_[p];
  }
  return total;
}

int CaptureTable::NonZeroCells() const {
  int cells = 0;
  for (std::int64_t c : counts_) cells += c > 0 ? 1 : 0;
  return cells;
}

}  // namespace synlig::estimate
