// SCB's population per region and year from a PxWeb export (wide or long), with classifying
// columns (kön, ålder, ...) either taken at their total or added up.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "official/text_util.h"
#include "synlig/report/official.h"

namespace synlig::report {
namespace {

using internal::Folded;
using internal::Quote;
using internal::Where;
using internal::YearIn;

bool IsRegionHeading(const std::string& f) {
  return f == "region" || f == "kommun" || f == "område" || f == "municipality" || f == "area";
}
bool IsYearHeading(const std::string& f) { return f == "år" || f == "year" || f == "tid"; }
bool IsValueHeading(const std::string& f) {
  return f == "folkmängd" || f == "population" || f == "antal" || f == "värde" || f == "value" ||
         f.starts_with("folkmängd") || f.starts_with("population");
}
bool IsTotalClass(const std::string& f) {
  return f == "totalt" || f == "total" || f == "samtliga" || f == "båda könen" ||
         f == "both sexes" || f.starts_with("totalt ") || f.starts_with("total ") || f == "alla" ||
         f == "all";
}

struct Header {
  int row = -1;
  int width = 0;
  int region_col = -1;
  std::vector<int> class_cols;        // other label columns
  std::map<int, int> years;           // wide: column -> year
  int year_col = -1, value_col = -1;  // long
};

std::optional<Header> FindHeader(const TextTable& table) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    Header h;
    h.row = static_cast<int>(r);
    h.width = static_cast<int>(row.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string f = Folded(row[c]);
      int col = static_cast<int>(c);
      if (h.region_col < 0 && IsRegionHeading(f)) {
        h.region_col = col;
      } else if (IsYearHeading(f)) {
        h.year_col = col;
      } else if (auto year = YearIn(row[c], nullptr)) {
        h.years[col] = *year;
      } else if (IsValueHeading(f)) {
        h.value_col = col;
      } else if (!f.empty()) {
        h.class_cols.push_back(col);
      }
    }
    if (h.region_col < 0) continue;
    if (!h.years.empty() && h.year_col < 0) {
      h.value_col = -1;
      return h;
    }
    if (h.year_col >= 0 && h.value_col >= 0 && h.years.empty()) return h;
  }
  return std::nullopt;
}

// "0580 Linköping" -> ("0580", "Linköping"); "Linköping" -> ("", "Linköping").
std::pair<std::string, std::string> SplitRegion(std::string_view text) {
  std::string_view t = internal::Trim(text);
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i >= 2 && i < t.size() && (t[i] == ' ' || t[i] == '-')) {
    return {std::string(t.substr(0, i)), std::string(internal::Trim(t.substr(i + 1)))};
  }
  return {"", std::string(t)};
}

struct Sum {
  PopulationRow row;
  bool from_total = false;
  bool any_non_total = false;
};

}  // namespace

Result<PopulationImport> ParseScbPopulation(const TextTable& table) {
  auto header = FindHeader(table);
  if (!header) {
    return InvalidArgument(
        "no header row found: expected a column named region followed by years (e.g. 2023), "
        "or columns region, år and the population",
        "file");
  }
  const Header& h = *header;
  PopulationImport out;
  // (region name, year) -> sum, in first-seen order of regions.
  std::map<std::pair<std::string, int>, Sum> sums;
  std::vector<std::string> order;
  auto cell = [&](int r, int c) -> const std::string& {
    static const std::string kEmpty;
    const auto& row = table.rows[static_cast<std::size_t>(r)];
    return c >= 0 && c < static_cast<int>(row.size()) ? row[static_cast<std::size_t>(c)] : kEmpty;
  };
  auto add = [&](int r, int c, const std::string& region_text, int year,
                 const std::string& value) -> Status {
    bool missing = false;
    auto n = ParseCount(value, Where(r + 1, c + 1), missing);
    if (!n) return Unexpected(n.error());
    if (missing) {
      out.notes.push_back(Where(r + 1, c + 1) + ": no value (" + Quote(value) + "); not stored");
      return Ok();
    }
    bool total = !h.class_cols.empty();
    for (int cc : h.class_cols) total = total && IsTotalClass(Folded(cell(r, cc)));
    auto [code, name] = SplitRegion(region_text);
    auto key = std::make_pair(name, year);
    auto it = sums.find(key);
    if (it == sums.end()) {
      if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
      it = sums.emplace(key, Sum{PopulationRow{code, name, year, 0, r + 1}}).first;
    }
    Sum& s = it->second;
    if (h.class_cols.empty()) {
      if (s.row.population != 0 || s.from_total) {
        return InvalidArgument("lines " + std::to_string(s.row.line) + " and " +
                                   std::to_string(r + 1) + " both give " + Quote(name) + " " +
                                   std::to_string(year),
                               "file");
      }
      s.row.population = *n;
      s.from_total = true;
    } else if (total) {
      s.row.population = *n;
      s.from_total = true;
    } else if (!s.from_total) {
      s.row.population += *n;
      s.any_non_total = true;
    }
    return Ok();
  };
  for (int r = h.row + 1; r < static_cast<int>(table.rows.size()); ++r) {
    const auto& row = table.rows[static_cast<std::size_t>(r)];
    for (std::size_t c = static_cast<std::size_t>(h.width); c < row.size(); ++c) {
      if (!row[c].empty()) {
        return InvalidArgument(Where(r + 1, static_cast<int>(c) + 1) + ": " + Quote(row[c]) +
                                   " lies beyond the " + std::to_string(h.width) +
                                   " columns of the header on line " + std::to_string(h.row + 1),
                               "file");
      }
    }
    const std::string& region = cell(r, h.region_col);
    if (region.empty()) continue;  // blank lines and footnotes below the table
    if (h.year_col < 0) {
      bool any = false;
      for (const auto& [c, y] : h.years) any = any || !cell(r, c).empty();
      if (!any) continue;  // a footnote line
      for (const auto& [c, y] : h.years) {
        if (Status s = add(r, c, region, y, cell(r, c)); !s) return Unexpected(s.error());
      }
    } else {
      const std::string& year_text = cell(r, h.year_col);
      auto year = YearIn(year_text, nullptr);
      if (!year) {
        return InvalidArgument(
            Where(r + 1, h.year_col + 1) + ": " + Quote(year_text) + " is not a year", "file");
      }
      if (Status s = add(r, h.value_col, region, *year, cell(r, h.value_col)); !s) {
        return Unexpected(s.error());
      }
    }
  }
  for (const std::string& name : order) {
    for (auto& [key, s] : sums) {
      if (key.first != name) continue;
      if (s.row.population < 1) {
        return InvalidArgument("line " + std::to_string(s.row.line) + ": the population of " +
                                   Quote(name) + " in " + std::to_string(key.second) +
                                   " is not positive",
                               "file");
      }
      out.rows.push_back(s.row);
    }
  }
  if (out.rows.empty()) {
    return InvalidArgument(
        "no population figures below the header on line " + std::to_string(h.row + 1), "file");
  }
  return out;
}

}  // namespace synlig::report
