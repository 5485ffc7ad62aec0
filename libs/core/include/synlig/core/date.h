// Calendar dates (no time zone) and reference periods, parsed strictly from YYYY-MM-DD.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig {

using Date = std::chrono::year_month_day;

// Accepts exactly YYYY-MM-DD with a real calendar day between 1900-01-01 and 2199-12-31.
// kInvalidArgument otherwise, naming the text.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& date);

// A closed interval of days; from <= to.
struct Period {
  Date from;
  Date to;
};
// kInvalidArgument when to is before from.
Result<Period> MakePeriod(const Date& from, const Date& to);

}  // namespace synlig
