// Brå's reported crimes per year from an export of the statistics database (wide: years as
// columns; long: one figure per row), for one municipality.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "official/text_util.h"
#include "synlig/report/official.h"

namespace synlig::report {
namespace {

using internal::Contains;
using internal::Folded;
using internal::Quote;
using internal::Where;
using internal::YearIn;

struct CrimeMatch {
  Crime crime;
  bool specific = false;  // "för sexuella ändamål": preferred over a general row
};

// Which followed crime a row label names; nullopt when none (or trafficking for other ends).
std::optional<CrimeMatch> CrimeOf(const std::string& f) {
  auto has = [&](std::string_view s) { return Contains(f, s); };
  if (has("köp av sexuell tjänst") || has("6 kap. 11") || has("6 kap 11") || has("6:11") ||
      has("purchase of sexual service") || has("purchase of a sexual service")) {
    return CrimeMatch{Crime::kSexPurchase};
  }
  if (has("koppleri") || has("6 kap. 12") || has("6 kap 12") || has("6:12") || has("procuring")) {
    return CrimeMatch{Crime::kProcuring};
  }
  if (has("människohandel") || has("4 kap. 1 a") || has("4 kap 1 a") || has("4 kap. 1a") ||
      has("4:1a") || has("4:1 a") || has("trafficking")) {
    if (has("andra ändamål") || has("other purposes")) return std::nullopt;
    return CrimeMatch{Crime::kTrafficking, has("sexuella ändamål") || has("sexual purposes")};
  }
  return std::nullopt;
}

bool PerCapita(const std::string& f) {
  return Contains(f, "per 100 000") || Contains(f, "per 100000") || Contains(f, "per capita") ||
         Contains(f, "100 000 inv");
}

bool IsAreaHeading(const std::string& f) {
  return f == "område" || f == "region" || f == "kommun" || f == "area" || f == "municipality" ||
         f == "geografi";
}
bool IsUnitHeading(const std::string& f) {
  return f == "enhet" || f == "mått" || f == "unit" || f == "measure" || f == "tabellinnehåll";
}
bool IsYearHeading(const std::string& f) {
  return f == "år" || f == "year" || f == "period" || f == "tid" || f == "time";
}
bool IsValueHeading(const std::string& f) {
  return f == "antal" || f == "antal anmälda brott" || f == "anmälda brott" || f == "värde" ||
         f == "value" || f == "count" || f == "number" || f == "reported offences";
}
bool IsCrimeHeading(const std::string& f) {
  return f == "brottstyp" || f == "brott" || f == "brottskategori" || f == "offence" ||
         f == "crime" || f == "brottsbenämning";
}
bool IsStatusHeading(const std::string& f) {
  return f == "status" || f == "statistik" || f == "preliminär" || f == "typ av statistik";
}

struct Header {
  int row = -1;  // index into table.rows
  bool wide = false;
  int width = 0;
  // wide
  std::map<int, std::pair<int, bool>> years;  // column -> (year, preliminary mark)
  int first_year_col = -1;
  // both
  int area_col = -1, unit_col = -1, code_col = -1;
  // long
  int year_col = -1, value_col = -1, crime_col = -1, status_col = -1;
};

std::optional<Header> FindHeader(const TextTable& table) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    Header h;
    h.row = static_cast<int>(r);
    h.width = static_cast<int>(row.size());
    // Long layout: named columns.
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string f = Folded(row[c]);
      int col = static_cast<int>(c);
      if (IsYearHeading(f))
        h.year_col = col;
      else if (IsValueHeading(f))
        h.value_col = col;
      else if (IsCrimeHeading(f))
        h.crime_col = col;
      else if (IsAreaHeading(f))
        h.area_col = col;
      else if (IsUnitHeading(f))
        h.unit_col = col;
      else if (IsStatusHeading(f))
        h.status_col = col;
      else if (f == "brottskod" || f == "kod" || f == "code")
        h.code_col = col;
    }
    if (h.year_col >= 0 && h.value_col >= 0 && h.crime_col >= 0) return h;
    // Wide layout: years after at least one label column.
    Header w;
    w.row = h.row;
    w.width = h.width;
    w.wide = true;
    bool ok = true;
    for (std::size_t c = 0; c < row.size(); ++c) {
      bool prel = false;
      auto year = YearIn(row[c], &prel);
      if (year) {
        if (w.first_year_col < 0) w.first_year_col = static_cast<int>(c);
        w.years[static_cast<int>(c)] = {*year, prel};
      } else if (w.first_year_col >= 0 && !row[c].empty()) {
        ok = false;  // a label after the years: not a header of years
      }
    }
    if (!ok || w.first_year_col < 1 || w.years.empty()) continue;
    for (int c = 0; c < w.first_year_col; ++c) {
      std::string f = Folded(row[static_cast<std::size_t>(c)]);
      if (IsAreaHeading(f))
        w.area_col = c;
      else if (IsUnitHeading(f))
        w.unit_col = c;
      else if (f == "brottskod" || f == "kod" || f == "code")
        w.code_col = c;
    }
    return w;
  }
  return std::nullopt;
}

