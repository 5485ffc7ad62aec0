// UTF-8 decoding and the normal form of ad text.
#include "text.h"

#include <array>
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace synlig::ads::internal {

std::optional<char32_t> NextCodePointSlow(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return std::nullopt;
  }
  if (pos + len > text.size()) {
    ++pos;
    return std::nullopt;
  }
  for (std::size_t i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return std::nullopt;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return std::nullopt;
  }
  pos += len;
  return cp;
}

std::size_t EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void AppendUtf8(std::string& out, char32_t c) {
  char bytes[4];
  out.append(bytes, EncodeUtf8(c, bytes));
}

namespace {

// Per byte: an ASCII letter or digit as the normal form writes it (letters lower-cased), 0 for
// the other ASCII bytes (word breaks), kNotAscii for the bytes of longer UTF-8 sequences.
constexpr unsigned char kNotAscii = 0x80;
constexpr std::array<unsigned char, 256> kAsciiMap = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) {
    t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c + 32);
  }
  for (std::size_t c = 0x80; c < 256; ++c) t[c] = kNotAscii;
  return t;
}();

// A byte kAsciiMap maps to a letter or digit.
inline bool KeptAscii(unsigned char mapped) {
  return static_cast<unsigned char>(mapped - 1) < kNotAscii - 1;
}

}  // namespace

void AppendNormalized(std::string_view text, std::string& out) {
  // Written in place into space sized up front (not zeroed first): the normal form is never
  // longer than the text plus one separating space (lower-casing keeps UTF-8 lengths here).
  const std::size_t start = out.size();
  out.resize_and_overwrite(start + text.size() + 1, [&](char* buffer, std::size_t) {
    char* w = buffer + start;
    bool need_space = start > 0;
    bool in_word = false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t pos = 0;
    while (pos < n) {
      unsigned char mapped = kAsciiMap[bytes[pos]];
      if (mapped == 0) {  // an ASCII word break
        if (in_word) need_space = true;
        in_word = false;
        ++pos;
        continue;
      }
      if (mapped != kNotAscii) {  // ASCII letters and digits: the rest of the run at once
        if (need_space) *w++ = ' ';
        need_space = false;
        in_word = true;
#if defined(__SSE2__)
        // Sixteen bytes at a time, all stored and as many kept as lead the block. The store
        // stays inside the buffer: what is written never exceeds what is read plus the one
        // separating space, and the block lies inside the text.
        std::size_t run = 16;
        while (run == 16 && pos + 16 <= n) {
          const char* at = text.data() + pos;
          __m128i lowered;
          const unsigned kept = AsciiLetters16(at, &lowered) | AsciiDigits16(at);
          _mm_storeu_si128(reinterpret_cast<__m128i*>(w), lowered);
          run = static_cast<std::size_t>(std::countr_one(kept));
          w += run;
          pos += run;
        }
        if (run < 16) continue;  // the byte at pos is no letter or digit: the loop reads it
        // The last bytes one by one.
        while (pos < n && KeptAscii(mapped = kAsciiMap[bytes[pos]])) {
          *w++ = static_cast<char>(mapped);
          ++pos;
        }
#else
        do {
          *w++ = static_cast<char>(mapped);
          ++pos;
        } while (pos < n && KeptAscii(mapped = kAsciiMap[bytes[pos]]));
#endif
        continue;
      }
      const std::size_t before = pos;
      auto cp = NextCodePoint(text, pos);
      if (!cp || !IsLatinLetter(*cp)) {
        if (in_word) need_space = true;
        in_word = false;
        continue;
      }
      char32_t lower = ToLowerLatin(*cp);
      if (need_space) *w++ = ' ';
      need_space = false;
      in_word = true;
      if (lower == *cp) {
        for (std::size_t i = before; i < pos; ++i) *w++ = text[i];
      } else {
        w += EncodeUtf8(lower, w);
      }
    }
    return static_cast<std::size_t>(w - buffer);
  });
}

std::string NormalizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendNormalized(text, out);
  return out;
}

std::vector<std::string_view> Words(std::string_view normalized) {
  std::vector<std::string_view> words;
  SplitWords(normalized, words);
  return words;
}

void SplitWords(std::string_view normalized, std::vector<std::string_view>& words) {
  words.clear();
  const char* const base = normalized.data();
  const std::size_t n = normalized.size();
  std::size_t start = 0;  // of the current word
  auto boundary = [&](std::size_t space) {
    if (space > start) words.emplace_back(base + start, space - start);
    start = space + 1;
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: a mask of the spaces, each one ending a word.
  const __m128i spaces = _mm_set1_epi8(' ');
  for (; i + 16 <= n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, spaces)));
    while (mask != 0) {
      boundary(i + static_cast<std::size_t>(__builtin_ctz(mask)));
      mask &= mask - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if (base[i] == ' ') boundary(i);
  }
  boundary(n);
}

}  // namespace synlig::ads::internal
