// BuildReport: sections in the council report's order, disclosure control of every count,
// additive totals only, change since the previous round, optional sections, Brå rates.
#include <gtest/gtest.h>

#include <cmath>

#include "report_test_data.h"
#include "synlig/report/report.h"

namespace synlig::report {
namespace {

using testing::Round;

ReportInputs Inputs(int n = 300, std::uint64_t seed = 7) {
  ReportInputs in;
  in.current = Round("Kartläggning 2025", 2025, n, seed);
  in.generated_on = std::chrono::year(2026) / 3 / 1;
  return in;
}

const ReportTable* Table(const Report& r, std::string_view id) {
  for (const auto& t : r.tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Section& SectionOf(const Report& r, std::string_view id) {
  for (const auto& s : r.sections) {
    if (s.id == id) return s;
  }
  static Section none;
  return none;
}

std::string AllText(const Section& s, Language lang) {
  std::string out;
  for (const Block& b : s.blocks[static_cast<int>(lang)]) {
    out += PlainText(b.runs) + "\n";
    for (const auto& item : b.items) out += PlainText(item) + "\n";
  }
  return out;
}

TEST(BuildReport, SectionsFollowTheCouncilReportContents) {
  auto r = BuildReport(Inputs());
  ASSERT_TRUE(r) << r.error().ToString();
  std::vector<std::string> ids;
  for (const auto& s : r->sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "response_rates", "persons_known", "arenas", "trafficking", "estimate",
                     "online_ads", "official_statistics", "followup", "change", "methods"}));
  EXPECT_EQ(r->sections[1].number, 2);
  EXPECT_EQ(r->sections[1].title.sv, "Kända personer");
  EXPECT_EQ(Table(*r, "form_gender")->number, "2.2");
}

TEST(BuildReport, NoPublishedCountIsUnderKForManySeeds) {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    ReportInputs in = Inputs(40 + static_cast<int>(seed) * 7, seed);
    in.current.info.min_cell_k = static_cast<int>(3 + seed % 5);
    in.crimes = testing::Crimes();
    auto r = BuildReport(in);
    ASSERT_TRUE(r) << r.error().ToString();
    const int k = in.current.info.min_cell_k;
    int suppressed = 0;
    for (const auto& t : r->tables) {
      for (const auto& row : t.rows) {
        for (const auto& cell : row.cells) {
          if (cell.kind == CellKind::kCount) {
            EXPECT_TRUE(cell.count == 0 || cell.count >= k)
                << "seed " << seed << " table " << t.id << " row " << row.code << ": "
                << cell.count;
          }
          suppressed += cell.kind == CellKind::kSuppressed ? 1 : 0;
        }
      }
    }
    EXPECT_GT(suppressed, 0) << "seed " << seed;
    EXPECT_EQ(r->primary + r->secondary > 0, true);
  }
}

TEST(BuildReport, OnlyAdditiveTotalsArePublishedWithCrossTables) {
  auto r = BuildReport(Inputs(600, 3));
  ASSERT_TRUE(r);
  const ReportTable* fg = Table(*r, "form_gender");
  ASSERT_NE(fg, nullptr);
  EXPECT_TRUE(fg->columns.back().is_total);
  for (const auto& row : fg->rows) EXPECT_FALSE(row.is_total) << "no total row: not a sum";
  // Where a row is fully published, its total is the sum of its cells.
  for (const auto& row : fg->rows) {
    std::int64_t sum = 0;
    bool all = true;
    for (std::size_t c = 0; c + 1 < row.cells.size(); ++c) {
      all = all && row.cells[c].kind == CellKind::kCount;
      sum += row.cells[c].count;
    }
    if (all && row.cells.back().kind == CellKind::kCount) {
      EXPECT_EQ(row.cells.back().count, sum);
    }
  }
  const ReportTable* gender = Table(*r, "persons_gender");
  ASSERT_NE(gender, nullptr);
  EXPECT_TRUE(gender->rows.back().is_total);
  const ReportTable* af = Table(*r, "arena_form");
  ASSERT_NE(af, nullptr);
  EXPECT_FALSE(af->columns.back().is_total);
  EXPECT_FALSE(af->rows.back().is_total);
  const ReportTable* age = Table(*r, "persons_age");
  ASSERT_NE(age, nullptr);
  EXPECT_EQ(age->rows[0].code, "under_18");
  EXPECT_EQ(age->rows[0].label.sv, "Under 18 år");
  // The same per-form totals in every table that shows them.
  const ReportTable* fa = Table(*r, "form_age");
  for (std::size_t i = 0; i < fg->rows.size(); ++i) {
    EXPECT_EQ(fg->rows[i].cells.back().kind, fa->rows[i].cells.back().kind) << fg->rows[i].code;
    EXPECT_EQ(fg->rows[i].cells.back().count, fa->rows[i].cells.back().count);
  }
}

TEST(BuildReport, SuppressionTotalsAddUpAndAreInTheMethodAppendix) {
  auto r = BuildReport(Inputs(120, 11));
  ASSERT_TRUE(r);
  int published = 0, primary = 0, secondary = 0;
  for (const auto& t : r->tables) {
    published += t.published;
    primary += t.primary;
    secondary += t.secondary;
  }
  EXPECT_EQ(published, r->published);
  EXPECT_EQ(primary, r->primary);
  EXPECT_EQ(secondary, r->secondary);
  EXPECT_GT(r->primary, 0);
  std::string method = AllText(SectionOf(*r, "methods"), Language::kSv);
  EXPECT_NE(method.find("har " + std::to_string(primary + secondary) + " undertryckts: " +
                        std::to_string(primary) + " för att de avser färre än 5"),
            std::string::npos)
      << method;
}

TEST(BuildReport, MissingModulesSayNotYetRecorded) {
  auto r = BuildReport(Inputs());
  ASSERT_TRUE(r);
  std::string followup = AllText(SectionOf(*r, "followup"), Language::kSv);
  std::size_t n = 0;
  for (std::size_t at = followup.find("Ännu inte registrerat i Synlig"); at != std::string::npos;
       at = followup.find("Ännu inte registrerat i Synlig", at + 1)) {
    ++n;
  }
  EXPECT_EQ(n, 3u);
  EXPECT_NE(AllText(SectionOf(*r, "online_ads"), Language::kSv).find("Ännu inte registrerat"),
            std::string::npos);
  EXPECT_NE(AllText(SectionOf(*r, "official_statistics"), Language::kEn)
                .find("Not yet recorded in Synlig"),
            std::string::npos);
  EXPECT_NE(AllText(SectionOf(*r, "change"), Language::kSv).find("ingen tidigare"),
            std::string::npos);
  EXPECT_EQ(Table(*r, "estimate"), nullptr);
}

TEST(BuildReport, FollowupTablesAreProtectedAndShown) {
  ReportInputs in = Inputs();
  FollowupInput training;
  training.summary = {"Utbildningar under året.", "Training during the year."};
  CountTable t;
  t.id = "training_coverage";
  t.title = {"Utbildade per förvaltning", "Trained per department"};
  t.row_heading = {"Förvaltning", "Department"};
  t.row_labels = {{"Socialförvaltningen", "Social services"}, {"Skolan", "Schools"}};
  t.col_labels = {{"Webbkurs", "Web course"}, {"Lokal kurs", "Local course"}};
  t.cells = {{40, 12}, {3, 25}};
  training.tables.push_back(t);
  in.current.training = training;
  auto r = BuildReport(in);
  ASSERT_TRUE(r) << r.error().ToString();
  const ReportTable* tc = Table(*r, "training_coverage");
  ASSERT_NE(tc, nullptr);
  EXPECT_EQ(tc->rows[1].cells[0].kind, CellKind::kSuppressed);  // 3 < 5
  EXPECT_GE(tc->secondary, 1);
  std::string text = AllText(SectionOf(*r, "followup"), Language::kSv);
  EXPECT_NE(text.find("Utbildningar under året."), std::string::npos);
  in.current.training->tables[0].cells[0].push_back(1);
  EXPECT_EQ(BuildReport(in).error().field(), "tables");
}

TEST(BuildReport, FollowupTablesAreComparedOnTheColumnTheyName) {
  CountTable t;
  t.id = "attitude_activities";
  t.title = {"Attitydarbete", "Attitude work"};
  t.row_heading = {"Aktivitet", "Activity"};
  t.row_labels = {{"Lektion", "Lesson"}, {"Temadag", "Theme day"}};
  t.col_labels = {{"Aktiviteter", "Activities"}, {"Nådda personer", "Persons reached"}};
  t.row_totals = false;
  t.compare_col = 1;
  FollowupInput now;
  t.cells = {{10, 300}, {6, 120}};
  now.tables.push_back(t);
  FollowupInput before;
  t.cells = {{8, 250}, {5, 100}};
  before.tables.push_back(t);
  ReportInputs in = Inputs(400, 5);
  in.previous = Round("Kartläggning 2024", 2024, 300, 6);
  in.current.attitude_work = now;
  in.previous->attitude_work = before;
  auto r = BuildReport(in);
  ASSERT_TRUE(r) << r.error().ToString();
  const ReportTable* c = Table(*r, "change_attitude_activities");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(CellText(c->rows[0].cells[0], Language::kSv), "250");
  EXPECT_EQ(CellText(c->rows[0].cells[1], Language::kSv), "300");
  EXPECT_EQ(CellText(c->rows[0].cells[2], Language::kSv), "+50");
  in.current.attitude_work->tables[0].compare_col = 2;
  EXPECT_EQ(BuildReport(in).error().field(), "tables");
}

TEST(BuildReport, ChangeSincePreviousRoundComparesPublishedFigures) {
  ReportInputs in = Inputs(400, 5);
  in.previous = Round("Kartläggning 2024", 2024, 300, 6);
  auto r = BuildReport(in);
  ASSERT_TRUE(r) << r.error().ToString();
  const ReportTable* c = Table(*r, "change_form_gender");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->columns[0].label.sv, "Kartläggning 2024");
  EXPECT_EQ(c->columns[1].label.sv, "Kartläggning 2025");
  int compared = 0;
  for (const auto& row : c->rows) {
    const Cell& before = row.cells[0];
    const Cell& now = row.cells[1];
    if (before.kind == CellKind::kCount && now.kind == CellKind::kCount) {
      ASSERT_EQ(row.cells[2].kind, CellKind::kChange);
      EXPECT_EQ(row.cells[2].count, now.count - before.count);
      ++compared;
    } else {
      EXPECT_NE(row.cells[2].kind, CellKind::kChange);
    }
  }
  EXPECT_GT(compared, 2);
  EXPECT_NE(Table(*r, "change_persons_age"), nullptr);
  EXPECT_NE(Table(*r, "change_response_sector"), nullptr);
  EXPECT_EQ(Table(*r, "change_arena_form"), nullptr);  // compared through persons by arena
  EXPECT_NE(Table(*r, "change_persons_arena"), nullptr);
}

