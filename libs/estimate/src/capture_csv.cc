// CSV reader for capture tables: capture-pattern files (with a count column) and individual
// records (one row per person). Pure: parses a string.
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "synlig/estimate/capture_table.h"

namespace synlig::estimate {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits one line on commas; a field wrapped in double quotes has them removed (no escapes).
std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = line.find(',', start);
    std::string_view field =
        Trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                 : comma - start));
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
      field = Trim(field.substr(1, field.size() - 2));
    }
    fields.push_back(field);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

std::string Shown(std::string_view value) {
  std::string out;
  for (char c : value.substr(0, 40)) {
    out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return "'" + out + (value.size() > 40 ? "...'" : "'");
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<CaptureTable> ParseCaptureCsv(std::string_view text) {
  std::vector<std::pair<int, std::string_view>> lines;  // (line number, content)
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string_view line = Trim(text.substr(pos, end - pos));
    if (!line.empty()) lines.emplace_back(number, line);
    pos = end + 1;
  }
  if (lines.empty()) return InvalidArgument("the file is empty: no header line", "header");

  std::vector<std::string_view> header = SplitFields(lines[0].second);
  const bool has_count = IEquals(header.back(), "count");
  const int k = static_cast<int>(header.size()) - (has_count ? 1 : 0);
  if (k < kMinLists) {
    return InvalidArgument("need at least 2 list columns" +
                               std::string(has_count ? " before 'count'" : "") + ", got " +
                               std::to_string(k),
                           "header");
  }
  if (k > kMaxLists) {
    return InvalidArgument("at most 16 lists are supported, the header has " + std::to_string(k),
                           "header");
  }
  std::vector<std::string> names;
  for (int j = 0; j < k; ++j) {
    std::string_view name = header[static_cast<std::size_t>(j)];
    if (name.empty()) {
      return InvalidArgument("header column " + std::to_string(j + 1) + " has no name", "header");
    }
    if (IEquals(name, "count")) {
      return InvalidArgument("'count' must be the last column of the header", "header");
    }
    for (const std::string& other : names) {
      if (other == name) return InvalidArgument("list " + Shown(name) + " appears twice", "header");
    }
    names.emplace_back(name);
  }

  const std::size_t cells = std::size_t{1} << k;
  std::vector<std::int64_t> counts(cells, 0);
  std::vector<bool> seen(has_count ? cells : 0, false);
  constexpr std::int64_t kMaxTotal = std::int64_t{1} << 53;
  std::int64_t total = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto [line_no, line] = lines[i];
    const std::string where = "line " + std::to_string(line_no);
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != header.size()) {
      return InvalidArgument(where + ": expected " + std::to_string(header.size()) +
                                 " fields, got " + std::to_string(fields.size()),
                             "row");
    }
    Pattern pattern = 0;
    for (int j = 0; j < k; ++j) {
      std::string_view v = fields[static_cast<std::size_t>(j)];
      if (v == "1") {
        pattern |= Pattern{1} << j;
      } else if (v != "0") {
        return InvalidArgument(where + ": list '" + names[static_cast<std::size_t>(j)] +
                                   "' must be 0 or 1, got " + Shown(v),
                               "row");
      }
    }
    std::int64_t count = 1;
    if (has_count) {
      std::string_view v = fields.back();
      const char* first = v.data();
      const char* last = v.data() + v.size();
      auto [ptr, ec] = std::from_chars(first, last, count);
      if (v.empty() || ec != std::errc() || ptr != last) {
        return InvalidArgument(where + ": count must be a whole number, got " + Shown(v),
                               "count");
      }
      if (count < 0) {
        return InvalidArgument(where + ": count must not be negative, got " + Shown(v), "count");
      }
      if (seen[pattern]) {
        return InvalidArgument(where + ": capture pattern appears twice", "row");
      }
      seen[pattern] = true;
      if (pattern == 0) {
        if (count != 0) {
          return InvalidArgument(where + ": the pattern on no list cannot have a count (" +
                                     std::to_string(count) + ")",
                                 "count");
        }
        continue;
      }
    } else if (pattern == 0) {
      return InvalidArgument(where + ": a person must be on at least one list", "row");
    }
    if (count > kMaxTotal - total) return InvalidArgument(where + ": total exceeds 2^53", "count");
    total += count;
    counts[pattern] += count;
  }
  return CaptureTable::Create(std::move(names), std::move(counts));
}

}  // namespace synlig::estimate
