// Terms (VT/HT) and school years (July–June).
#include "synlig/followup/school_year.h"

#include <charconv>

namespace synlig::followup {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

std::optional<int> ParseYear(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  if (value < 1900 || value > 2199) return std::nullopt;
  return value;
}

std::string Shown(std::string_view text) {
  std::string out(text.substr(0, 20));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return out;
}

}  // namespace

Term TermOf(const Date& date) {
  const int y = static_cast<int>(date.year());
  return Term{y, static_cast<unsigned>(date.month()) <= 6 ? TermKind::kSpring : TermKind::kAutumn};
}

SchoolYear SchoolYearOf(const Date& date) {
  const int y = static_cast<int>(date.year());
  return SchoolYear{static_cast<unsigned>(date.month()) >= 7 ? y : y - 1};
}

Period PeriodOf(const Term& term) {
  const year y{term.year};
  if (term.kind == TermKind::kSpring) return Period{y / month{1} / day{1}, y / month{6} / day{30}};
  return Period{y / month{7} / day{1}, y / month{12} / day{31}};
}

Period PeriodOf(const SchoolYear& school_year) {
  return Period{year{school_year.start_year} / month{7} / day{1},
                year{school_year.start_year + 1} / month{6} / day{30}};
}

Term Previous(const Term& term) {
  if (term.kind == TermKind::kAutumn) return Term{term.year, TermKind::kSpring};
  return Term{term.year - 1, TermKind::kAutumn};
}

std::string TermCode(const Term& term) {
  return (term.kind == TermKind::kSpring ? "vt" : "ht") + std::to_string(term.year);
}

std::string SchoolYearCode(const SchoolYear& school_year) {
  const int next = (school_year.start_year + 1) % 100;
  return std::to_string(school_year.start_year) + (next < 10 ? "-0" : "-") + std::to_string(next);
}

std::string TermLabel(const Term& term, bool english) {
  if (english) {
    return (term.kind == TermKind::kSpring ? "Spring " : "Autumn ") + std::to_string(term.year);
  }
  return (term.kind == TermKind::kSpring ? "VT " : "HT ") + std::to_string(term.year);
}

std::string SchoolYearLabel(const SchoolYear& school_year, bool english) {
  std::string code = SchoolYearCode(school_year);
  code[4] = '/';
  return (english ? "School year " : "Läsåret ") + code;
}

Result<Term> ParseTerm(std::string_view code) {
  if (code.size() == 6 && (code.starts_with("vt") || code.starts_with("ht"))) {
    if (auto y = ParseYear(code.substr(2))) {
      return Term{*y, code.starts_with("vt") ? TermKind::kSpring : TermKind::kAutumn};
    }
  }
  return InvalidArgument("term '" + Shown(code) + "' is not vtYYYY or htYYYY", "term");
}

Result<SchoolYear> ParseSchoolYear(std::string_view code) {
  if (code.size() == 7 && code[4] == '-') {
    const auto first = ParseYear(code.substr(0, 4));
    if (first && *first < 2199) {
      SchoolYear school_year{*first};
      if (SchoolYearCode(school_year) == code) return school_year;
    }
  }
  return InvalidArgument("school year '" + Shown(code) + "' is not YYYY-YY (e.g. 2025-26)", "year");
}

}  // namespace synlig::followup
