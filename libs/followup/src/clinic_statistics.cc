// Monthly counts of anonymous contacts and the readers' summary.
#include "synlig/followup/clinic_statistics.h"

#include <string>

namespace synlig::followup {
namespace {

int MonthIndex(YearMonth m) {
  return static_cast<int>(m.year()) * 12 + static_cast<int>(static_cast<unsigned>(m.month())) - 1;
}

}  // namespace

std::string MonthCode(YearMonth month) {
  const unsigned m = static_cast<unsigned>(month.month());
  return std::to_string(static_cast<int>(month.year())) + (m < 10 ? "-0" : "-") + std::to_string(m);
}

Result<ContactStatistics> MonthlyStatistics(std::span<const Contact> contacts, YearMonth from,
                                            YearMonth to) {
  if (!from.ok() || !to.ok() || MonthIndex(to) < MonthIndex(from)) {
    return InvalidArgument(
        "month range " + MonthCode(from) + " .. " + MonthCode(to) + " ends before it starts",
        "months");
  }
  const int n = MonthIndex(to) - MonthIndex(from) + 1;
  if (n > kMaxStatisticsMonths) {
    return InvalidArgument("month range of " + std::to_string(n) + " months is longer than " +
                               std::to_string(kMaxStatisticsMonths),
                           "months");
  }
  ContactStatistics s;
  for (YearMonth m = from; MonthIndex(m) <= MonthIndex(to); m += std::chrono::months{1}) {
    s.months.push_back(m);
  }
  s.month_totals.assign(static_cast<std::size_t>(n), 0);
  for (const ContactDimension& dim : ContactDimensions()) {
    const auto f = static_cast<std::size_t>(dim.field);
    s.by_month[f].assign(static_cast<std::size_t>(n), std::vector<std::int64_t>(dim.codes.size()));
    s.by_option[f].assign(dim.codes.size(), 0);
  }
  const int first = MonthIndex(from);
  for (const Contact& c : contacts) {
    const int i = MonthIndex(YearMonth{c.date.year(), c.date.month()}) - first;
    if (i < 0 || i >= n) continue;
    const auto mi = static_cast<std::size_t>(i);
    ++s.month_totals[mi];
    ++s.total;
    for (const ContactDimension& dim : ContactDimensions()) {
      const auto f = static_cast<std::size_t>(dim.field);
      const std::size_t v = c.values[f];
      if (v >= dim.codes.size()) continue;  // not from ValidateContact; not counted
      ++s.by_month[f][mi][v];
      ++s.by_option[f][v];
    }
  }
  return s;
}

Result<ClinicSummaryResult> ClinicSummary(std::span<const Contact> contacts, YearMonth from,
                                          YearMonth to) {
  auto s = MonthlyStatistics(contacts, from, to);
  if (!s) return Unexpected(s.error());
  ClinicSummaryResult r;
  r.months = std::move(s->months);
  r.month_totals = std::move(s->month_totals);
  r.total = s->total;
  r.by_option = std::move(s->by_option);
  r.new_contacts = r.by_option[static_cast<std::size_t>(ContactField::kVisit)][0];
  return r;
}

}  // namespace synlig::followup
