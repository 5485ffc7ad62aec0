// Word banks and formatting of the synthetic ad generator: made-up names, phrases in Swedish
// and English (some carrying lexicon features), nationalities, cities, and the ways a phone
// number is written and obfuscated.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

enum class Lang { kSv, kEn };

struct Phrase {
  std::string_view text;
  int kind;  // 0 neutral; otherwise a theme (see synth_text.cc) so organised templates lean
             // towards risk language
};

std::span<const std::string_view> FirstNames();
std::span<const Phrase> Phrases(Lang lang);
std::span<const std::string_view> Taglines(Lang lang);
// Slot phrases with {name}, {age}, {nat}, {city}.
std::span<const std::string_view> SlotPhrases(Lang lang);
struct Nationality {
  std::string_view sv;
  std::string_view en;
  int weight_independent;
  int weight_organised;
};
std::span<const Nationality> Nationalities();
struct City {
  std::string_view name;
  int weight;
};
std::span<const City> Cities();
std::span<const std::string_view> FillerWords(Lang lang);

// A phone number as digits: national significant number with its country code.
struct SynthPhone {
  int country;             // 46, 48, 40
  std::string national;    // national significant number, e.g. "701740605"
};

// Writes a number as an ad shows it; obfuscation_level 0 = plain, 1 = one trick, 2 = two.
std::string DisplayPhone(const SynthPhone& phone, int obfuscation_level, std::mt19937_64& rng);

// Small edits of a re-post: `edits` word replacements, deletions or insertions.
std::string EditText(const std::string& text, int edits, Lang lang, std::mt19937_64& rng);

// Replaces {name}, {age}, {nat} and {city} in s.
std::string FillSlots(std::string_view s, std::string_view name, int age, std::string_view nat,
                      std::string_view city);

}  // namespace synlig::ads::internal
