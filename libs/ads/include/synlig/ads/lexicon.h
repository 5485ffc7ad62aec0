// The lexicon of the ad extraction: words and phrases (Swedish and English) for phone-number
// obfuscations, services and arenas, risk language, gender, nationality regions, ages and
// words that are not names. Data, not code: a TOML file is embedded as the default and a
// municipality can use its own. Usage:
//   auto lexicon = synlig::ads::DefaultLexicon();                 // the embedded file
//   auto custom = synlig::ads::ParseLexicon(file_text, "my.toml"); // caller reads the file
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::ads {

// What an ad's text may say, each found by the lexicon's phrases.
enum class Feature : std::uint8_t {
  kIncall,           // meets at own place
  kOutcall,          // visits the buyer
  kHotel,            // hotel visits
  kMassage,          // massage as cover or service
  kMultiPerson,      // several persons in one ad ("vi är två")
  kThirdParty,       // someone else books or answers ("boka via", "min vän svarar")
  kYouth,            // youth language ("ung", "barely legal")
  kNewInTown,        // movement language ("ny i stan"); descriptive only
  kUnprotected,      // unprotected services offered
  kUnusualServices,  // services outside the usual
  kRealPhotos,       // "100 % real photos"
  kEthnicity,        // stated ethnicity or nationality in the text
};
inline constexpr int kFeatureCount = 12;
// Snake-case name used in the lexicon file and the output ("incall", "third_party", ...).
std::string_view FeatureName(Feature feature);

struct Lexicon {
  // Region for numbers written without a country code (ISO 3166 code, e.g. "SE").
  std::string default_region = "SE";
  // Words standing for the digits 0-9 in obfuscated numbers, in normal form.
  std::array<std::vector<std::string>, 10> digit_words;
  // Phrases per feature, in normal form; a trailing '*' matches longer words.
  std::array<std::vector<std::string>, kFeatureCount> features;
  // Gender categories ("female", "male", ...) and the stated values that mean each.
  std::vector<std::string> gender_names;
  std::vector<std::vector<std::string>> gender_words;
  // Nationality regions ("sweden", "eu_east", ...) and the stated nationalities in each.
  std::vector<std::string> region_names;
  std::vector<std::vector<std::string>> region_words;
  // Words after or before a number that make it an age ("23 år", "age 23").
  std::vector<std::string> age_after;
  std::vector<std::string> age_before;
  // Capitalised title words that are not names ("Ny", "Sexy").
  std::vector<std::string> not_names;
};

// Parses a lexicon file (TOML). source_name is used in messages.
// Errors: kInvalidArgument naming the line for a TOML syntax error, and naming the key for an
// unknown section or feature, a value of the wrong type, a phrase that is empty in normal form,
// a digit key outside 0-9 or a default_region that is not two letters.
Result<Lexicon> ParseLexicon(std::string_view toml, std::string_view source_name);

// The embedded default lexicon (libs/ads/lexicons/default.toml). kInternal if it does not
// parse (a build error; covered by a test).
Result<Lexicon> DefaultLexicon();
std::string_view DefaultLexiconText();

}  // namespace synlig::ads
