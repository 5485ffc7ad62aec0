// Cross-tabulations of submitted person entries for the analyst dashboard and CSV export.
// Pure: callers load entries from storage and pass them in.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "synlig/core/sector.h"
#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::survey {

// One submitted entry as the tables need it.
struct TabEntry {
  Sector sector;
  std::optional<std::string> match_hash;  // nullopt = could not be linked
  EntryAnswers answers;
};

// A table of counts. For kMulti items an entry counts once in every row/column it names, so
// rows do not add up to the number of entries; totals therefore count entries, not cells.
struct CrossTab {
  std::string id;  // "form_gender", "form_age", "arena_form", "location_form"
  std::string title_sv, title_en;
  std::vector<std::string> row_codes, row_labels_sv, row_labels_en;
  std::vector<std::string> col_codes, col_labels_sv, col_labels_en;
  std::vector<std::vector<std::int64_t>> cells;  // [row][col]
  std::vector<std::int64_t> row_totals;          // entries with that row value (any column)
  std::vector<std::int64_t> col_totals;          // entries with that column value (any row)
};

struct Dashboard {
  std::int64_t entries = 0;  // upper bound of persons known
  // After deduplication: distinct matching-key hashes, plus each entry without a usable key
  // (it cannot be matched, so it counts as a person of its own). The range shown is
  // [unique_persons, entries].
  std::int64_t unique_persons = 0;
  std::vector<CrossTab> tables;  // form×gender, form×age (<18/18+/unknown), arena×form,
                                 // location×form
};

Dashboard Tabulate(const Questionnaire& q, std::span<const TabEntry> entries);

// RFC 4180 CSV of the tables (UTF-8 with BOM so Excel opens åäö right), labels in the
// given language ("sv" or "en"). Cells below k replaced by "<k" when suppress_below > 0.
std::string TablesToCsv(const Dashboard& d, std::string_view lang, int suppress_below);

}  // namespace synlig::survey
