// Small text helpers of the official-statistics readers: trimming, Swedish-aware lower case,
// year recognition and "line L, column C" positions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace synlig::report::internal {

// Without surrounding ASCII spaces, tabs, no-break spaces (U+00A0) and thin spaces (U+2009,
// U+202F).
std::string_view Trim(std::string_view s);
// ASCII and the Latin-1 capitals (Å, Ä, Ö, É, ...) in lower case; other bytes unchanged.
std::string Lower(std::string_view s);
// Lower case, runs of white space as one space, trimmed.
std::string Folded(std::string_view s);
bool Contains(std::string_view haystack, std::string_view needle);
// "line 7, column 3" (1-based).
std::string Where(int line, int column);
// A year 1900..2199 standing alone or with a preliminary mark: "2024", "2024*", "2024 (prel.)",
// "2024 prel", "2024 preliminär", "År 2024", "Folkmängd 2024". `mark` is set when the text
// marks the year preliminary. nullopt when the text holds no such year or other digits.
std::optional<int> YearIn(std::string_view text, bool* preliminary);
// The text shortened to at most 40 bytes for messages (on a UTF-8 boundary).
std::string Quote(std::string_view text);

}  // namespace synlig::report::internal
