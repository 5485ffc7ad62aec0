// Parsing of matching-key input (gender, birth year, initials) and its keyed hash. The raw
// input is never put into an error message: messages say what is wrong, not what was typed.
#include "synlig/survey/matching_key.h"

#include <cctype>
#include <string>
#include <vector>

#include "latin_letters.h"
#include "text.h"

namespace synlig::survey {
namespace {

using internal::AppendUtf8;
using internal::NextCodePoint;

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool IsUnknown(std::string_view s) { return s.empty() || s == "?"; }

struct PartError {
  std::string field;
  std::string en;
  std::string sv;
};

Result<std::string> ParseGender(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (IsUnknown(text) || text == "unknown") return std::string("unknown");
  if (!internal::IsCode(text)) {
    return InvalidArgument("the gender of a matching key must be an answer code of 'gender'",
                           "matching_key_gender");
  }
  return std::string(text);
}

std::optional<PartError> YearError(std::string_view raw, int max_year, std::optional<int>& out) {
  const std::string_view text = Trim(raw);
  out.reset();
  if (IsUnknown(text)) return std::nullopt;
  const std::string range = "1900 and " + std::to_string(max_year);
  bool digits = text.size() == 4;
  int year = 0;
  for (char c : text) {
    digits = digits && c >= '0' && c <= '9';
    if (digits) year = year * 10 + (c - '0');
  }
  if (!digits || year < 1900 || year > max_year) {
    return PartError{
        "matching_key_birth_year", "the birth year must be four digits between " + range,
        "Födelseåret ska vara fyra siffror mellan 1900 och " + std::to_string(max_year)};
  }
  out = year;
  return std::nullopt;
}

std::optional<PartError> InitialError(std::string_view raw, bool last,
                                      std::optional<char32_t>& out) {
  std::string_view text = Trim(raw);
  out.reset();
  // "A." is a common way to write an initial.
  if (text.size() > 1 && text.back() == '.') text = Trim(text.substr(0, text.size() - 1));
  if (IsUnknown(text)) return std::nullopt;
  const std::string field = last ? "matching_key_last" : "matching_key_first";
  const std::string what_en =
      last ? "the first letter of the last name" : "the first letter of the first name";
  const std::string what_sv = last ? "Efternamnets första bokstav" : "Förnamnets första bokstav";
  std::size_t pos = 0;
  auto letter = NextCodePoint(text, pos);
  if (!letter || !internal::IsLatinLetter(*letter)) {
    return PartError{field, what_en + " must be a letter such as A-Z, Å, Ä or Ö",
                     what_sv + " ska vara en bokstav, till exempel A–Z, Å, Ä eller Ö"};
  }
  char32_t upper = internal::UpperLatin(*letter);
  if (pos < text.size()) {
    // One combining mark after an ASCII letter is the decomposed form of one letter.
    std::size_t after = pos;
    auto mark = NextCodePoint(text, after);
    char32_t composed = 0;
    if (mark && internal::IsCombiningMark(*mark) && upper < 0x80) {
      composed = internal::ComposeUpper(upper, *mark);
    }
    if (composed == 0 || after != text.size()) {
      return PartError{field, what_en + " must be a single letter",
                       what_sv + " ska vara en enda bokstav"};
    }
    upper = internal::UpperLatin(composed);
  }
  out = upper;
  return std::nullopt;
}

std::string Normalised(const MatchingKey& key) {
  std::string out = "v1|";
  out += key.gender.empty() || key.gender == "unknown" ? "?" : key.gender;
  out += '|';
  out += key.birth_year ? std::to_string(*key.birth_year) : "?";
  for (const auto& initial : {key.first_initial, key.last_initial}) {
    out += '|';
    if (initial) {
      AppendUtf8(out, *initial);
    } else {
      out += '?';
    }
  }
  return out;
}

}  // namespace

Result<MatchingKey> ParseMatchingKey(std::string_view gender, std::string_view birth_year,
                                     std::string_view first_initial, std::string_view last_initial,
                                     int max_year) {
  MatchingKey key;
  auto parsed_gender = ParseGender(gender);
  if (!parsed_gender) return Unexpected(std::move(parsed_gender).error());
  key.gender = std::move(*parsed_gender);
  if (auto e = YearError(birth_year, max_year, key.birth_year)) {
    return InvalidArgument(std::move(e->en), std::move(e->field));
  }
  if (auto e = InitialError(first_initial, false, key.first_initial)) {
    return InvalidArgument(std::move(e->en), std::move(e->field));
  }
  if (auto e = InitialError(last_initial, true, key.last_initial)) {
    return InvalidArgument(std::move(e->en), std::move(e->field));
  }
  return key;
}

std::vector<ValidationIssue> ValidateMatchingKey(std::string_view birth_year,
                                                 std::string_view first_initial,
                                                 std::string_view last_initial, int max_year,
                                                 int entry_index) {
  std::vector<ValidationIssue> issues;
  const std::string person = " (person " + std::to_string(entry_index + 1) + ")";
  const auto add = [&](std::optional<PartError> e) {
    if (!e) return;
    std::string en = std::move(e->en);
    en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(en[0])));
    issues.push_back({entry_index, std::move(e->field), e->sv + person, en + person});
  };
  std::optional<int> year;
  std::optional<char32_t> first, last;
  add(YearError(birth_year, max_year, year));
  add(InitialError(first_initial, false, first));
  add(InitialError(last_initial, true, last));
  return issues;
}

std::optional<std::string> MatchingKeyHash(const SecretKey& round_key, const MatchingKey& key) {
  if (!key.birth_year && !key.first_initial && !key.last_initial) return std::nullopt;
  return KeyedHash(round_key, Normalised(key));
}

}  // namespace synlig::survey
