// The round's tables for the report: survey::Tabulate plus signs of control among entries
// with suspected trafficking (possible or confirmed), as a cross table and per sign.
#include <algorithm>

#include "synlig/report/report.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::report {
namespace {

constexpr std::array<std::string_view, 2> kTraffickingForms = {"trafficking_possible",
                                                               "trafficking_confirmed"};

}  // namespace

RoundTables TabulateRound(const survey::Questionnaire& q,
                          std::span<const survey::TabEntry> entries) {
  RoundTables out;
  out.dashboard = survey::Tabulate(q, entries);
  const survey::Item* control = q.FindItem("control_signs");
  const survey::Item* forms = q.FindItem("forms");
  if (control == nullptr || forms == nullptr) return out;
  survey::CrossTab t;
  t.id = "control_trafficking";
  t.title_sv = "Tecken på kontroll vid misstänkt människohandel";
  t.title_en = "Signs of control in suspected trafficking";
  t.row_heading_sv = control->label_sv;
  t.row_heading_en = control->label_en;
  t.col_heading_sv = "Misstänkt människohandel";
  t.col_heading_en = "Suspected trafficking";
  for (const survey::Option& o : control->options) {
    t.row_codes.push_back(o.code);
    t.row_labels_sv.push_back(o.label_sv);
    t.row_labels_en.push_back(o.label_en);
  }
  for (std::string_view code : kTraffickingForms) {
    for (const survey::Option& o : forms->options) {
      if (o.code != code) continue;
      t.col_codes.push_back(o.code);
      t.col_labels_sv.push_back(o.label_sv);
      t.col_labels_en.push_back(o.label_en);
    }
  }
  const std::size_t rows = t.row_codes.size(), cols = t.col_codes.size();
  t.cells.assign(rows, std::vector<std::int64_t>(cols, 0));
  t.row_totals.assign(rows, 0);
  t.col_totals.assign(cols, 0);
  out.control_persons.assign(rows, 0);
  for (const survey::TabEntry& e : entries) {
    std::vector<std::size_t> in_cols;
    for (std::size_t c = 0; c < cols; ++c) {
      if (e.answers.Has("forms", t.col_codes[c])) in_cols.push_back(c);
    }
    if (in_cols.empty()) continue;
    bool any_row = false;
    for (std::size_t r = 0; r < rows; ++r) {
      if (!e.answers.Has("control_signs", t.row_codes[r])) continue;
      any_row = true;
      ++t.row_totals[r];
      ++out.control_persons[r];
      for (std::size_t c : in_cols) ++t.cells[r][c];
    }
    if (!any_row) continue;
    ++t.total;
    for (std::size_t c : in_cols) ++t.col_totals[c];
  }
  out.extra.push_back(std::move(t));
  return out;
}

}  // namespace synlig::report
