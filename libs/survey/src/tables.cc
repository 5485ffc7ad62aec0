// Cross-tabulation of submitted person entries for the analyst dashboard.
#include "synlig/survey/tables.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace synlig::survey {
namespace {

// One axis of a table: its labels and how an entry's answers map to positions on it.
struct Axis {
  std::string item;  // the answers' item code
  std::string heading_sv, heading_en;
  std::vector<std::string> codes, labels_sv, labels_en;
  // answer option code -> position on the axis (several codes may share one position)
  std::unordered_map<std::string, std::size_t> position;
};

std::optional<Axis> ItemAxis(const Questionnaire& q, std::string_view item_code) {
  const Item* item = q.FindItem(item_code);
  if (item == nullptr) return std::nullopt;
  Axis axis;
  axis.item = item->code;
  axis.heading_sv = item->label_sv;
  axis.heading_en = item->label_en;
  for (const Option& option : item->options) {
    axis.position.emplace(option.code, axis.codes.size());
    axis.codes.push_back(option.code);
    axis.labels_sv.push_back(option.label_sv);
    axis.labels_en.push_back(option.label_en);
  }
  return axis;
}

// Age in three groups so that children are never merged with adults.
std::optional<Axis> AgeGroupAxis(const Questionnaire& q) {
  const Item* item = q.FindItem("age_band");
  if (item == nullptr) return std::nullopt;
  Axis axis;
  axis.item = item->code;
  axis.heading_sv = "Ålder";
  axis.heading_en = "Age";
  axis.codes = {"under_18", "18_plus", "unknown"};
  axis.labels_sv = {"Under 18 år", "18 år eller äldre", "Okänd ålder"};
  axis.labels_en = {"Under 18", "18 or older", "Age unknown"};
  axis.position = {{"under_15", 0}, {"15_17", 0},   {"18_24", 1},  {"25_34", 1},
                   {"35_49", 1},    {"50_plus", 1}, {"unknown", 2}};
  return axis;
}

// Distinct positions an entry takes on an axis, in ascending order.
void Positions(const Axis& axis, const EntryAnswers& answers, std::vector<std::size_t>& out) {
  out.clear();
  auto it = answers.values.find(axis.item);
  if (it == answers.values.end()) return;
  for (const std::string& code : it->second) {
    auto p = axis.position.find(code);
    if (p == axis.position.end()) continue;
    bool seen = false;
    for (std::size_t q : out) seen = seen || q == p->second;
    if (!seen) out.push_back(p->second);
  }
}

std::optional<CrossTab> Tab(std::string id, std::string title_sv, std::string title_en,
                            const std::optional<Axis>& rows, const std::optional<Axis>& cols,
                            std::span<const TabEntry> entries) {
  if (!rows || !cols) return std::nullopt;
  CrossTab t;
  t.id = std::move(id);
  t.title_sv = std::move(title_sv);
  t.title_en = std::move(title_en);
  t.row_heading_sv = rows->heading_sv;
  t.row_heading_en = rows->heading_en;
  t.col_heading_sv = cols->heading_sv;
  t.col_heading_en = cols->heading_en;
  t.row_codes = rows->codes;
  t.row_labels_sv = rows->labels_sv;
  t.row_labels_en = rows->labels_en;
  t.col_codes = cols->codes;
  t.col_labels_sv = cols->labels_sv;
  t.col_labels_en = cols->labels_en;
  t.cells.assign(rows->codes.size(), std::vector<std::int64_t>(cols->codes.size(), 0));
  t.row_totals.assign(rows->codes.size(), 0);
  t.col_totals.assign(cols->codes.size(), 0);
  std::vector<std::size_t> r, c;
  for (const TabEntry& entry : entries) {
    Positions(*rows, entry.answers, r);
    Positions(*cols, entry.answers, c);
    if (r.empty() || c.empty()) continue;
    ++t.total;
    for (std::size_t i : r) {
      ++t.row_totals[i];
      for (std::size_t j : c) ++t.cells[i][j];
    }
    for (std::size_t j : c) ++t.col_totals[j];
  }
  return t;
}

}  // namespace

Dashboard Tabulate(const Questionnaire& q, std::span<const TabEntry> entries) {
  Dashboard d;
  d.entries = static_cast<std::int64_t>(entries.size());
  std::unordered_set<std::string_view> hashes;
  for (const TabEntry& entry : entries) {
    if (entry.match_hash && !entry.match_hash->empty()) {
      hashes.insert(*entry.match_hash);
    } else {
      ++d.unique_persons;
    }
  }
  d.unique_persons += static_cast<std::int64_t>(hashes.size());

  const auto forms = ItemAxis(q, "forms");
  const auto add = [&](std::optional<CrossTab> t) {
    if (t) d.tables.push_back(std::move(*t));
  };
  add(Tab("form_gender", "Personer efter form och kön", "Persons by form and gender", forms,
          ItemAxis(q, "gender"), entries));
  add(Tab("form_age", "Personer efter form och ålder", "Persons by form and age", forms,
          AgeGroupAxis(q), entries));
  add(Tab("arena_form", "Personer efter arena och form", "Persons by arena and form",
          ItemAxis(q, "arenas"), forms, entries));
  add(Tab("location_form", "Personer efter plats och form", "Persons by place and form",
          ItemAxis(q, "location"), forms, entries));
  return d;
}

}  // namespace synlig::survey
