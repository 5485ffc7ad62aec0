// UTF-8 helpers shared by the library's parsers (private).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace synlig::training::internal {

// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view text);
// The byte offset of the first malformed sequence, or npos.
std::size_t FirstInvalidUtf8(std::string_view text);
// Whether `text` holds a C0 control (other than tab) or DEL.
bool HasControl(std::string_view text);
// Appends the UTF-8 encoding of code point cp (precondition: cp <= 0x10FFFF, not a surrogate).
void AppendUtf8(std::string& out, std::uint32_t cp);

}  // namespace synlig::training::internal
