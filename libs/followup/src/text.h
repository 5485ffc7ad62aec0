// Checks shared by the follow-up validators: bounded, printable UTF-8 text, and integers
// written the way people type them ("1 200", "1200").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::followup::internal {

// Leading and trailing spaces and tabs removed.
std::string_view Trim(std::string_view text);

// `text` trimmed; kInvalidArgument with `field` when it is longer than max_bytes, is not
// valid UTF-8 or holds a control character (also a line break), or is empty when required.
Result<std::string> CheckText(std::string_view text, std::size_t max_bytes, bool required,
                              std::string_view field);

// A whole number min..max; spaces (also U+00A0 and U+202F) between digit groups are
// allowed. kInvalidArgument with `field`, naming the text.
Result<std::int64_t> ParseCount(std::string_view text, std::int64_t min, std::int64_t max,
                                std::string_view field);

// `text` cut to 40 bytes with anything but printable ASCII replaced by '?', for messages.
std::string Shown(std::string_view text);

}  // namespace synlig::followup::internal
