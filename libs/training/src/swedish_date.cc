// The Swedish date formats of swedish_date.h.
#include "synlig/training/swedish_date.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace synlig::training {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Splits into runs of digits and runs of letters; everything else separates. Returns the
// separators too so "5/3 2026" and "2026-03-05" can be told apart.
struct Token {
  std::string text;
  bool digits = false;
};

std::vector<Token> Tokens(std::string_view s, std::string& separators) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsDigit(c)) {
      std::size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      out.push_back({std::string(s.substr(i, j - i)), true});
      i = j;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      std::size_t j = i;
      while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) ++j;
      out.push_back({Lower(s.substr(i, j - i)), false});
      i = j;
    } else {
      separators.push_back(c);
      ++i;
    }
  }
  return out;
}

std::optional<unsigned> Month(const std::string& name) {
  static constexpr std::array<std::array<std::string_view, 3>, 12> kNames = {{
      {"januari", "jan", ""},
      {"februari", "feb", ""},
      {"mars", "mar", ""},
      {"april", "apr", ""},
      {"maj", "", ""},
      {"juni", "jun", ""},
      {"juli", "jul", ""},
      {"augusti", "aug", ""},
      {"september", "sep", "sept"},
      {"oktober", "okt", ""},
      {"november", "nov", ""},
      {"december", "dec", ""},
  }};
  for (unsigned m = 0; m < kNames.size(); ++m) {
    for (const std::string_view n : kNames[m]) {
      if (!n.empty() && n == name) return m + 1;
    }
  }
  return std::nullopt;
}

int Number(const std::string& digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

Result<Date> Make(int y, unsigned m, unsigned d, std::string_view original) {
  const Date date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (y < 1900 || y > 2199 || !date.ok()) {
    return InvalidArgument("'" + std::string(original) + "' is not a calendar day", "date");
  }
  return date;
}

Unexpected NotADate(std::string_view text) {
  return InvalidArgument("'" + std::string(text) +
                             "' is not a date (write 2026-03-05, 5/3 2026, 05.03.2026 or "
                             "5 mars 2026)",
                         "date");
}

}  // namespace

Result<Date> ParseSwedishDate(std::string_view raw) {
  std::string text = Trim(raw);
  if (text.empty()) return InvalidArgument("the date is empty", "date");
  if (text.size() > 40) return NotADate(text.substr(0, 40));
  // A time after an ISO date: "2026-03-05 14:30", "2026-03-05T14:30:00Z".
  if (text.size() > 10 && IsDigit(text[0]) && text[4] == '-' && text[7] == '-' &&
      (text[10] == ' ' || text[10] == 'T')) {
    text.resize(10);
  }
  std::string seps;
  std::vector<Token> t = Tokens(text, seps);
  if (!t.empty() && !t[0].digits && t[0].text == "den") t.erase(t.begin());
  // 20260305
  if (t.size() == 1 && t[0].digits && t[0].text.size() == 8) {
    const std::string& s = t[0].text;
    return Make(Number(s.substr(0, 4)), static_cast<unsigned>(Number(s.substr(4, 2))),
                static_cast<unsigned>(Number(s.substr(6, 2))), text);
  }
  if (t.size() != 3) return NotADate(text);
  for (const char c : seps) {
    if (c != '-' && c != '/' && c != '.' && c != ' ' && c != ',' && c != '\t') {
      return NotADate(text);
    }
  }
  // 5 mars 2026
  if (t[0].digits && !t[1].digits && t[2].digits) {
    const auto month = Month(t[1].text);
    if (!month || t[0].text.size() > 2 || t[2].text.size() != 4) return NotADate(text);
    return Make(Number(t[2].text), *month, static_cast<unsigned>(Number(t[0].text)), text);
  }
  if (!t[0].digits || !t[1].digits || !t[2].digits) return NotADate(text);
  // 2026-03-05, 2026/03/05
  if (t[0].text.size() == 4 && t[1].text.size() <= 2 && t[2].text.size() <= 2) {
    return Make(Number(t[0].text), static_cast<unsigned>(Number(t[1].text)),
                static_cast<unsigned>(Number(t[2].text)), text);
  }
  // 5/3 2026, 05.03.2026, 05-03-2026: day first.
  if (t[0].text.size() <= 2 && t[1].text.size() <= 2) {
    if (t[2].text.size() != 4) {
      return InvalidArgument("'" + text + "' has a two-digit year; write all four digits", "date");
    }
    return Make(Number(t[2].text), static_cast<unsigned>(Number(t[1].text)),
                static_cast<unsigned>(Number(t[0].text)), text);
  }
  return NotADate(text);
}

}  // namespace synlig::training
