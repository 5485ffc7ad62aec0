// Text helpers of the ad extraction: UTF-8 decoding, and the normal form that lexicon phrases
// and ad text are matched in (lower case, words separated by single spaces).
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

// Decodes one UTF-8 code point at text[pos] and advances pos past it. For an invalid sequence
// returns nullopt and advances pos by one byte. ASCII and two-byte sequences (å, ä, ö, é, ...)
// are decoded inline, the rest by NextCodePointSlow (the whole decoder, out of line).
std::optional<char32_t> NextCodePointSlow(std::string_view text, std::size_t& pos);
inline std::optional<char32_t> NextCodePoint(std::string_view text, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      pos += 2;
      return static_cast<char32_t>(((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu));
    }
  }
  return NextCodePointSlow(text, pos);
}
void AppendUtf8(std::string& out, char32_t c);
// Writes the UTF-8 bytes of c (a valid code point) to out[0..4) and returns how many.
std::size_t EncodeUtf8(char32_t c, char* out);

// True for letters of the Latin scripts used in Swedish and English ads (ASCII letters and
// Latin-1 supplement / Latin Extended-A letters).
inline bool IsLatinLetter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // not × and ÷
  return false;
}
// Lower case of a Latin letter (ASCII, Latin-1 supplement, Latin Extended-A); others unchanged.
inline char32_t ToLowerLatin(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  // Latin Extended-A pairs upper/lower case on even/odd code points (with a few exceptions
  // that do not matter for matching).
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x138) return c + 1;
  return c;
}

// The normal form: Latin letters lower-cased, digits kept, everything else (punctuation,
// emoji, symbols, invalid bytes) a word break; words joined by single spaces, no leading or
// trailing space. "100 % REAL photos!!" -> "100 real photos".
std::string NormalizeText(std::string_view text);
// Appends the normal form of text to out (a space first when out is not empty).
void AppendNormalized(std::string_view text, std::string& out);

// Splits a normalized text into its words.
std::vector<std::string_view> Words(std::string_view normalized);
// The same into `words` (cleared first), reusing its memory.
void SplitWords(std::string_view normalized, std::vector<std::string_view>& words);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(unsigned char b) {
  const unsigned char lower = b | 0x20;
  return lower >= 'a' && lower <= 'z';
}

#if defined(__SSE2__)
// Sixteen bytes at p (all readable) in one step: in letters, a bit per ASCII letter (bit i for
// p[i]); in *lowered, the bytes with ASCII letters lower-cased. Bytes from 0x80 up are never
// letters (as signed bytes they compare below 'a').
inline unsigned AsciiLetters16(const char* p, __m128i* lowered = nullptr) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                       _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  if (lowered != nullptr) {
    *lowered = _mm_or_si128(bytes, _mm_and_si128(letter, _mm_set1_epi8(0x20)));
  }
  return static_cast<unsigned>(_mm_movemask_epi8(letter));
}
// A bit per ASCII digit among the sixteen bytes at p.
inline unsigned AsciiDigits16(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
  return static_cast<unsigned>(_mm_movemask_epi8(digit));
}
#endif

}  // namespace synlig::ads::internal
