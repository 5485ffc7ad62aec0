// Encoding detection and conversion to UTF-8.
#include "synlig/training/text_encoding.h"

#include <array>
#include <cstdint>

#include "utf8.h"

namespace synlig::training {
namespace {

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int LineOf(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') ++line;
  }
  return line;
}

std::string Hex(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 15];
}

Result<std::string> FromUtf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) {
    return InvalidArgument("the file has a UTF-16 byte-order mark but an odd number of bytes",
                           "file_encoding");
  }
  std::string out;
  out.reserve(bytes.size());
  int line = 1;
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (static_cast<std::uint32_t>(b) << 8 | a)
                         : (static_cast<std::uint32_t>(a) << 8 | b);
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= bytes.size()) {
        return InvalidArgument("malformed UTF-16 at line " + std::to_string(line), "file_encoding");
      }
      const std::uint32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) {
        return InvalidArgument("malformed UTF-16 at line " + std::to_string(line), "file_encoding");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return InvalidArgument("malformed UTF-16 at line " + std::to_string(line), "file_encoding");
    }
    if (cp == 0) {
      return InvalidArgument(
          "a NUL character at line " + std::to_string(line) + ": not a text file", "file_binary");
    }
    if (cp == '\n') ++line;
    internal::AppendUtf8(out, cp);
  }
  return out;
}

bool LooksDoubleEncoded(std::string_view utf8) {
  // "Ã" (C3 83) followed by the UTF-8 of a Latin-1 character's second byte read as 1252:
  // å -> "Ã¥" (C3 83 C2 A5), ä -> "Ã¤", ö -> "Ã¶", Å -> "Ã…" (C3 83 E2 80 A6), ...
  for (std::size_t i = 0; i + 3 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) == 0xC3 &&
        static_cast<unsigned char>(utf8[i + 1]) == 0x83) {
      const auto c = static_cast<unsigned char>(utf8[i + 2]);
      if (c == 0xC2 || c == 0xE2) return true;
    }
  }
  return false;
}

}  // namespace

std::string_view EncodingCode(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8Bom:
      return "utf-8-bom";
    case Encoding::kWindows1252:
      return "windows-1252";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kUtf8:
      break;
  }
  return "utf-8";
}

Result<DecodedText> DecodeText(std::string_view bytes) {
  if (bytes.empty()) return InvalidArgument("the file is empty", "file_empty");
  DecodedText out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    auto text = FromUtf16(bytes.substr(2), true);
    if (!text) return Unexpected(text.error());
    out.utf8 = *std::move(text);
    out.encoding = Encoding::kUtf16Le;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    auto text = FromUtf16(bytes.substr(2), false);
    if (!text) return Unexpected(text.error());
    out.utf8 = *std::move(text);
    out.encoding = Encoding::kUtf16Be;
  } else {
    if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
      return InvalidArgument("a NUL byte at line " + std::to_string(LineOf(bytes, nul)) +
                                 ": not a text file in UTF-8 or Windows-1252 (UTF-16 without a "
                                 "byte-order mark?)",
                             "file_binary");
    }
    const bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    const std::string_view body = bom ? bytes.substr(3) : bytes;
    const std::size_t bad = internal::FirstInvalidUtf8(body);
    if (bad == std::string_view::npos) {
      out.utf8 = std::string(body);
      out.encoding = bom ? Encoding::kUtf8Bom : Encoding::kUtf8;
    } else if (bom) {
      return InvalidArgument("the file starts as UTF-8 but byte " +
                                 Hex(static_cast<unsigned char>(body[bad])) + " at line " +
                                 std::to_string(LineOf(body, bad)) + " is not UTF-8",
                             "file_encoding");
    } else {
      out.encoding = Encoding::kWindows1252;
      out.utf8.reserve(body.size() + body.size() / 8);
      for (std::size_t i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c < 0x80) {
          out.utf8.push_back(static_cast<char>(c));
        } else if (c < 0xA0) {
          const std::uint16_t cp = kCp1252High[c - 0x80];
          if (cp == 0) {
            return InvalidArgument("byte " + Hex(c) + " at line " +
                                       std::to_string(LineOf(body, i)) +
                                       " is neither UTF-8 nor Windows-1252 text",
                                   "file_encoding");
          }
          internal::AppendUtf8(out.utf8, cp);
        } else {
          internal::AppendUtf8(out.utf8, c);
        }
      }
    }
  }
  if (out.utf8.empty()) return InvalidArgument("the file is empty", "file_empty");
  out.looks_double_encoded = LooksDoubleEncoded(out.utf8);
  return out;
}

}  // namespace synlig::training
