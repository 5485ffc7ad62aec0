// Text helpers of the ad extraction: UTF-8 decoding, and the normal form that lexicon phrases
// and ad text are matched in (lower case, words separated by single spaces).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

// Decodes one UTF-8 code point at text[pos] and advances pos past it. For an invalid sequence
// returns nullopt and advances pos by one byte.
std::optional<char32_t> NextCodePoint(std::string_view text, std::size_t& pos);
void AppendUtf8(std::string& out, char32_t c);

// True for letters of the Latin scripts used in Swedish and English ads (ASCII letters and
// Latin-1 supplement / Latin Extended-A letters).
bool IsLatinLetter(char32_t c);
// Lower case of a Latin letter (ASCII, Latin-1 supplement, Latin Extended-A); others unchanged.
char32_t ToLowerLatin(char32_t c);

// The normal form: Latin letters lower-cased, digits kept, everything else (punctuation,
// emoji, symbols, invalid bytes) a word break; words joined by single spaces, no leading or
// trailing space. "100 % REAL photos!!" -> "100 real photos".
std::string NormalizeText(std::string_view text);
// Appends the normal form of text to out (a space first when out is not empty).
void AppendNormalized(std::string_view text, std::string& out);

// Splits a normalized text into its words.
std::vector<std::string_view> Words(std::string_view normalized);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace synlig::ads::internal
