// The council report as a document model: BuildReport(inputs) turns a round's tables (and the
// previous round's, for change), response status, the estimate, online-ad counts, Brå figures
// and the follow-up modules' tables into the sections of the council report, every count
// through disclosure control. Pure: no I/O, no clock (the date is an input). Usage:
//   report::ReportInputs in;
//   in.current = report::RoundData{...};   // TabulateRound(q, entries) gives the tables
//   auto r = report::BuildReport(in);
//   auto html = report::RenderHtml(*r, report::Language::kSv);   // render.h
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "synlig/ads/counts.h"
#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/core/sector.h"
#include "synlig/estimate/estimation.h"
#include "synlig/report/official.h"
#include "synlig/survey/tables.h"

namespace synlig::report {

enum class Language { kSv, kEn };
// "sv" or "en"; kInvalidArgument (field "lang") otherwise.
Result<Language> ParseLanguage(std::string_view code);

// A text in both languages.
struct Text {
  std::string sv, en;
  const std::string& In(Language lang) const { return lang == Language::kEn ? en : sv; }
};

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

struct RoundInfo {
  std::string name;
  Period period;
  int min_cell_k = 5;  // k of the round's disclosure control
  std::string municipality;
};

// Response status of one participating unit.
struct UnitResponse {
  std::string unit;
  Sector sector = Sector::kOtherMunicipal;
  int links = 0;
  int started = 0;  // draft or submitted
  int submitted = 0;
  int entries = 0;  // submitted person entries
};

// The round's tables: survey::Tabulate's dashboard plus the report's own cross-tabulations.
struct RoundTables {
  survey::Dashboard dashboard;
  // "control_trafficking": signs of control (rows) of entries with suspected trafficking,
  // possible or confirmed (columns).
  std::vector<survey::CrossTab> extra;
  // Persons with suspected trafficking (possible or confirmed) per sign of control, for the
  // one-way table of section 4 (same row order as control_trafficking).
  std::vector<std::int64_t> control_persons;
};
// Tabulates entries for the report (survey::Tabulate and the extra tables above).
RoundTables TabulateRound(const survey::Questionnaire& q,
                          std::span<const survey::TabEntry> entries);

struct EstimateInput {
  estimate::MethodResult result;
  std::string summary_sv;          // estimate::SwedishSummary
  std::vector<std::string> lists;  // the lists (sectors) used
  std::int64_t observed = 0;       // persons seen by at least one list
};

// A count table given by a follow-up module (training register, attitude-work log, MIKA/KAST
// contact log). Totals are published only when they are sums of the cells.
struct CountTable {
  std::string id;  // unique in the report, e.g. "training_coverage"
  Text title;
  Text row_heading;
  std::vector<Text> row_labels, col_labels;
  std::vector<std::vector<std::int64_t>> cells;  // [row][col], >= 0
  bool row_totals = true;
  bool col_totals = true;
  // The column compared with the previous round's (section 9); -1: the row total, or the only
  // column; no comparison when neither exists.
  int compare_col = -1;
  Text note;
};

// A follow-up module's part of section 8; absent when the module has recorded nothing.
struct FollowupInput {
  Text summary;  // one paragraph (may be empty)
  std::vector<CountTable> tables;
};

// Everything about one round that the report shows and compares between rounds.
struct RoundData {
  RoundInfo info;
  RoundTables tables;
  std::vector<UnitResponse> units;
  std::optional<EstimateInput> estimate;
  std::optional<ads::RoundCounts> ads;
  std::optional<FollowupInput> training, attitude_work, clinics;
};

// One year of Brå's reported crimes.
struct CrimeYear {
  Crime crime = Crime::kSexPurchase;
  int year = 0;
  std::int64_t reported = 0;
  bool preliminary = false;
  std::string source;
  std::string retrieved_on;  // YYYY-MM-DD
};
struct PopulationYear {
  int year = 0;
  std::int64_t population = 0;
  std::string source;
};

struct ReportInputs {
  RoundData current;
  std::optional<RoundData> previous;  // the newest closed round before this one
  std::vector<CrimeYear> crimes;      // the municipality's series
  std::vector<PopulationYear> population;
  // The analyst's text per section id ("summary" opens the report; otherwise the ids of
  // Section::id), in the markup of ParseMarkup. English falls back to Swedish when empty.
  std::map<std::string, Text> analyst_text;
  Date generated_on;  // printed on the title page; injected so output is reproducible
  Text status_label;  // e.g. {"Utkast", "Draft"}; empty: none
};

// ---------------------------------------------------------------------------------------------
// The document model
// ---------------------------------------------------------------------------------------------

// Inline text with emphasis.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
};
using Runs = std::vector<Run>;

