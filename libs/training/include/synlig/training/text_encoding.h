// Turning an uploaded file's bytes into UTF-8 text: learning platforms and Excel export UTF-8
// (with or without a byte-order mark), Windows-1252 ("ANSI" on a Swedish Windows) or UTF-16
// ("Unicode text"). Detection: a byte-order mark decides; otherwise text that is valid UTF-8 is
// UTF-8, and anything else is read as Windows-1252.
//   auto text = training::DecodeText(bytes);
//   if (!text) ...;  // text->utf8, text->encoding
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::training {

enum class Encoding { kUtf8, kUtf8Bom, kWindows1252, kUtf16Le, kUtf16Be };
std::string_view EncodingCode(Encoding encoding);  // "utf-8", "utf-8-bom", "windows-1252", ...

struct DecodedText {
  std::string utf8;  // without the byte-order mark
  Encoding encoding = Encoding::kUtf8;
  // The text looks like UTF-8 that was once read as Windows-1252 and saved again ("Ã¥" for
  // "å"): the import can warn, since the names will not match.
  bool looks_double_encoded = false;
};

// kInvalidArgument, the message naming the line (1-based, "line N") and the byte, with field
// "file_empty" for an empty file; "file_binary" for a NUL (UTF-16 without a byte-order mark,
// or not a text file); "file_encoding" for a file with a UTF-8 mark that is not valid UTF-8,
// malformed UTF-16, or a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
Result<DecodedText> DecodeText(std::string_view bytes);

}  // namespace synlig::training