std::string Joined(const std::vector<std::string>& row, const Header& h, int upto) {
  std::string label;
  for (int c = 0; c < upto && c < static_cast<int>(row.size()); ++c) {
    if (c == h.area_col || c == h.unit_col) continue;
    if (row[static_cast<std::size_t>(c)].empty()) continue;
    if (!label.empty()) label += ' ';
    label += row[static_cast<std::size_t>(c)];
  }
  return label;
}

// Years named on a line that mentions preliminary figures ("Uppgifterna för 2024 är
// preliminära").
void CollectPreliminaryYears(const std::vector<std::string>& row, std::set<int>& years) {
  std::string all;
  for (const auto& cell : row) all += Folded(cell) + " ";
  if (!Contains(all, "prelim")) return;
  for (std::size_t i = 0; i + 4 <= all.size(); ++i) {
    bool four = true;
    for (std::size_t k = 0; k < 4; ++k) {
      four = four && std::isdigit(static_cast<unsigned char>(all[i + k]));
    }
    bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(all[i - 1]))) &&
                 (i + 4 == all.size() || !std::isdigit(static_cast<unsigned char>(all[i + 4])));
    if (four && alone) {
      int y = std::stoi(all.substr(i, 4));
      if (y >= 1900 && y <= 2199) years.insert(y);
    }
  }
}

struct Collected {
  BraFigure figure;
  bool specific = false;
};

class BraReader {
 public:
  BraReader(const TextTable& table, const BraOptions& options, const Header& header)
      : table_(table), options_(options), h_(header) {}

  Result<BraImport> Run() {
    if (Status s = CheckPreamble(); !s) return Unexpected(s.error());
    for (std::size_t r = static_cast<std::size_t>(h_.row) + 1; r < table_.rows.size(); ++r) {
      Status s = h_.wide ? WideRow(static_cast<int>(r)) : LongRow(static_cast<int>(r));
      if (!s) return Unexpected(s.error());
    }
    return Finish();
  }

 private:
  int Line(int r) const { return r + 1; }
  const std::string& Cell(int r, int c) const {
    static const std::string kEmpty;
    const auto& row = table_.rows[static_cast<std::size_t>(r)];
    return c >= 0 && c < static_cast<int>(row.size()) ? row[static_cast<std::size_t>(c)] : kEmpty;
  }

