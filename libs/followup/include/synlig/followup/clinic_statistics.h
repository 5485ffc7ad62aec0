// Monthly statistics of the anonymous contact log, and the summary readers and the council
// report see (one-way tables only, suppressed under k). Pure. Usage:
//   auto stats = followup::MonthlyStatistics(contacts, from, to);       // exact, clinic staff
//   auto summary = followup::ClinicSummary(contacts, from, to);         // raw counts
//   followup::SuppressedTable t = followup::SuppressOneWay(summary->month_totals, k);
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/followup/codes.h"
#include "synlig/followup/contact.h"

namespace synlig::followup {

using YearMonth = std::chrono::year_month;

inline constexpr int kMaxStatisticsMonths = 120;

struct ContactStatistics {
  std::vector<YearMonth> months;           // consecutive, from .. to
  std::vector<std::int64_t> month_totals;  // contacts per month
  std::int64_t total = 0;
  // Per field: [month][option] counts, and the period's count per option.
  std::array<std::vector<std::vector<std::int64_t>>, kContactFields> by_month;
  std::array<std::vector<std::int64_t>, kContactFields> by_option;
};

// Counts the contacts dated in the months from..to (others ignored). kInvalidArgument
// ("months") when to is before from or the range is longer than kMaxStatisticsMonths.
Result<ContactStatistics> MonthlyStatistics(std::span<const Contact> contacts, YearMonth from,
                                            YearMonth to);

// What the council report and the readers' pages show of the contacts: contacts per month,
// and one distribution per field over the whole range (no month × field tables, which
// small monthly counts would make unsafe). Counts are raw: put each vector through
// SuppressOneWay (or the disclosure library) before a reader sees it. Errors as
// MonthlyStatistics.
struct ClinicSummaryResult {
  std::vector<YearMonth> months;
  std::vector<std::int64_t> month_totals;
  std::int64_t total = 0;
  std::array<std::vector<std::int64_t>, kContactFields> by_option;
  std::int64_t new_contacts = 0;  // visit = new
};
Result<ClinicSummaryResult> ClinicSummary(std::span<const Contact> contacts, YearMonth from,
                                          YearMonth to);

// "2025-03"
std::string MonthCode(YearMonth month);

}  // namespace synlig::followup
