// CSV reader for published tables: labels, totals row/column, counts and suppression markers.
#include "synlig/disclosure/published_csv.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "figures.h"

namespace synlig::disclosure {
namespace {

constexpr std::int64_t kMaxCount = std::int64_t{1} << 40;
constexpr std::size_t kMaxCells = 1000000;

struct Line {
  int number;
  std::vector<std::string> fields;
};

std::string Trim(std::string_view s) {
  // Spaces, tabs and the UTF-8 no-break space (C2 A0) at either end.
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return std::string(s);
}

// Splits text into lines of fields; quoted fields may hold delimiters, "" and line breaks.
Result<std::vector<Line>> SplitCsv(std::string_view text, char delimiter) {
  std::vector<Line> lines;
  Line current{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false, any = false;
  int line = 1, quote_line = 0;
  auto end_field = [&] {
    current.fields.push_back(was_quoted ? field : Trim(field));
    field.clear();
    was_quoted = false;
  };
  auto end_line = [&] {
    end_field();
    const bool blank = current.fields.size() == 1 && current.fields[0].empty() && !any;
    if (!blank) lines.push_back(std::move(current));
    current = Line{line + 1, {}};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && Trim(field).empty()) {
      field.clear();
      quoted = was_quoted = any = true;
      quote_line = line;
    } else if (ch == delimiter) {
      end_field();
      any = true;
    } else if (ch == '\n') {
      end_line();
      ++line;
    } else if (ch == '\r') {
      continue;
    } else {
      field += ch;
      if (ch != ' ' && ch != '\t') any = true;
    }
  }
  if (quoted) {
    return InvalidArgument("line " + std::to_string(quote_line) + ": unterminated quote", "row");
  }
  end_line();
  return lines;
}

char DetectDelimiter(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  const bool semicolon = first.find(';') != std::string_view::npos;
  const bool comma = first.find(',') != std::string_view::npos;
  if (semicolon) return ';';
  if (comma) return ',';
  if (first.find('\t') != std::string_view::npos) return '\t';
  return ',';
}

bool IsTotalLabel(const std::string& s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "totalt" || lower == "total" || lower == "summa" || lower == "sum";
}

enum class Kind { kCount, kSuppressed, kBelow, kAbsent };
struct Field {
  Kind kind = Kind::kAbsent;
  std::int64_t value = 0;  // the count, or N of "<N"
};

bool ParseDigits(std::string_view s, std::int64_t& out) {
  // Digits, optionally grouped by single spaces or no-break spaces between groups of three.
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == ' ' && !digits.empty()) {
      continue;
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0' && !digits.empty()) {
      ++i;
    } else {
      return false;
    }
  }
  if (digits.empty() || digits.size() > 15) return false;
  out = std::stoll(digits);
  return out <= kMaxCount;
}

Result<Field> ParseField(const std::string& s, int line, const std::string& column) {
  auto where = [&] { return "line " + std::to_string(line) + ", column '" + column + "'"; };
  if (s.empty()) return Field{Kind::kAbsent, 0};
  if (s == "." || s == ".." || s == "..." || s == "x" || s == "X" || s == "*" || s == ":") {
    return Field{Kind::kSuppressed, 0};
  }
  if (s[0] == '<') {
    std::int64_t n = 0;
    if (!ParseDigits(Trim(s.substr(1)), n) || n < 1) {
      return InvalidArgument(where() + ": '" + s + "' is not a marker '<N' with N at least 1",
                             "cell");
    }
    return Field{Kind::kBelow, n};
  }
  std::int64_t v = 0;
  if (!ParseDigits(s, v)) {
    const std::string shown = s.size() > 40 ? s.substr(0, 40) + "..." : s;
    return InvalidArgument(where() + ": '" + shown +
                               "' is neither a count (a whole number from 0 to 2^40) nor a "
                               "suppression marker (. .. x <N)",
                           "cell");
  }
  return Field{Kind::kCount, v};
}

}  // namespace

