// The basis of the MIKA/KAST feasibility inquiry that is not read from the mapping: reference
// figures from existing clinics entered as cited data, and the analyst's cost and staffing
// assumptions with a simple projection of cost per client. Pure. Usage:
//   auto a = followup::ValidateAssumptions({"2,5", "720 000", "150 000", "60"});
//   followup::Projection p = followup::Project(*a);   // total 1 950 000, 32 500 per client
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::followup {

// A figure from an existing clinic, with where it comes from. Values are stored in
// hundredths so "2,5 counsellors" is exact.
struct ReferenceFigure {
  std::int64_t id = 0;
  std::string clinic;           // "KAST Göteborg"
  std::string city;             // "Göteborg"
  std::optional<int> year;      // the year the figure is for; nullopt when the source gives none
  std::int64_t value_x100 = 0;  // 1500 = 15
  std::string measure;          // what it measures: "klienter första verksamhetsåret"
  std::string source;           // the citation: publisher, title, year, page or address
  friend bool operator==(const ReferenceFigure&, const ReferenceFigure&) = default;
};

struct ReferenceInput {
  std::string clinic, city, year, value, measure, source;
};

// kInvalidArgument with field "clinic" (1..200 bytes), "city" (0..100), "year" (empty or
// 1950..2199), "value" (a number 0..10 000 000 with at most two decimals, comma or point),
// "measure" (1..200) or "source" (1..500; a figure without a citation is refused).
Result<ReferenceFigure> ValidateReference(const ReferenceInput& input);

struct Assumptions {
  std::int64_t counsellors_x100 = 0;  // full-time equivalents, 0.1..100
  std::int64_t cost_per_fte = 0;      // SEK a year incl. social fees, 1..10 000 000
  std::int64_t other_costs = 0;       // SEK a year: premises, supervision, ...; 0..100 000 000
  std::int64_t expected_clients = 0;  // clients a year, 1..100 000
  friend bool operator==(const Assumptions&, const Assumptions&) = default;
};

struct AssumptionsInput {
  std::string counsellors, cost_per_fte, other_costs, expected_clients;
};

// kInvalidArgument with field "counsellors", "cost_per_fte", "other_costs" or
// "expected_clients", naming the value. Amounts may be written "720 000".
Result<Assumptions> ValidateAssumptions(const AssumptionsInput& input);

struct Projection {
  std::int64_t staff_cost = 0;                  // counsellors × cost per FTE, SEK a year (rounded)
  std::int64_t total_cost = 0;                  // staff + other costs
  std::int64_t cost_per_client = 0;             // total / expected clients, rounded to whole SEK
  std::int64_t clients_per_counsellor_x10 = 0;  // expected clients per FTE, in tenths
};
// Precondition: `a` passed ValidateAssumptions.
Projection Project(const Assumptions& a);

// A number with up to two decimals ("2", "2,5", "2.50", "1 200,75") in hundredths, 0..max_x100.
// kInvalidArgument with `field`, naming the text.
Result<std::int64_t> ParseHundredths(std::string_view text, std::int64_t max_x100,
                                     std::string_view field);
// 250 -> "2,5" (Swedish) / "2.5"; 1500 -> "15"; thousands separated by a space in Swedish
// ("1 200") and a comma in English ("1,200").
std::string FormatHundredths(std::int64_t value_x100, bool english);
// Whole SEK with thousands separators: "1 950 000" / "1,950,000".
std::string FormatAmount(std::int64_t amount, bool english);

}  // namespace synlig::followup
