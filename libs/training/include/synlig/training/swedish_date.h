// Dates as Swedish spreadsheets and learning platforms write them.
#pragma once

#include <string_view>

#include "synlig/core/date.h"
#include "synlig/core/error.h"

namespace synlig::training {

// Accepts, day first wherever day and month are both numbers:
//   2026-03-05, 2026/03/05, 20260305, 2026-03-05 14:30[:00], 2026-03-05T14:30:00[Z]
//   5/3 2026, 5/3-2026, 5/3/2026, 05.03.2026, 5.3.2026, 05-03-2026
//   5 mars 2026, 5 mar 2026, den 5 mars 2026, 5 Mars 2026 (Swedish month names, full or
//   abbreviated: jan feb mar(s) apr maj jun(i) jul(i) aug sep(t) okt nov dec)
// with surrounding white space. Years 1900..2199, real calendar days. kInvalidArgument
// (field "date") naming the text otherwise, e.g. for two-digit years.
Result<Date> ParseSwedishDate(std::string_view text);

}  // namespace synlig::training