Result<PublishedCsv> ParsePublishedCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  PublishedCsv out;
  out.delimiter = DetectDelimiter(text);
  Result<std::vector<Line>> split = SplitCsv(text, out.delimiter);
  if (!split) return Unexpected(split.error());
  std::vector<Line>& lines = *split;
  if (lines.empty()) return InvalidArgument("line 1: no header line (the file is empty)", "header");
  const Line& header = lines[0];
  if (header.fields.size() < 2) {
    return InvalidArgument("line " + std::to_string(header.number) +
                               ": the header needs a corner field and at least one column label",
                           "header");
  }
  std::vector<std::string> labels(header.fields.begin() + 1, header.fields.end());
  for (std::size_t c = 0; c < labels.size(); ++c) {
    if (labels[c].empty()) {
      return InvalidArgument("line " + std::to_string(header.number) + ", column " +
                                 std::to_string(c + 2) + ": empty column label",
                             "header");
    }
  }
  const bool total_col = labels.size() >= 2 && IsTotalLabel(labels.back());
  if (total_col) labels.pop_back();
  if (lines.size() < 2) {
    return InvalidArgument("line " + std::to_string(header.number + 1) + ": no data rows", "row");
  }
  const bool total_row = lines.size() >= 3 && IsTotalLabel(lines.back().fields[0]);
  const std::size_t n_rows = lines.size() - 1 - (total_row ? 1 : 0);
  const std::size_t n_cols = labels.size();
  if (n_rows * n_cols > kMaxCells) {
    return Fail(ErrorCode::kResourceExhausted, "the table has " + std::to_string(n_rows) + " x " +
                                                   std::to_string(n_cols) +
                                                   " cells; at most 1,000,000");
  }
  Table& t = out.table.table;
  t.col_labels = labels;
  t.row_totals = total_col;
  t.col_totals = total_row;
  t.grand_total = total_row && total_col;
  const std::size_t width = header.fields.size();
  // Every line as fields: (figure kind, value), the last column the row total when present.
  std::vector<std::vector<Field>> grid;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.fields.size() != width) {
      return InvalidArgument("line " + std::to_string(l.number) + ": " +
                                 std::to_string(l.fields.size()) + " fields, expected " +
                                 std::to_string(width) + " as in the header",
                             "row");
    }
    if (l.fields[0].empty()) {
      return InvalidArgument("line " + std::to_string(l.number) + ": empty row label", "row");
    }
    std::vector<Field> row;
    for (std::size_t c = 1; c < width; ++c) {
      const std::string& column = header.fields[c];
      Result<Field> f = ParseField(l.fields[c], l.number, column);
      if (!f) return Unexpected(f.error());
      row.push_back(*f);
    }
    grid.push_back(std::move(row));
    out.row_line.push_back(l.number);
    if (i <= n_rows) t.row_labels.push_back(l.fields[0]);
  }
  const internal::Layout layout(t);
  std::vector<CellStatus> status(layout.size(), CellStatus::kAbsent);
  std::vector<std::int64_t> values(layout.size(), 0), below(layout.size(), 0);
  t.cells.assign(n_rows * n_cols, 0);
  t.absent.assign(n_rows * n_cols, false);
  for (std::size_t r = 0; r < grid.size(); ++r) {
    for (std::size_t c = 0; c < grid[r].size(); ++c) {
      const bool is_total_row = r == n_rows;
      const bool is_total_col = c == n_cols;
      int f = 0;
      if (!is_total_row) {
        f = is_total_col ? layout.RowTotal(static_cast<int>(r))
                         : layout.Cell(static_cast<int>(r), static_cast<int>(c));
      } else {
        f = is_total_col ? layout.Grand() : layout.ColTotal(static_cast<int>(c));
      }
      const Field& field = grid[r][c];
      switch (field.kind) {
        case Kind::kCount:
          status[f] = CellStatus::kPublished;
          values[f] = field.value;
          break;
        case Kind::kSuppressed:
          status[f] = CellStatus::kSecondary;
          break;
        case Kind::kBelow:
          status[f] = CellStatus::kPrimary;
          below[f] = field.value;
          break;
        case Kind::kAbsent:
          status[f] = CellStatus::kAbsent;
          if (layout.IsCell(f)) t.absent[f] = true;
          break;
      }
      if (layout.IsCell(f) && field.kind == Kind::kCount) t.cells[f] = field.value;
    }
  }
  ProtectedTable& p = out.table;
  internal::ScatterStatus(status, p);
  internal::ScatterPublished(values, p);
  p.below_cells.assign(below.begin(), below.begin() + layout.rows * layout.cols);
  p.below_row_totals.assign(below.begin() + layout.RowTotal(0), below.begin() + layout.ColTotal(0));
  p.below_col_totals.assign(below.begin() + layout.ColTotal(0), below.begin() + layout.Grand());
  p.below_grand = below[layout.Grand()];
  for (CellStatus s : status) {
    p.primary_count += s == CellStatus::kPrimary;
    p.secondary_count += s == CellStatus::kSecondary;
  }
  return out;
}

}  // namespace synlig::disclosure
