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
// Only entries with at least one row value and one column value known to the questionnaire
// take part in a table. Rows and columns follow the questionnaire's option order.
struct CrossTab {
  std::string id;  // "form_gender", "form_age", "arena_form", "location_form"
  std::string title_sv, title_en;
  std::string row_heading_sv, row_heading_en;  // the row item's label, e.g. "Form"
  std::string col_heading_sv, col_heading_en;  // the column item's label, e.g. "Kön"
  std::vector<std::string> row_codes, row_labels_sv, row_labels_en;
  std::vector<std::string> col_codes, col_labels_sv, col_labels_en;
  std::vector<std::vector<std::int64_t>> cells;  // [row][col]
  std::vector<std::int64_t> row_totals;          // entries with that row value (any column)
  std::vector<std::int64_t> col_totals;          // entries with that column value (any row)
  std::int64_t total = 0;                        // entries in the table (any row and column)
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

// The dashboard over submitted entries. Tables: "form_gender" (rows: forms, columns:
// gender), "form_age" (rows: forms, columns: "under_18" = under_15 + 15_17, "18_plus",
// "unknown" — under-18s always in a column of their own), "arena_form" (rows: arenas,
// columns: forms), "location_form" (rows: location, columns: forms), in that order; a table
// whose items the questionnaire lacks is left out. Answer codes the questionnaire does not
// know are ignored. O(entries × answers); 10,000 entries take milliseconds.
Dashboard Tabulate(const Questionnaire& q, std::span<const TabEntry> entries);

// A count as shown to readers: "<k" (e.g. "<5") for 1 <= count < suppress_below, otherwise
// the number. Zero is shown as 0: it is not a small group of persons. suppress_below <= 1
// means no suppression.
std::string CountText(std::int64_t count, int suppress_below);

// RFC 4180 CSV of the dashboard (UTF-8 with BOM so Excel opens åäö right; CRLF line ends;
// fields with comma, quote or line break quoted, quotes doubled; every record padded to the
// same number of fields). Labels in the given language ("en" for English, anything else
// Swedish). Layout: the two person counts, then per table a title line, a heading line
// (row heading, column labels, "Totalt"/"Total"), one line per row with its total, and a
// totals line, with an empty record between blocks. Every count, totals included, goes
// through CountText(count, suppress_below). Primary suppression only: what is published must
// also pass the disclosure library (secondary suppression).
std::string TablesToCsv(const Dashboard& d, std::string_view lang, int suppress_below);

}  // namespace synlig::survey
