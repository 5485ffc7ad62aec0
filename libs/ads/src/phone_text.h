// Reading phone numbers out of a displayed, possibly obfuscated phone field: "O7O-174 O6 O5",
// "070 174 fyra fem 67", "0.7.0.1.7.4", "070💋174💋06💋05", keycap and full-width digits. Gives
// candidate digit strings for libphonenumber, and whether the number was obscured.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace synlig::ads::internal {

// The digit a code point stands for (ASCII, full-width, mathematical, circled, super- and
// subscript digits), or nullopt.
std::optional<char> DigitOf(char32_t c);
// Code points that decorate a digit without separating it (keycap "1️⃣", variation selectors,
// zero-width characters).
bool IsInvisible(char32_t c);

struct PhoneCandidates {
  std::vector<std::string> numbers;  // digits, with a leading '+' when one was written
  bool obscured = false;  // letters, number words, emoji or spread-out digits were used
};

class PhoneTextReader {
 public:
  // digit_words[d] are words (normal form, one word each) standing for digit d.
  explicit PhoneTextReader(const std::array<std::vector<std::string>, 10>& digit_words);

  // Never fails; numbers with fewer than 7 or more than 15 digits are not returned. Two
  // numbers in one field are split at '/', ',', ';', '&' or "eller"/"or" once the first has
  // at least 8 digits.
  PhoneCandidates Read(std::string_view displayed) const;

 private:
  std::unordered_map<std::string, char> word_digit_;
};

}  // namespace synlig::ads::internal
