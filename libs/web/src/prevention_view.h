// Template data shared by the follow-up pages: options of a code list, form errors in the
// house pattern (summary with links + message at the field), and small formatting helpers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "synlig/followup/codes.h"
#include "templates.h"

namespace synlig::web {

// A list of {value, label, selected/checked} for a select, radios or checkboxes.
TemplateList CodeOptions(std::span<const followup::Code> codes, Lang lang,
                         const std::vector<std::string_view>& chosen);

// Sets "error_<field>" (the message), "errors" (one link to #<id_prefix><field>) and
// "has_errors" on `data`, with the message of catalog key "<form>.error.<field>", and returns
// the HTTP status for the re-shown form (422 for invalid input, 409 for a duplicate).
int SetFormError(const RequestContext& ctx, TemplateData& data, std::string_view form,
                 std::string_view id_prefix, const Error& error);

// "3 av 12 (25 %)" / "3 of 12 (25 %)"; "–" when whole is 0.
std::string PartOf(const RequestContext& ctx, std::int64_t part, std::int64_t whole);

// A share 0..1 as "42 %", a change in percentage points as "+3,5" / "−12" ("+3.5" in English).
std::string SharePercent(double share);
std::string PointsText(double points, Lang lang);

// The school-year choices of a year selector: this school year and the four before it.
TemplateList SchoolYearOptions(const RequestContext& ctx, int chosen_start_year);

}  // namespace synlig::web