TEST(BuildReport, EstimateIsRoundedAndObservedCountProtected) {
  ReportInputs in = Inputs();
  EstimateInput e;
  e.result.method = "stepwise";
  e.result.estimate = 412.6;
  e.result.interval = {301.2, 640.9};
  e.result.interval_kind = "95 % profile likelihood";
  e.result.interval_kind_sv = "95 % profillikelihood";
  e.result.model = "SO:PO";
  e.summary_sv = "Uppskattningsvis 413 personer.";
  e.lists = {"Socialtjänst", "Polis", "Hälso- och sjukvård"};
  e.observed = 3;
  in.current.estimate = e;
  auto r = BuildReport(in);
  ASSERT_TRUE(r);
  const ReportTable* t = Table(*r, "estimate");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(CellText(t->rows[0].cells[0], Language::kSv), "413");
  EXPECT_EQ(CellText(t->rows[2].cells[0], Language::kSv), "641");
  EXPECT_EQ(t->rows[3].cells[0].kind, CellKind::kSuppressed);  // 3 persons observed < k
  EXPECT_EQ(CellText(t->rows[5].cells[0], Language::kSv),
            "Log-linjär modell vald stegvis (stepwise)");
  EXPECT_EQ(CellText(t->rows[5].cells[0], Language::kEn),
            "Log-linear model selected stepwise (stepwise)");
  EXPECT_NE(AllText(SectionOf(*r, "estimate"), Language::kSv).find("Uppskattningsvis 413"),
            std::string::npos);
  EXPECT_NE(AllText(SectionOf(*r, "estimate"), Language::kEn).find("An estimated 413"),
            std::string::npos);
  // How the interval was made, in each language.
  EXPECT_EQ(t->note.sv,
            "Skattningen är avrundad till hela personer. Intervall: 95 % profillikelihood.");
  EXPECT_EQ(t->note.en,
            "The estimate is rounded to whole persons. Interval: 95 % profile likelihood.");
}

