// How the report's figures read: counts with thousands separators, decimals with the decimal
// comma in Swedish, percentages, signed changes; bar charts of a table's column.
#include <cctype>
#include <cmath>
#include <cstdio>

#include "model/tables.h"

namespace synlig::report {
namespace internal {

const Text kNotYetRecorded{"Ännu inte registrerat i Synlig.", "Not yet recorded in Synlig."};

std::string Thousands(std::int64_t n, Language lang) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  if (digits.size() <= 4) return (n < 0 ? "-" : "") + digits;      // 1234, as Swedish style has it
  std::string sep = lang == Language::kSv ? "\xE2\x80\xAF" : ",";  // narrow no-break space
  std::string out;
  int lead = static_cast<int>(digits.size() % 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (static_cast<int>(i) - lead) % 3 == 0) out += sep;
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string Decimal(double v, int decimals, Language lang) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (lang == Language::kSv) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

Chart BarChart(const ReportTable& t, int col, Text title, Text y_label) {
  Chart c;
  c.kind = Chart::Kind::kBars;
  c.title = std::move(title);
  c.y_label = std::move(y_label);
  Chart::Series s;
  s.name = c.y_label;
  std::string top_sv, top_en;
  double top = -1;
  int hidden = 0;
  for (const Row& row : t.rows) {
    if (row.is_total) continue;
    const Cell& cell = row.cells[static_cast<std::size_t>(col)];
    c.categories.push_back(row.label);
    if (cell.kind == CellKind::kCount) {
      s.values.push_back(static_cast<double>(cell.count));
      if (static_cast<double>(cell.count) > top) {
        top = static_cast<double>(cell.count);
        top_sv = row.label.sv + " (" + std::to_string(cell.count) + ")";
        top_en = row.label.en + " (" + std::to_string(cell.count) + ")";
      }
    } else {
      s.values.push_back(std::nullopt);
      ++hidden;
    }
  }
  c.series.push_back(std::move(s));
  std::string lower_sv = c.title.sv, lower_en = c.title.en;
  for (std::string* str : {&lower_sv, &lower_en}) {
    if (!str->empty() && static_cast<unsigned char>((*str)[0]) < 0x80) {
      (*str)[0] = static_cast<char>(std::tolower(static_cast<unsigned char>((*str)[0])));
    }
  }
  c.alt.sv = "Stapeldiagram: " + lower_sv + "." + (top >= 0 ? " Störst är " + top_sv + "." : "") +
             (hidden > 0 ? " Undertryckta uppgifter visas inte." : "") +
             " Alla uppgifter finns i tabellen.";
  c.alt.en = "Bar chart: " + lower_en + "." + (top >= 0 ? " Largest: " + top_en + "." : "") +
             (hidden > 0 ? " Suppressed figures are not shown." : "") +
             " Every figure is in the table.";
  return c;
}

}  // namespace internal

std::string CellText(const Cell& cell, Language lang) {
  const bool sv = lang == Language::kSv;
  switch (cell.kind) {
    case CellKind::kCount:
      return internal::Thousands(cell.count, lang);
    case CellKind::kSuppressed:
      return ".";
    case CellKind::kAbsent:
      return "";
    case CellKind::kMissing:
      return "..";
    case CellKind::kPercent:
      return std::to_string(static_cast<int>(std::lround(cell.value))) + (sv ? " %" : "%");
    case CellKind::kRate:
      return internal::Decimal(cell.value, 1, lang);
    case CellKind::kNumber:
      return internal::Thousands(std::llround(cell.value), lang);
    case CellKind::kChange:
      if (cell.count == 0)
        return "\xC2\xB1"
               "0";
      return (cell.count > 0 ? "+" : "\xE2\x88\x92") +
             internal::Thousands(cell.count > 0 ? cell.count : -cell.count, lang);
    case CellKind::kText:
      return cell.text.In(lang);
  }
  return "";
}

Result<Language> ParseLanguage(std::string_view code) {
  if (code == "sv") return Language::kSv;
  if (code == "en") return Language::kEn;
  return InvalidArgument("language must be sv or en, not '" + std::string(code) + "'", "lang");
}

}  // namespace synlig::report
