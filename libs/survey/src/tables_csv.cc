// The dashboard tables as RFC 4180 CSV, with primary suppression of small counts.
#include <algorithm>
#include <string>

#include "synlig/core/escape.h"
#include "synlig/survey/tables.h"

namespace synlig::survey {
namespace {

class CsvWriter {
 public:
  explicit CsvWriter(std::size_t width) : width_(width) { out_ = "\xEF\xBB\xBF"; }
  void Record(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < width_; ++i) {
      if (i > 0) out_ += ',';
      if (i < fields.size()) AppendCsvField(fields[i], out_);
    }
    out_ += "\r\n";
  }
  std::string Take() { return std::move(out_); }

 private:
  std::size_t width_;
  std::string out_;
};

}  // namespace

std::string CountText(std::int64_t count, int suppress_below) {
  if (count > 0 && count < suppress_below) return "<" + std::to_string(suppress_below);
  return std::to_string(count);
}

std::string TablesToCsv(const Dashboard& d, std::string_view lang, int suppress_below) {
  const bool en = lang == "en";
  const auto pick = [en](const std::string& sv, const std::string& english) {
    return en ? english : sv;
  };
  const auto count = [suppress_below](std::int64_t n) { return CountText(n, suppress_below); };
  const std::string total_label = en ? "Total" : "Totalt";

  std::size_t width = 2;
  for (const CrossTab& t : d.tables) width = std::max(width, t.col_codes.size() + 2);
  CsvWriter csv(width);
  csv.Record({en ? "Person entries (upper bound of persons known)"
                 : "Personposter (övre gräns för kända personer)",
              count(d.entries)});
  csv.Record({en ? "Unique persons after matching (lower bound)"
                 : "Unika personer efter matchning (nedre gräns)",
              count(d.unique_persons)});
  for (const CrossTab& t : d.tables) {
    csv.Record({});
    csv.Record({pick(t.title_sv, t.title_en)});
    std::vector<std::string> heading = {pick(t.row_heading_sv, t.row_heading_en)};
    for (std::size_t j = 0; j < t.col_codes.size(); ++j) {
      heading.push_back(pick(t.col_labels_sv[j], t.col_labels_en[j]));
    }
    heading.push_back(total_label);
    csv.Record(heading);
    for (std::size_t i = 0; i < t.row_codes.size(); ++i) {
      std::vector<std::string> row = {pick(t.row_labels_sv[i], t.row_labels_en[i])};
      for (std::int64_t cell : t.cells[i]) row.push_back(count(cell));
      row.push_back(count(t.row_totals[i]));
      csv.Record(row);
    }
    std::vector<std::string> totals = {total_label};
    for (std::int64_t n : t.col_totals) totals.push_back(count(n));
    totals.push_back(count(t.total));
    csv.Record(totals);
  }
  return csv.Take();
}

}  // namespace synlig::survey
