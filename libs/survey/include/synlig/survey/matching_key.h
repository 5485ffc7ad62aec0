// The matching key that lets the same person reported by several agencies be counted once:
// gender + birth year + first letter of first and last name, each of which may be unknown.
// The raw parts are hashed at once with the round's secret key and never stored or logged.
//   auto key = ParseMatchingKey(gender, "1998", "a", "Ö");
//   if (key) std::optional<std::string> h = MatchingKeyHash(round_key, *key);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/survey/answers.h"

namespace synlig::survey {

struct MatchingKey {
  std::string gender;                // option code of the "gender" item, "unknown" allowed
  std::optional<int> birth_year;     // nullopt = unknown
  std::optional<char32_t> first_initial;  // upper-case letter A–Z, Å, Ä, Ö, É, Ü …; nullopt = unknown
  std::optional<char32_t> last_initial;
};

// Parses raw form input. Empty text or "?" means unknown. A year must be four digits within
// [1900, max_year]; an initial must be one letter (UTF-8), upper-cased. kInvalidArgument with
// field "matching_key_birth_year" / "matching_key_first" / "matching_key_last" otherwise.
Result<MatchingKey> ParseMatchingKey(std::string_view gender, std::string_view birth_year,
                                     std::string_view first_initial, std::string_view last_initial,
                                     int max_year);

// Keyed BLAKE2b of the normalised key ("v1|gender|year|F|L"), 64 hex. nullopt when birth
// year and both initials are all unknown: such an entry cannot be linked to any other.
std::optional<std::string> MatchingKeyHash(const SecretKey& round_key, const MatchingKey& key);

}  // namespace synlig::survey
