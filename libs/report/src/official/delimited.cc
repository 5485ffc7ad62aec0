// Delimited text files of official statistics: encoding detection (UTF-8, UTF-16 with BOM,
// Windows-1252), delimiter detection and RFC 4180 splitting.
#include <array>
#include <cstdio>
#include <string>

#include "official/text_util.h"
#include "synlig/report/official.h"

namespace synlig::report {
namespace {

using internal::Trim;

constexpr std::size_t kMaxBytes = 16u << 20;
constexpr std::size_t kMaxLines = 200000;

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n == 2 && c < 0xC2) return false;  // overlong
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Result<std::string> FromCp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  int line = 1;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\n') ++line;
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      std::uint16_t cp = kCp1252High[c - 0x80];
      if (cp == 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", c);
        return InvalidArgument("line " + std::to_string(line) + ": byte " + hex +
                                   " is neither UTF-8 nor Windows-1252; save the file as "
                                   "UTF-8 CSV",
                               "file");
      }
      AppendUtf8(out, cp);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

Result<std::string> FromUtf16(std::string_view s, bool little_endian) {
  if (s.size() % 2 != 0) return InvalidArgument("the UTF-16 file has an odd length", "file");
  std::string out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    auto unit = [&](std::size_t at) {
      unsigned char a = static_cast<unsigned char>(s[at]);
      unsigned char b = static_cast<unsigned char>(s[at + 1]);
      return static_cast<std::uint32_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
    };
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= s.size()) {
        return InvalidArgument("the UTF-16 file ends inside a character", "file");
      }
      std::uint32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) {
        return InvalidArgument("the UTF-16 file has a broken surrogate pair", "file");
      }
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return InvalidArgument("the UTF-16 file has a broken surrogate pair", "file");
    }
    AppendUtf8(out, u);
  }
  return out;
}

struct Decoded {
  std::string text;
  std::string encoding;
};

Result<Decoded> Decode(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!ValidUtf8(bytes)) {
      return InvalidArgument("the file starts with a UTF-8 mark but is not valid UTF-8", "file");
    }
    return Decoded{std::string(bytes), "UTF-8"};
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    auto text = FromUtf16(bytes.substr(2), le);
    if (!text) return Unexpected(text.error());
    return Decoded{*std::move(text), "UTF-16"};
  }
  if (ValidUtf8(bytes)) return Decoded{std::string(bytes), "UTF-8"};
  auto text = FromCp1252(bytes);
  if (!text) return Unexpected(text.error());
  return Decoded{*std::move(text), "Windows-1252"};
}

// How many fields `delim` splits each of the first lines into (outside quotes).
char DetectDelimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates = {';', '\t', ','};
  std::array<int, 3> lines_with{};
  bool quoted = false;
  std::array<bool, 3> seen{};
  int lines = 0;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '\n') {
      for (std::size_t k = 0; k < 3; ++k) lines_with[k] += seen[k] ? 1 : 0;
      seen = {};
      if (++lines >= 50) break;
      continue;
    }
    if (quoted) continue;
    for (std::size_t k = 0; k < 3; ++k) seen[k] = seen[k] || c == kCandidates[k];
  }
  for (std::size_t k = 0; k < 3; ++k) lines_with[k] += seen[k] ? 1 : 0;
  std::size_t best = 0;
  for (std::size_t k = 1; k < 3; ++k) {
    if (lines_with[k] > lines_with[best]) best = k;
  }
  return kCandidates[best];
}

std::string_view DelimiterName(char d) {
  return d == ';' ? "semicolon" : d == '\t' ? "tab" : "comma";
}

}  // namespace

Result<TextTable> ReadDelimitedText(std::string_view bytes) {
  if (bytes.size() > kMaxBytes) {
    return InvalidArgument("the file is larger than 16 MiB; export only the rows needed", "file");
  }
  auto decoded = Decode(bytes);
  if (!decoded) return Unexpected(decoded.error());
  const std::string& text = decoded->text;
  if (Trim(text).empty()) return InvalidArgument("the file is empty", "file");
  const char delim = DetectDelimiter(text);

  TextTable table;
  table.format = "CSV (" + std::string(DelimiterName(delim)) + ", " + decoded->encoding + ")";
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, was_quoted = false, after_quote = false;
  int line = 1, row_line = 1;
  auto end_field = [&]() {
    row.push_back(was_quoted ? field : std::string(Trim(field)));
    field.clear();
    was_quoted = after_quote = false;
  };
  auto end_row = [&]() -> Status {
    end_field();
    if (table.rows.size() >= kMaxLines) {
      return InvalidArgument("the file has more than 200,000 lines", "file");
    }
    table.rows.push_back(std::move(row));
    row.clear();
    return Ok();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == delim) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (Status s = end_row(); !s) return Unexpected(s.error());
      ++line;
      row_line = line;
    } else if (c == '"' && Trim(field).empty() && !was_quoted) {
      field.clear();
      in_quotes = was_quoted = true;
    } else if (after_quote) {
      if (c == ' ' || c == '\t') continue;
      return InvalidArgument("line " + std::to_string(line) +
                                 ": text after a closing quote in field " +
                                 std::to_string(row.size() + 1),
                             "file");
    } else {
      field += c;
    }
  }
  if (in_quotes) {
    return InvalidArgument("line " + std::to_string(row_line) + ": a quoted field is never closed",
                           "file");
  }
  if (!field.empty() || !row.empty() || was_quoted) {
    if (Status s = end_row(); !s) return Unexpected(s.error());
  }
  return table;
}

Result<TextTable> ReadStatisticsFile(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return ReadXlsxSheet(bytes);
  return ReadDelimitedText(bytes);
}

}  // namespace synlig::report
