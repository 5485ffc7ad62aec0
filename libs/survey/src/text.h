// Small text helpers shared inside the survey library: code syntax, UTF-8 decoding, and
// quoting untrusted values for error messages.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace synlig::survey::internal {

inline constexpr std::size_t kMaxCodeLength = 64;

inline bool IsCodeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
// 1-64 characters of [a-z0-9_].
bool IsCode(std::string_view s);

// Decodes one UTF-8 code point at text[pos] and advances pos past it. nullopt (pos unchanged)
// for an invalid, overlong or truncated sequence, a surrogate or a value above U+10FFFF.
std::optional<char32_t> NextCodePoint(std::string_view text, std::size_t& pos);
void AppendUtf8(std::string& out, char32_t c);

// The value in single quotes for a message shown to a person: valid UTF-8 is kept (so "ö"
// shows as "ö"), control characters and invalid bytes become '?', and text past 40 code
// points is cut with "...".
std::string QuoteValue(std::string_view value);

}  // namespace synlig::survey::internal
