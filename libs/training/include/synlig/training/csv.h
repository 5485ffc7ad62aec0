// CSV as learning platforms and spreadsheets write it: RFC 4180 quoting, a separator of ';'
// (Swedish Excel), ',' or tab, detected from the first line (or an Excel "sep=;" line), and
// CRLF, LF or CR line ends.
//   auto table = training::ParseCsv(text->utf8);
//   table->records[0] is the header row.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::training {

inline constexpr std::size_t kMaxCsvRecords = 200000;
inline constexpr std::size_t kMaxCsvFields = 256;
inline constexpr std::size_t kMaxCsvFieldBytes = 4096;

struct CsvTable {
  char separator = ';';
  // Records in file order, empty lines left out; a record may span lines inside quotes.
  std::vector<std::vector<std::string>> records;
  // The 1-based line on which each record starts (for messages about the file's syntax).
  std::vector<int> lines;
};

// The separator of the first record: whichever of ';', ',' and tab occurs most outside
// quotes; ';' when none does (a file of one column).
char DetectSeparator(std::string_view text);

// Parses UTF-8 text. With `separator` unset it is detected (an Excel "sep=X" first line wins
// and is dropped). Fields are kept as written (no trimming). kInvalidArgument, the message
// naming the line ("line N"), with field "file_quote" for a quote left open at the end of the
// file or a character after a closing quote other than a separator or line end, and
// "file_too_large" for more than kMaxCsvRecords records, kMaxCsvFields fields in a record or
// kMaxCsvFieldBytes bytes in a field.
Result<CsvTable> ParseCsv(std::string_view text, std::optional<char> separator = std::nullopt);

}  // namespace synlig::training
