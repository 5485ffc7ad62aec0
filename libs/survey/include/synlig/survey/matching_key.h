// The matching key that lets the same person reported by several agencies be counted once:
// gender + birth year + first letter of first and last name, each of which may be unknown.
// The raw parts are hashed at once with the round's secret key and never stored or logged.
//   auto key = ParseMatchingKey(gender, "1998", "a", "Ö", /*max_year=*/2025);
//   if (key) std::optional<std::string> h = MatchingKeyHash(round_key, *key);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/survey/answers.h"

namespace synlig::survey {

struct MatchingKey {
  std::string gender;             // option code of the "gender" item, "unknown" allowed
  std::optional<int> birth_year;  // nullopt = unknown
  std::optional<char32_t>
      first_initial;  // upper-case letter A–Z, Å, Ä, Ö, É, Ü …; nullopt = unknown
  std::optional<char32_t> last_initial;
};

// Parses raw form input. Surrounding white space is ignored; empty text or "?" means unknown.
// gender: an answer code of the "gender" item; "unknown", "" and "?" are unknown (stored as
// "unknown"); kInvalidArgument field "matching_key_gender" for text that is not a code.
// birth_year: exactly four digits within [1900, max_year] (the caller passes the current
// year: this library has no clock). An initial: one Latin letter (ASCII, Latin-1 Supplement
// or Latin Extended-A; a letter plus one combining mark, as macOS may send "Ö", counts as
// one letter; one trailing '.' is ignored), upper-cased ("ö" -> "Ö"; İ and ı -> I).
// kInvalidArgument with field "matching_key_birth_year" / "matching_key_first" /
// "matching_key_last" otherwise. Error messages never contain the input (it must not reach a
// log). Returns the first problem; ValidateMatchingKey lists them all for a form.
Result<MatchingKey> ParseMatchingKey(std::string_view gender, std::string_view birth_year,
                                     std::string_view first_initial, std::string_view last_initial,
                                     int max_year);

// The same checks as ParseMatchingKey for birth year and initials, as form issues with
// Swedish and English messages (item = the field names above, entry = entry_index), e.g.
//   "Förnamnets första bokstav ska vara en enda bokstav (person 2)".
// The messages never contain the input. Empty = ParseMatchingKey accepts these parts.
std::vector<ValidationIssue> ValidateMatchingKey(std::string_view birth_year,
                                                 std::string_view first_initial,
                                                 std::string_view last_initial, int max_year,
                                                 int entry_index);

// Keyed BLAKE2b of the normalised key "v1|gender|year|F|L" (unknown parts, including gender
// "unknown", written "?"; initials as UTF-8), 64 lowercase hex. nullopt when birth year and
// both initials are all unknown: such an entry cannot be linked to any other. Precondition:
// key comes from ParseMatchingKey and synlig::InitCrypto() has succeeded.
std::optional<std::string> MatchingKeyHash(const SecretKey& round_key, const MatchingKey& key);

}  // namespace synlig::survey
