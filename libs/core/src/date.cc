// Strict date parsing.
#include "synlig/core/date.h"

#include <cstdio>

namespace synlig {

Result<Date> ParseDate(std::string_view text) {
  auto bad = [&] {
    // Appended, not "'" + std::string(text): GCC 12 at -O3 warns falsely (-Wrestrict) there.
    std::string message(1, '\'');
    message.append(text).append("' is not a date of the form YYYY-MM-DD");
    return InvalidArgument(message);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lens[p]; ++i) {
      char c = text[starts[p] + i];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  Date d{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
         std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!d.ok() || parts[0] < 1900 || parts[0] > 2199) return bad();
  return d;
}

std::string FormatDate(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

Result<Period> MakePeriod(const Date& from, const Date& to) {
  if (std::chrono::sys_days(to) < std::chrono::sys_days(from)) {
    return InvalidArgument("period ends (" + FormatDate(to) + ") before it starts (" +
                           FormatDate(from) + ")", "period_to");
  }
  return Period{from, to};
}

}  // namespace synlig
