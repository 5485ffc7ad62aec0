// The builders of the report's tables, per section, for one round (the current round and,
// for the change section, the previous one), and the texts shared by them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/protect.h"
#include "synlig/report/report.h"

namespace synlig::report::internal {

// What the tables of one round need to know about each other.
struct RoundContext {
  const RoundData& round;
  int k;
  bool entries_published = false;  // the number of person entries is published
  std::int64_t entries = 0;
};

// Sections 1-6 and 8 (everything that depends on the round), in report order.
Result<std::vector<BuiltTable>> BuildRoundTables(const RoundData& round);

// Section 1: response by sector (percentage of units answering, person entries) and by unit.
Result<std::vector<BuiltTable>> ResponseTables(RoundContext& ctx);
// Section 2: persons known (range), form x gender, form x age, persons by gender and by age;
// section 3: arena x form, persons by arena, form x location, persons by location;
// section 4: trafficking (copied figures), control x trafficking, persons by sign of control.
Result<std::vector<BuiltTable>> PersonTables(RoundContext& ctx);
// Section 5: the estimate.
Result<std::vector<BuiltTable>> EstimateTables(RoundContext& ctx);
// Section 6: online ads.
Result<std::vector<BuiltTable>> AdTables(RoundContext& ctx);
// Section 8: follow-up modules' tables.
Result<std::vector<BuiltTable>> FollowupTables(RoundContext& ctx);
// Section 7: Brå's figures with rates per 100,000 (empty when there are none).
Result<std::vector<BuiltTable>> CrimeTables(const ReportInputs& in, int k);
// Section 9: the change tables between the rounds' comparable tables.
std::vector<BuiltTable> ChangeTables(const std::vector<BuiltTable>& current,
                                     const std::vector<BuiltTable>& previous, const RoundInfo& cur,
                                     const RoundInfo& prev);

// A bar chart of a table's column (suppressed figures left out).
Chart BarChart(const ReportTable& t, int col, Text title, Text y_label);

// "Ännu inte registrerat i Synlig." / "Not yet recorded in Synlig."
extern const Text kNotYetRecorded;

// Formats a count with a thin no-break space between thousands ("12 345").
std::string Thousands(std::int64_t n, Language lang);
// Formats a number with one decimal, Swedish decimal comma in Swedish.
std::string Decimal(double v, int decimals, Language lang);

}  // namespace synlig::report::internal
