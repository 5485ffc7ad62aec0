// The phone-field reader: a small scanner over code points.
#include "phone_text.h"

#include <algorithm>
#include <optional>

#include "text.h"

namespace synlig::ads::internal {
namespace {

constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 15;
constexpr std::size_t kSplitAfterDigits = 8;

std::size_t DigitCount(const std::string& number) {
  return number.size() - (!number.empty() && number[0] == '+' ? 1 : 0);
}

constexpr std::size_t kMaxDigitWordBytes = 12;

// Splits word into a sequence of number words (DP over byte positions); false if it is not
// one.
bool SplitDigitWords(const std::string& word,
                     const std::unordered_map<std::string, char>& word_digit,
                     std::string& digits) {
  const std::size_t n = word.size();
  if (n < 4 || n > 8 * kMaxDigitWordBytes) return false;
  std::vector<int> from(n + 1, -1);  // from[i]: start of the last word ending at i
  std::vector<char> digit(n + 1, 0);
  from[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (from[i] < 0) continue;
    for (std::size_t len = 1; len <= kMaxDigitWordBytes && i + len <= n; ++len) {
      auto it = word_digit.find(word.substr(i, len));
      if (it == word_digit.end() || from[i + len] >= 0) continue;
      from[i + len] = static_cast<int>(i);
      digit[i + len] = it->second;
    }
  }
  if (from[n] < 0) return false;
  for (std::size_t i = n; i > 0; i = static_cast<std::size_t>(from[i])) digits.push_back(digit[i]);
  std::reverse(digits.begin(), digits.end());
  return digits.size() >= 2;
}

struct Scanner {
  const std::unordered_map<std::string, char>& word_digit;
  PhoneCandidates out;
  std::string current;
  std::size_t single_digit_groups = 0;
  std::size_t group_length = 0;
  bool odd_separator = false;

  void EndGroup() {
    if (group_length == 1) ++single_digit_groups;
    group_length = 0;
  }
  void Digit(char d) {
    if (odd_separator) out.obscured = true;
    odd_separator = false;
    current.push_back(d);
    ++group_length;
  }
  void Break() {
    EndGroup();
    std::size_t n = DigitCount(current);
    if (n >= kMinDigits && n <= kMaxDigits) out.numbers.push_back(current);
    current.clear();
    odd_separator = false;
  }
  // A word of letters: digits ("O" for 0, "l"/"I" for 1, number words), a break word, or noise.
  void Word(const std::string& original, const std::string& lower) {
    if (lower.find_first_not_of('o') == std::string::npos) {
      for (std::size_t i = 0; i < lower.size(); ++i) Digit('0');
      out.obscured = true;
      return;
    }
    if (original.size() <= 2 && original.find_first_not_of("lI") == std::string::npos) {
      for (std::size_t i = 0; i < original.size(); ++i) Digit('1');
      out.obscured = true;
      return;
    }
    if (auto it = word_digit.find(lower); it != word_digit.end()) {
      EndGroup();
      Digit(it->second);
      EndGroup();
      out.obscured = true;
      return;
    }
    // Number words run together ("nollsju", "etttvå").
    if (std::string digits; SplitDigitWords(lower, word_digit, digits)) {
      EndGroup();
      for (char d : digits) Digit(d);
      EndGroup();
      out.obscured = true;
      return;
    }
    EndGroup();
    if ((lower == "eller" || lower == "or" || lower == "och" || lower == "and") &&
        DigitCount(current) >= kSplitAfterDigits) {
      Break();
    }
  }
};

}  // namespace

std::optional<char> DigitOf(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<char>(c);
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));
  if (c >= 0x1D7CE && c <= 0x1D7FF) return static_cast<char>('0' + (c - 0x1D7CE) % 10);
  if (c >= 0x2460 && c <= 0x2468) return static_cast<char>('1' + (c - 0x2460));
  if (c == 0x24EA || c == 0x24FF || c == 0x1F100) return '0';
  if (c >= 0x2776 && c <= 0x277E) return static_cast<char>('1' + (c - 0x2776));
  if (c >= 0x2780 && c <= 0x2788) return static_cast<char>('1' + (c - 0x2780));
  if (c >= 0x278A && c <= 0x2792) return static_cast<char>('1' + (c - 0x278A));
  if (c >= 0x2080 && c <= 0x2089) return static_cast<char>('0' + (c - 0x2080));
  if (c == 0x2070) return '0';
  if (c == 0xB9) return '1';
  if (c == 0xB2) return '2';
  if (c == 0xB3) return '3';
  if (c >= 0x2074 && c <= 0x2079) return static_cast<char>('0' + (c - 0x2070));
  return std::nullopt;
}

bool IsInvisible(char32_t c) {
  return c == 0x20E3 || c == 0xFE0F || c == 0xFE0E || c == 0x200B || c == 0x200C ||
         c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

PhoneTextReader::PhoneTextReader(const std::array<std::vector<std::string>, 10>& digit_words) {
  for (std::size_t d = 0; d < digit_words.size(); ++d) {
    for (const std::string& w : digit_words[d]) word_digit_[w] = static_cast<char>('0' + d);
  }
}

PhoneCandidates PhoneTextReader::Read(std::string_view displayed) const {
  Scanner s{word_digit_, {}, {}, 0, 0, false};
  std::size_t pos = 0;
  while (pos < displayed.size()) {
    // "+46 (0)70 ...": the trunk zero in brackets after a country code is not dialled.
    if (displayed.substr(pos, 3) == "(0)" && !s.current.empty() && s.current[0] == '+') {
      pos += 3;
      s.EndGroup();
      continue;
    }
    auto cp = NextCodePoint(displayed, pos);
    if (!cp) {
      s.EndGroup();
      continue;
    }
    if (auto d = DigitOf(*cp)) {
      if (*cp > 0x7F) s.out.obscured = true;
      s.Digit(*d);
      continue;
    }
    if (IsInvisible(*cp)) {
      s.out.obscured = true;
      continue;
    }
    if (IsLatinLetter(*cp)) {
      std::string original;
      std::string lower;
      std::size_t p = pos;
      AppendUtf8(original, *cp);
      AppendUtf8(lower, ToLowerLatin(*cp));
      while (p < displayed.size()) {
        std::size_t q = p;
        auto next = NextCodePoint(displayed, q);
        if (!next || !IsLatinLetter(*next)) break;
        AppendUtf8(original, *next);
        AppendUtf8(lower, ToLowerLatin(*next));
        p = q;
      }
      pos = p;
      s.Word(original, lower);
      continue;
    }
    if (*cp == '+') {
      if (DigitCount(s.current) >= kSplitAfterDigits) s.Break();
      if (s.current.empty()) {
        s.current.push_back('+');
        continue;
      }
    }
    s.EndGroup();
    bool plain_separator = *cp == ' ' || *cp == '-' || *cp == '(' || *cp == ')' ||
                           *cp == '.' || *cp == '\t' || *cp == 0xA0 || *cp == 0x2013;
    if ((*cp == '/' || *cp == ',' || *cp == ';' || *cp == '&' || *cp == '|') &&
        DigitCount(s.current) >= kSplitAfterDigits) {
      s.Break();
      continue;
    }
    // An unusual separator (emoji, '*', '~') counts as obfuscation when digits follow it.
    if (!plain_separator && *cp != '/' && DigitCount(s.current) > 0) s.odd_separator = true;
  }
  s.Break();
  // Digits spread one by one ("0 7 0 1 7 4 ...") are an obfuscation too.
  if (s.single_digit_groups >= 5) s.out.obscured = true;
  return std::move(s.out);
}

}  // namespace synlig::ads::internal
