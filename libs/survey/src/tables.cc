// Cross-tabulation of submitted person entries for the analyst dashboard.
#include "synlig/survey/tables.h"

#include <algorithm>
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

// The distinct positions every entry takes on an axis, computed once per axis and shared by
// the tables that use it: entry i's positions are pos[begin[i] .. begin[i + 1]).
struct AxisIndex {
  std::vector<std::size_t> begin;
  std::vector<std::size_t> pos;
};

AxisIndex IndexEntries(const Axis& axis, std::span<const TabEntry> entries) {
  AxisIndex index;
  index.begin.reserve(entries.size() + 1);
  for (const TabEntry& entry : entries) {
    const std::size_t first = index.pos.size();
    index.begin.push_back(first);
    auto it = entry.answers.values.find(axis.item);
    if (it == entry.answers.values.end()) continue;
    for (const std::string& code : it->second) {
      auto p = axis.position.find(code);
      if (p == axis.position.end()) continue;
      if (std::find(index.pos.begin() + static_cast<std::ptrdiff_t>(first), index.pos.end(),
                    p->second) == index.pos.end()) {
        index.pos.push_back(p->second);
      }
    }
  }
  index.begin.push_back(index.pos.size());
  return index;
}

struct IndexedAxis {
  Axis axis;
  AxisIndex index;
};

std::optional<IndexedAxis> Indexed(std::optional<Axis> axis, std::span<const TabEntry> entries) {
  if (!axis) return std::nullopt;
  AxisIndex index = IndexEntries(*axis, entries);
  return IndexedAxis{std::move(*axis), std::move(index)};
}

std::optional<CrossTab> Tab(std::string id, std::string title_sv, std::string title_en,
                            const std::optional<IndexedAxis>& row_axis,
                            const std::optional<IndexedAxis>& col_axis) {
  if (!row_axis || !col_axis) return std::nullopt;
  const Axis& rows = row_axis->axis;
  const Axis& cols = col_axis->axis;
  CrossTab t;
  t.id = std::move(id);
  t.title_sv = std::move(title_sv);
  t.title_en = std::move(title_en);
  t.row_heading_sv = rows.heading_sv;
  t.row_heading_en = rows.heading_en;
  t.col_heading_sv = cols.heading_sv;
  t.col_heading_en = cols.heading_en;
  t.row_codes = rows.codes;
  t.row_labels_sv = rows.labels_sv;
  t.row_labels_en = rows.labels_en;
  t.col_codes = cols.codes;
  t.col_labels_sv = cols.labels_sv;
  t.col_labels_en = cols.labels_en;
  t.cells.assign(rows.codes.size(), std::vector<std::int64_t>(cols.codes.size(), 0));
  t.row_totals.assign(rows.codes.size(), 0);
  t.col_totals.assign(cols.codes.size(), 0);
  const AxisIndex& r = row_axis->index;
  const AxisIndex& c = col_axis->index;
  for (std::size_t e = 0; e + 1 < r.begin.size(); ++e) {
    if (r.begin[e] == r.begin[e + 1] || c.begin[e] == c.begin[e + 1]) continue;
    ++t.total;
    for (std::size_t i = r.begin[e]; i < r.begin[e + 1]; ++i) {
      ++t.row_totals[r.pos[i]];
      for (std::size_t j = c.begin[e]; j < c.begin[e + 1]; ++j) ++t.cells[r.pos[i]][c.pos[j]];
    }
    for (std::size_t j = c.begin[e]; j < c.begin[e + 1]; ++j) ++t.col_totals[c.pos[j]];
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

  const auto forms = Indexed(ItemAxis(q, "forms"), entries);
  const auto add = [&](std::optional<CrossTab> t) {
    if (t) d.tables.push_back(std::move(*t));
  };
  add(Tab("form_gender", "Personer efter form och kön", "Persons by form and gender", forms,
          Indexed(ItemAxis(q, "gender"), entries)));
  add(Tab("form_age", "Personer efter form och ålder", "Persons by form and age", forms,
          Indexed(AgeGroupAxis(q), entries)));
  add(Tab("arena_form", "Personer efter arena och form", "Persons by arena and form",
          Indexed(ItemAxis(q, "arenas"), entries), forms));
  add(Tab("location_form", "Personer efter plats och form", "Persons by place and form",
          Indexed(ItemAxis(q, "location"), entries), forms));
  return d;
}

}  // namespace synlig::survey
