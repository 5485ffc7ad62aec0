// The CSV reader: one pass over the text, a small state machine for quotes.
#include "synlig/training/csv.h"

namespace synlig::training {
namespace {

std::string SepName(char sep) {
  if (sep == '\t') return "tab";
  return std::string("'") + sep + "'";
}

}  // namespace

char DetectSeparator(std::string_view text) {
  int semicolons = 0;
  int commas = 0;
  int tabs = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      if (c == ';') ++semicolons;
      if (c == ',') ++commas;
      if (c == '\t') ++tabs;
    }
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  if (commas > semicolons) return ',';
  return ';';
}

Result<CsvTable> ParseCsv(std::string_view text, std::optional<char> separator) {
  CsvTable table;
  int line = 1;
  if (!separator && text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      (text[4] == ';' || text[4] == ',' || text[4] == '\t') &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    separator = text[4];
    std::size_t skip = 5;
    if (skip < text.size() && text[skip] == '\r') ++skip;
    if (skip < text.size() && text[skip] == '\n') ++skip;
    text.remove_prefix(skip);
    line = 2;
  }
  const char sep = separator ? *separator : DetectSeparator(text);
  table.separator = sep;

  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool after_quote = false;    // a quoted field just closed
  bool field_started = false;  // anything seen on this record
  int record_line = line;
  int quote_line = line;

  auto end_field = [&]() -> Status {
    if (record.size() >= kMaxCsvFields) {
      return InvalidArgument("line " + std::to_string(record_line) + " has more than " +
                                 std::to_string(kMaxCsvFields) + " fields",
                             "file_too_large");
    }
    record.push_back(std::move(field));
    field.clear();
    after_quote = false;
    return Ok();
  };
  auto end_record = [&]() -> Status {
    if (Status s = end_field(); !s) return s;
    bool blank = true;
    for (const std::string& f : record) {
      if (f.find_first_not_of(" \t") != std::string::npos) blank = false;
    }
    if (!blank || record.size() > 1) {
      if (table.records.size() >= kMaxCsvRecords) {
        return InvalidArgument("the file has more than " + std::to_string(kMaxCsvRecords) + " rows",
                               "file_too_large");
      }
      table.records.push_back(std::move(record));
      table.lines.push_back(record_line);
    }
    record.clear();
    field_started = false;
    return Ok();
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n' || (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) ++line;
        field.push_back(c);
      }
    } else if (c == sep) {
      if (Status s = end_field(); !s) return Unexpected(s.error());
      field_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (field_started || !field.empty() || after_quote || !record.empty()) {
        if (Status s = end_record(); !s) return Unexpected(s.error());
      }
      ++line;
      record_line = line;
      after_quote = false;
    } else if (after_quote) {
      return InvalidArgument("line " + std::to_string(line) + ": '" + std::string(1, c) +
                                 "' after a closing quote (expected the separator " + SepName(sep) +
                                 " or a line end)",
                             "file_quote");
    } else if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
      field_started = true;
    } else {
      field.push_back(c);
      field_started = true;
    }
    if (field.size() > kMaxCsvFieldBytes) {
      return InvalidArgument("line " + std::to_string(record_line) + " has a field over " +
                                 std::to_string(kMaxCsvFieldBytes) + " bytes",
                             "file_too_large");
    }
  }
  if (in_quotes) {
    return InvalidArgument(
        "a quote opened on line " + std::to_string(quote_line) + " is never closed", "file_quote");
  }
  if (field_started || !field.empty() || after_quote || !record.empty()) {
    if (Status s = end_record(); !s) return Unexpected(s.error());
  }
  return table;
}

}  // namespace synlig::training
