// CaptureTable: the counts of a multiple-list (capture-recapture) study, one count per non-empty
// capture pattern. Usage:
//   auto table = CaptureTable::Create({"LA", "NG", "PF"}, counts);  // counts[pattern], 2^k cells
//   int64_t both = table->count(0b011);                             // on LA and NG, not PF
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::estimate {

inline constexpr int kMinLists = 2;
inline constexpr int kMaxLists = 16;

// A capture pattern: bit j set means "on list j" (list j is the j-th column of the input).
using Pattern = std::uint32_t;

class CaptureTable {
 public:
  // Precondition: none (everything is checked). `counts` has 2^k entries indexed by pattern;
  // counts[0] (seen by no list) must be 0.
  // Errors: kInvalidArgument (field "lists") for fewer than 2 or more than 16 lists, empty or
  // duplicated list names; (field "count") for a wrong number of cells, a negative count or a
  // count in cell 0; (field "lists") for a list that captures nobody.
  static Result<CaptureTable> Create(std::vector<std::string> list_names,
                                     std::vector<std::int64_t> counts);

  int num_lists() const { return static_cast<int>(names_.size()); }
  const std::vector<std::string>& list_names() const { return names_; }
  // Precondition: pattern < 2^num_lists().
  std::int64_t count(Pattern pattern) const { return counts_[pattern]; }
  // All 2^k cells, cell 0 (unobserved) is 0.
  std::span<const std::int64_t> counts() const { return counts_; }
  std::int64_t n_observed() const { return n_observed_; }
  // Number of people on list j (whatever else they are on).
  std::int64_t ListTotal(int j) const;
  // Number of people on every list of `lists` (a pattern used as a set).
  std::int64_t Overlap(Pattern lists) const;
  int NonZeroCells() const;

 private:
  CaptureTable(std::vector<std::string> names, std::vector<std::int64_t> counts);
  std::vector<std::string> names_;
  std::vector<std::int64_t> counts_;
  std::int64_t n_observed_ = 0;
};

// Parses a CSV over `text` (no I/O). Two formats, told apart by the header:
//  * capture patterns: one 0/1 column per list, then a column named `count` (any case); a
//    pattern missing from the file has count 0; the all-zero pattern may appear only with 0;
//  * individual records: one 0/1 column per list, one row per person, no count column.
// Blank lines are skipped; fields may be quoted with "" and are trimmed of spaces.
// Errors: kInvalidArgument naming the line and value, with field "header" (no or bad header,
// duplicated or empty list name, fewer than 2 or more than 16 lists), "row" (wrong number of
// fields, a value that is not 0 or 1, a duplicated pattern, a person on no list), "count" (a count
// that is not a non-negative integer, or a total above 2^53) and "lists" (a list that captures
// nobody).
Result<CaptureTable> ParseCaptureCsv(std::string_view text);

}  // namespace synlig::estimate
