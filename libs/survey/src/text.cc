// Code syntax, UTF-8 decoding and message quoting for the survey library.
#include "text.h"

namespace synlig::survey::internal {

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > kMaxCodeLength) return false;
  for (char c : s) {
    if (!IsCodeChar(c)) return false;
  }
  return true;
}

std::optional<char32_t> NextCodePoint(std::string_view text, std::size_t& pos) {
  if (pos >= text.size()) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() - pos < length) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return std::nullopt;
  }
  pos += length;
  return value;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string QuoteValue(std::string_view value) {
  constexpr int kMaxShown = 40;
  std::string out = "'";
  std::size_t pos = 0;
  int shown = 0;
  while (pos < value.size()) {
    if (shown == kMaxShown) {
      out += "...";
      break;
    }
    auto c = NextCodePoint(value, pos);
    if (!c) {
      ++pos;  // skip one invalid byte
      out += '?';
    } else if (*c < 0x20 || *c == 0x7F || (*c >= 0x80 && *c < 0xA0)) {
      out += '?';
    } else {
      AppendUtf8(out, *c);
    }
    ++shown;
  }
  return out + "'";
}

}  // namespace synlig::survey::internal