  Status CheckPreamble() {
    const std::string want = NormaliseArea(options_.municipality);
    for (int r = 0; r < static_cast<int>(table_.rows.size()); ++r) {
      if (r == h_.row) continue;
      const auto& row = table_.rows[static_cast<std::size_t>(r)];
      CollectPreliminaryYears(row, preliminary_years_);
      if (r > h_.row) continue;
      for (const std::string& cell : row) {
        std::string f = Folded(cell);
        for (std::string_view key : {"område:", "kommun:", "region:", "area:"}) {
          if (!f.starts_with(key)) continue;
          std::string named = NormaliseArea(std::string_view(cell).substr(cell.find(':') + 1));
          if (!named.empty() && named != want) {
            return InvalidArgument(Where(Line(r), 1) + ": the file is for " +
                                       Quote(internal::Trim(cell.substr(cell.find(':') + 1))) +
                                       ", not " + Quote(options_.municipality),
                                   "file");
          }
        }
      }
    }
    return Ok();
  }

  // True when the row is of another area (and notes it).
  bool OtherArea(int r) {
    if (h_.area_col < 0) return false;
    const std::string& area = Cell(r, h_.area_col);
    if (area.empty()) return false;
    areas_seen_.insert(std::string(internal::Trim(area)));
    if (NormaliseArea(area) == NormaliseArea(options_.municipality)) {
      own_area_rows_ = true;
      return false;
    }
    ++other_area_rows_;
    return true;
  }

  Status CheckWidth(int r) const {
    const auto& row = table_.rows[static_cast<std::size_t>(r)];
    for (std::size_t c = static_cast<std::size_t>(h_.width); c < row.size(); ++c) {
      if (!row[c].empty()) {
        return InvalidArgument(Where(Line(r), static_cast<int>(c) + 1) + ": " + Quote(row[c]) +
                                   " lies beyond the " + std::to_string(h_.width) +
                                   " columns of the header on line " + std::to_string(Line(h_.row)),
                               "file");
      }
    }
    return Ok();
  }

  Status Add(int r, int c, const CrimeMatch& m, int year, bool prel, const std::string& text) {
    std::string value(internal::Trim(text));
    if (value.ends_with("*")) {
      prel = true;
      value = std::string(internal::Trim(std::string_view(value).substr(0, value.size() - 1)));
    }
    bool missing = false;
    auto count = ParseCount(value, Where(Line(r), c + 1), missing);
    if (!count) return Unexpected(count.error());
    if (missing) {
      import_.notes.push_back(Where(Line(r), c + 1) + ": no value for " +
                              std::string(CrimeLabelSv(m.crime)) + " " + std::to_string(year) +
                              " (" + Quote(value) + "); not stored");
      return Ok();
    }
    BraFigure f{m.crime, year, *count, prel || preliminary_years_.contains(year), Line(r)};
    auto key = std::make_pair(static_cast<int>(m.crime), year);
    auto it = found_.find(key);
    if (it != found_.end()) {
      if (m.specific && !it->second.specific) {
        it->second = {f, true};
        return Ok();
      }
      if (!m.specific && it->second.specific) return Ok();
      return InvalidArgument("lines " + std::to_string(it->second.figure.line) + " and " +
                                 std::to_string(Line(r)) + " both give " +
                                 std::string(CrimeLabelSv(m.crime)) + " for " +
                                 std::to_string(year) + "; export one row per crime and year",
                             "file");
    }
    found_.emplace(key, Collected{f, m.specific});
    return Ok();
  }

  bool SkipRow(int r, const std::string& label, bool any_value) {
    std::string f = Folded(label);
    if (PerCapita(f) || (h_.unit_col >= 0 && PerCapita(Folded(Cell(r, h_.unit_col))))) {
      ++per_capita_rows_;
      return true;
    }
    return label.empty() && !any_value;
  }

  Status WideRow(int r) {
    if (Status s = CheckWidth(r); !s) return s;
    std::string label = Joined(table_.rows[static_cast<std::size_t>(r)], h_, h_.first_year_col);
    bool any_value = false;
    for (const auto& [c, y] : h_.years) any_value = any_value || !Cell(r, c).empty();
    if (SkipRow(r, label, any_value)) return Ok();
    if (OtherArea(r)) return Ok();
    auto m = CrimeOf(Folded(label));
    if (!m) {
      if (any_value && !label.empty()) {
        import_.notes.push_back("line " + std::to_string(Line(r)) + ": " + Quote(label) +
                                " is not one of the crimes followed; skipped");
      }
      return Ok();
    }
    if (label.empty()) return Ok();
    for (const auto& [c, y] : h_.years) {
      if (Status s = Add(r, c, *m, y.first, y.second, Cell(r, c)); !s) return s;
    }
    return Ok();
  }

