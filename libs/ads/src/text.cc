// UTF-8 decoding and the normal form of ad text.
#include "text.h"

#include <array>
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

// Per ASCII byte: 0 a word break, 1 kept as it is (a-z, 0-9), 2 an upper-case letter.
constexpr std::array<std::uint8_t, 128> kAsciiClass = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = 1;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = 2;
  return t;
}();

}  // namespace

void AppendNormalized(std::string_view text, std::string& out) {
  // Written through a raw pointer into space reserved up front: the normal form is never
  // longer than the text plus one separating space (lower-casing keeps UTF-8 lengths here).
  const std::size_t start = out.size();
  out.resize(start + text.size() + 1);
  char* w = out.data() + start;
  bool need_space = start > 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {  // ASCII fast path (most of an ad)
      ++pos;
      const std::uint8_t kind = kAsciiClass[b];
      if (kind == 0) {
        if (in_word) need_space = true;
        in_word = false;
        continue;
      }
      if (need_space) *w++ = ' ';
      need_space = false;
      in_word = true;
      *w++ = static_cast<char>(kind == 2 ? b + 32 : b);
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
  out.resize(static_cast<std::size_t>(w - out.data()));
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