TEST(BuildReport, CrimeTableHasRatesAndSuppressesSmallCountsWithTheirRates) {
  ReportInputs in = Inputs();
  in.crimes = testing::Crimes();
  in.population = testing::Population();
  auto r = BuildReport(in);
  ASSERT_TRUE(r);
  const ReportTable* t = Table(*r, "crime");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 5u);
  const Row& y2024 = t->rows[4];
  EXPECT_EQ(y2024.cells[0].count, 49);
  EXPECT_NEAR(y2024.cells[1].value, 49 * 100000.0 / 168890, 1e-9);
  EXPECT_EQ(CellText(y2024.cells[1], Language::kSv), "29,0");
  EXPECT_EQ(CellText(y2024.cells[1], Language::kEn), "29.0");
  EXPECT_EQ(y2024.cells[2].kind, CellKind::kSuppressed);  // 2 procuring offences < 5
  EXPECT_EQ(y2024.cells[3].kind, CellKind::kSuppressed);  // and its rate
  EXPECT_EQ(CellText(y2024.cells[4], Language::kSv), "Preliminär");
  EXPECT_EQ(t->rows[1].cells[2].count, 5);  // 2021: 5 is not under k
  ASSERT_TRUE(t->chart.has_value());
  EXPECT_EQ(t->chart->kind, Chart::Kind::kLines);
  EXPECT_FALSE(t->chart->series[1].values[4].has_value());
  EXPECT_NE(t->note.sv.find("Brå (test), hämtad 2025-03-01"), std::string::npos);
}

