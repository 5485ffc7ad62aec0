// Text and number checks of the follow-up validators.
#include "text.h"

namespace synlig::followup::internal {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is malformed (overlong
// forms, surrogates and code points past U+10FFFF included).
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((c & 0xe0) == 0xc0) {
    n = 2;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3f);
  }
  const std::uint32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string Shown(std::string_view text) {
  std::string out(text.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return out;
}

Result<std::string> CheckText(std::string_view text, std::size_t max_bytes, bool required,
                              std::string_view field) {
  const std::string_view t = Trim(text);
  const std::string f(field);
  if (t.empty() && required) return InvalidArgument(f + " is required", f);
  if (t.size() > max_bytes) {
    return InvalidArgument(f + " is longer than " + std::to_string(max_bytes) + " bytes", f);
  }
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t n = Utf8Length(t, i);
    if (n == 0) return InvalidArgument(f + " is not valid UTF-8 text", f);
    if (n == 1 && (static_cast<unsigned char>(t[i]) < 0x20 || t[i] == 0x7f)) {
      return InvalidArgument(f + " holds a control character or line break", f);
    }
    i += n;
  }
  return std::string(t);
}

Result<std::int64_t> ParseCount(std::string_view text, std::int64_t min, std::int64_t max,
                                std::string_view field) {
  const std::string f(field);
  const std::string_view t = Trim(text);
  std::int64_t value = 0;
  int digits = 0;
  bool ok = !t.empty();
  for (std::size_t i = 0; ok && i < t.size();) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 15) {
        ok = false;
        break;
      }
      value = value * 10 + (c - '0');
      ++i;
    } else if (c == ' ' && digits > 0) {
      ++i;
    } else if (t.substr(i).starts_with("\xc2\xa0") && digits > 0) {  // no-break space
      i += 2;
    } else if (t.substr(i).starts_with("\xe2\x80\xaf") && digits > 0) {  // narrow no-break
      i += 3;
    } else {
      ok = false;
    }
  }
  if (!ok || digits == 0) {
    return InvalidArgument(f + " '" + Shown(t) + "' is not a whole number", f);
  }
  if (value < min || value > max) {
    return InvalidArgument(f + " " + std::to_string(value) + " is not between " +
                               std::to_string(min) + " and " + std::to_string(max),
                           f);
  }
  return value;
}

}  // namespace synlig::followup::internal
