// Text helpers of the official-statistics readers.
#include "official/text_util.h"

#include <cctype>

namespace synlig::report::internal {
namespace {

// Length of a space-like sequence at the start of s (0 when none).
std::size_t SpaceAt(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') return 1;
  if (s.starts_with("\xC2\xA0")) return 2;                                       // U+00A0
  if (s.starts_with("\xE2\x80\x89") || s.starts_with("\xE2\x80\xAF")) return 3;  // thin spaces
  return 0;
}

std::size_t SpaceBefore(std::string_view s) {
  if (s.empty()) return 0;
  char c = s.back();
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (s.ends_with("\xC2\xA0")) return 2;
  if (s.ends_with("\xE2\x80\x89") || s.ends_with("\xE2\x80\xAF")) return 3;
  return 0;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (std::size_t n = SpaceAt(s)) s.remove_prefix(n);
  while (std::size_t n = SpaceBefore(s)) s.remove_suffix(n);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      continue;
    }
    // Two-byte sequences C3 80..C3 9E (À..Þ except ×) map to C3 A0..C3 BE.
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string Folded(std::string_view s) {
  std::string lower = Lower(Trim(s));
  std::string out;
  bool space = false;
  std::string_view rest = lower;
  while (!rest.empty()) {
    if (std::size_t n = SpaceAt(rest)) {
      space = true;
      rest.remove_prefix(n);
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += rest[0];
    rest.remove_prefix(1);
  }
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string Where(int line, int column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::optional<int> YearIn(std::string_view text, bool* preliminary) {
  std::string f = Folded(text);
  // Find the one run of digits.
  std::size_t start = std::string::npos, end = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(f[i]))) continue;
    if (start != std::string::npos && i != end) return std::nullopt;  // a second number
    if (start == std::string::npos) start = i;
    end = i + 1;
  }
  if (start == std::string::npos || end - start != 4) return std::nullopt;
  int year = std::stoi(f.substr(start, 4));
  if (year < 1900 || year > 2199) return std::nullopt;
  std::string before = std::string(Trim(f.substr(0, start)));
  std::string after = std::string(Trim(f.substr(end)));
  // Words allowed before the year: a heading such as "år" or "folkmängd" (letters only).
  for (char c : before) {
    if (std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  bool prel = false;
  if (!after.empty()) {
    std::string a = after;
    for (char strip : {'(', ')', '[', ']', '.'}) {
      std::erase(a, strip);
    }
    a = std::string(Trim(a));
    if (a == "*" || a == "p" || a == "prel" || a == "preliminär" || a == "preliminary" ||
        a == "preliminära uppgifter" || a == "preliminär statistik") {
      prel = true;
    } else if (!a.empty()) {
      return std::nullopt;
    }
  }
  if (Contains(before, "prel")) prel = true;
  if (preliminary != nullptr) *preliminary = prel;
  return year;
}

std::string Quote(std::string_view text) {
  if (text.size() <= 40) return "'" + std::string(text) + "'";
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

}  // namespace synlig::report::internal
