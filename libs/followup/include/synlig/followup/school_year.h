// Terms and school years, the periods attitude work is followed up by. A term is VT (spring,
// 1 January – 30 June) or HT (autumn, 1 July – 31 December), so every date falls in exactly one
// term; a school year runs 1 July – 30 June (HT then VT). Usage:
//   followup::Term t = followup::TermOf(date);          // {2025, kAutumn} -> "ht2025"
//   auto y = followup::ParseSchoolYear("2025-26");       // 2025-07-01 .. 2026-06-30
#pragma once

#include <string>
#include <string_view>

#include "synlig/core/date.h"
#include "synlig/core/error.h"

namespace synlig::followup {

enum class TermKind { kSpring, kAutumn };  // VT, HT

struct Term {
  int year = 2000;
  TermKind kind = TermKind::kSpring;
  friend bool operator==(const Term&, const Term&) = default;
};

struct SchoolYear {
  int start_year = 2000;  // 2025 = 2025/26
  friend bool operator==(const SchoolYear&, const SchoolYear&) = default;
};

Term TermOf(const Date& date);
SchoolYear SchoolYearOf(const Date& date);
Period PeriodOf(const Term& term);
Period PeriodOf(const SchoolYear& year);
// The term before `term` (HT2025 -> VT2025, VT2025 -> HT2024).
Term Previous(const Term& term);

// "vt2025" / "ht2025" and "2025-26": the codes used in URLs.
std::string TermCode(const Term& term);
std::string SchoolYearCode(const SchoolYear& year);
// "VT 2025" / "Spring 2025"; "Läsåret 2025/26" / "School year 2025/26".
std::string TermLabel(const Term& term, bool english);
std::string SchoolYearLabel(const SchoolYear& year, bool english);

// Exactly the codes above with a year 1900..2199 (a school year's second part must follow
// its first: "2025-26"). kInvalidArgument with field "term" / "year", naming the text.
Result<Term> ParseTerm(std::string_view code);
Result<SchoolYear> ParseSchoolYear(std::string_view code);

}  // namespace synlig::followup