  Status LongRow(int r) {
    if (Status s = CheckWidth(r); !s) return s;
    const std::string& crime_text = Cell(r, h_.crime_col);
    const std::string& year_text = Cell(r, h_.year_col);
    const std::string& value_text = Cell(r, h_.value_col);
    if (SkipRow(r, crime_text, !value_text.empty() || !year_text.empty())) return Ok();
    if (crime_text.empty()) {
      return InvalidArgument(Where(Line(r), h_.crime_col + 1) + ": the crime is empty", "file");
    }
    if (OtherArea(r)) return Ok();
    auto m = CrimeOf(Folded(crime_text));
    if (!m) {
      import_.notes.push_back("line " + std::to_string(Line(r)) + ": " + Quote(crime_text) +
                              " is not one of the crimes followed; skipped");
      return Ok();
    }
    bool prel = false;
    auto year = YearIn(year_text, &prel);
    if (!year) {
      return InvalidArgument(Where(Line(r), h_.year_col + 1) + ": " + Quote(year_text) +
                                 " is not a year; export yearly figures",
                             "file");
    }
    if (h_.status_col >= 0) {
      std::string s = Folded(Cell(r, h_.status_col));
      if (s.starts_with("prel") || s == "p") prel = true;
    }
    return Add(r, h_.value_col, *m, *year, prel, value_text);
  }

  Result<BraImport> Finish() {
    if (h_.area_col >= 0 && !own_area_rows_ && other_area_rows_ > 0) {
      std::string list;
      for (const auto& a : areas_seen_) list += (list.empty() ? "" : ", ") + a;
      return InvalidArgument("the file has no rows for " + Quote(options_.municipality) +
                                 " (areas in the file: " + list + ")",
                             "file");
    }
    for (const auto& [key, c] : found_) import_.figures.push_back(c.figure);
    if (import_.figures.empty()) {
      return InvalidArgument(
          "no figures for köp av sexuell tjänst (BrB 6:11), koppleri (6:12) or människohandel "
          "(4:1a) were found below the header on line " +
              std::to_string(Line(h_.row)),
          "file");
    }
    if (other_area_rows_ > 0) {
      import_.notes.push_back(std::to_string(other_area_rows_) + " row(s) of other areas skipped");
    }
    if (per_capita_rows_ > 0) {
      import_.notes.push_back(std::to_string(per_capita_rows_) +
                              " row(s) per 100,000 inhabitants skipped (Synlig computes rates "
                              "from SCB's population)");
    }
    return std::move(import_);
  }

  const TextTable& table_;
  const BraOptions& options_;
  const Header& h_;
  BraImport import_;
  std::map<std::pair<int, int>, Collected> found_;
  std::set<int> preliminary_years_;
  std::set<std::string> areas_seen_;
  bool own_area_rows_ = false;
  int other_area_rows_ = 0;
  int per_capita_rows_ = 0;
};

}  // namespace

Result<BraImport> ParseBraExport(const TextTable& table, const BraOptions& options) {
  if (internal::Trim(options.municipality).empty()) {
    return InvalidArgument("the municipality is empty", "municipality");
  }
  auto header = FindHeader(table);
  if (!header) {
    return InvalidArgument(
        "no header row found: expected a row of years (e.g. 2023;2024) after the crime column, "
        "or columns named År, Antal and Brottstyp",
        "file");
  }
  BraReader reader(table, options, *header);
  return reader.Run();
}

}  // namespace synlig::report