struct Block {
  enum class Kind { kParagraph, kHeading, kBullets, kNumbered, kTable, kNote };
  Kind kind = Kind::kParagraph;
  int level = 3;            // kHeading: 3 or 4 (sections are level 2, the title level 1)
  Runs runs;                // kParagraph, kHeading, kNote
  std::vector<Runs> items;  // kBullets, kNumbered
  int table = -1;           // kTable: index into Report::tables
};

// The analyst's markup: paragraphs separated by blank lines; "# ", "## " headings (rendered
// one and two levels below the section heading); "- " or "* " bullets; "1. " numbered items;
// **bold** and *italic* (or _italic_). Everything else is literal text: no HTML, no links.
std::vector<Block> ParseMarkup(std::string_view text);

enum class CellKind {
  kCount,       // a published count
  kSuppressed,  // suppressed by disclosure control (shown as ".")
  kAbsent,      // nothing to show (shown empty)
  kMissing,     // no data (shown as "..")
  kPercent,     // value is a percentage 0..100
  kRate,        // value per 100,000 inhabitants
  kNumber,      // value is a model output (an estimate), shown rounded
  kChange,      // count is a signed difference between rounds
  kText,        // text
};

struct Cell {
  CellKind kind = CellKind::kAbsent;
  std::int64_t count = 0;
  double value = 0;
  Text text;
  // A count cell of persons of the mapping (disclosure controlled with the round's k).
  bool person_count = false;
};

struct Column {
  Text label;
  bool is_total = false;
};

struct Row {
  std::string code;  // stable key (option code, year, ...) used to compare rounds
  Text label;
  std::vector<Cell> cells;
  bool is_total = false;
};

struct Chart {
  enum class Kind { kBars, kLines };
  Kind kind = Kind::kBars;
  Text title;
  Text alt;  // the text alternative: what the chart shows, in words
  Text y_label;
  std::vector<Text> categories;  // x axis
  struct Series {
    Text name;
    std::vector<std::optional<double>> values;  // per category; nullopt = not shown
  };
  std::vector<Series> series;
};

struct ReportTable {
  std::string id;
  std::string number;  // "2.1"
  Text title;
  Text stub;  // heading of the label column
  std::vector<Column> columns;
  std::vector<Row> rows;
  Text note;
  std::optional<Chart> chart;
  // Disclosure control of this table: figures published, suppressed as under k (primary) and
  // suppressed to protect those (secondary).
  int published = 0, primary = 0, secondary = 0;
};

struct Section {
  std::string id;  // "response_rates", "persons_known", "arenas", "trafficking", "estimate",
                   // "online_ads", "official_statistics", "followup", "change", "methods"
  int number = 0;  // 1..10
  Text title;
  std::array<std::vector<Block>, 2> blocks;  // [Language]
};

struct Report {
  Text title;
  Text subtitle;  // municipality and round
  RoundInfo round;
  Date generated_on;
  Text status_label;
  std::array<std::vector<Block>, 2> summary;  // the analyst's opening text, may be empty
  std::vector<Section> sections;
  std::vector<ReportTable> tables;
  int k = 5;
  // Over every table: figures published and suppressed.
  int published = 0, primary = 0, secondary = 0;
};

// Builds the report. Errors: kInvalidArgument for a round's k < 1 ("min_cell_k"), a
// follow-up table of the wrong shape or with negative counts ("tables"); kInternal when the
// disclosure library fails.
Result<Report> BuildReport(const ReportInputs& inputs);

// The text of a cell as a reader sees it in the given language ("1 234", ".", "37,4", "+5").
std::string CellText(const Cell& cell, Language lang);
// The plain text of runs.
std::string PlainText(const Runs& runs);

}  // namespace synlig::report