TEST(BuildReport, AnalystTextGoesIntoItsSectionWithEnglishFallingBack) {
  ReportInputs in = Inputs();
  in.analyst_text["persons_known"] = {"Analytikerns **text**.", ""};
  in.analyst_text["summary"] = {"Sammanfattning.", "Summary."};
  auto r = BuildReport(in);
  ASSERT_TRUE(r);
  EXPECT_NE(AllText(SectionOf(*r, "persons_known"), Language::kEn).find("Analytikerns text."),
            std::string::npos);
  ASSERT_EQ(r->summary[1].size(), 1u);
  EXPECT_EQ(PlainText(r->summary[1][0].runs), "Summary.");
}

TEST(BuildReport, RejectsKBelowOne) {
  ReportInputs in = Inputs();
  in.current.info.min_cell_k = 0;
  auto r = BuildReport(in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "min_cell_k");
}

TEST(CellText, FormatsEveryKind) {
  Cell c;
  c.kind = CellKind::kCount;
  c.count = 12345;
  EXPECT_EQ(CellText(c, Language::kSv),
            "12\xE2\x80\xAF"
            "345");
  EXPECT_EQ(CellText(c, Language::kEn), "12,345");
  c.count = 1234;
  EXPECT_EQ(CellText(c, Language::kSv), "1234");
  c.kind = CellKind::kChange;
  c.count = -3;
  EXPECT_EQ(CellText(c, Language::kSv),
            "\xE2\x88\x92"
            "3");
  c.count = 0;
  EXPECT_EQ(CellText(c, Language::kSv),
            "\xC2\xB1"
            "0");
  c.kind = CellKind::kPercent;
  c.value = 82.6;
  EXPECT_EQ(CellText(c, Language::kSv), "83 %");
  EXPECT_EQ(CellText(c, Language::kEn), "83%");
  c.kind = CellKind::kSuppressed;
  EXPECT_EQ(CellText(c, Language::kSv), ".");
  c.kind = CellKind::kMissing;
  EXPECT_EQ(CellText(c, Language::kSv), "..");
}

}  // namespace
}  // namespace synlig::report
