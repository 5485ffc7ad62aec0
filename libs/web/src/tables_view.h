// HTML of the survey's cross-tables (web/templates/tables.mustache): caption, th scope=col
// and scope=row, totals; with disclosure control every cell and total under k shows "<k".
#pragma once

#include <cstdint>
#include <string>

#include "i18n.h"
#include "synlig/survey/tables.h"
#include "templates.h"

namespace synlig::web {

// "<k" when suppress_below > 0 and value < suppress_below, else the number.
std::string CellText(std::int64_t value, int suppress_below);

// suppress_below 0 shows every count (the analyst's dashboard).
std::string RenderTables(const Templates& templates, Lang lang, const survey::Dashboard& d,
                         int suppress_below);

}  // namespace synlig::web
