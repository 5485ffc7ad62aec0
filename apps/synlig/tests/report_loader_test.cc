// What the report loader reads besides the survey: the newest online-ad import's counts (read
// back from ads::CountsReportJson) and the follow-up modules' tables, each absent ("Ännu inte
// registrerat i Synlig") when nothing is recorded.
#include "report_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "cli.h"
#include "demo_store_test.h"
#include "report_ads.h"
#include "report_followup.h"
#include "synlig/ads/counts_json.h"

namespace synlig::app {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1772323200;  // 2026-03-01

ads::RoundCounts SomeCounts() {
  ads::RoundCounts c;
  c.days = {*ParseDate("2025-05-01"), *ParseDate("2025-05-08")};
  c.site_days = {{"site-a", c.days[0], 40, 30, 2, 12}, {"site-a", c.days[1], 35, 28, 1, 11}};
  c.ads = 75;
  c.unique_ads = 58;
  c.reposts = 3;
  c.advertisers_phone_only = 21;
  c.advertisers_all_links = 17;
  c.networks = 15;
  c.networks_with_several_advertisers = 6;
  c.largest_network = 4;
  c.network_sizes = {9, 3, 3, 0, 0};
  c.ads_by_indicator_count = {30, 20, 6, 2};
  c.advertisers_by_indicator_count = {8, 6, 2, 1};
  return c;
}

TEST(RoundCountsFromJson, ReadsBackWhatCountsReportJsonWrote) {
  const ads::RoundCounts c = SomeCounts();
  auto back = RoundCountsFromJson(ads::CountsReportJson(c, {}, {}, {}));
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->days, c.days);
  ASSERT_EQ(back->site_days.size(), 2u);
  EXPECT_EQ(back->site_days[1].site, "site-a");
  EXPECT_EQ(back->site_days[1].unique_ads, 28u);
  EXPECT_EQ(back->site_days[1].advertisers, 11u);
  EXPECT_EQ(back->unique_ads, 58u);
  EXPECT_EQ(back->advertisers_phone_only, 21u);
  EXPECT_EQ(back->advertisers_all_links, 17u);
  EXPECT_EQ(back->networks_with_several_advertisers, 6u);
  EXPECT_EQ(back->network_sizes, c.network_sizes);
  EXPECT_EQ(back->advertisers_by_indicator_count, c.advertisers_by_indicator_count);
  EXPECT_EQ(back->ads_by_indicator_count, c.ads_by_indicator_count);
}

TEST(RoundCountsFromJson, MalformedOrIncompleteCountsAreInvalid) {
  for (const char* bad : {"", "[1]", "{\"sample_days\": []}", "{not json"}) {
    auto r = RoundCountsFromJson(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.error().field(), "counts_json") << bad;
  }
}

class ReportLoaderTest : public DemoStoreTest {};

TEST_F(ReportLoaderTest, TheChosenAdImportElseTheNewestGivesSectionSix) {
  auto none = LoadReport(*db_, clock_, 1, {});
  ASSERT_TRUE(none) << none.error().ToString();
  EXPECT_FALSE(none->inputs.current.ads.has_value());

  storage::AdImport older;
  older.round_id = 1;
  older.file_name = "old.jsonl";
  older.format = "jsonl";
  older.counts_json = ads::CountsReportJson(ads::RoundCounts{}, {}, {}, {});
  auto older_id = db_->ad_imports().Create(older);
  ASSERT_TRUE(older_id);
  storage::AdImport newer = older;
  newer.file_name = "new.jsonl";
  newer.lines = 75;
  newer.ads_read = 75;
  newer.counts_json = ads::CountsReportJson(SomeCounts(), {}, {}, {});
  ASSERT_TRUE(db_->ad_imports().Create(newer));

  auto loaded = LoadReport(*db_, clock_, 1, {});
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  ASSERT_TRUE(loaded->inputs.current.ads.has_value());
  EXPECT_EQ(loaded->inputs.current.ads->unique_ads, 58u);
  auto report = report::BuildReport(loaded->inputs);
  ASSERT_TRUE(report) << report.error().ToString();
  bool ads_table = false;
  for (const report::ReportTable& t : report->tables) ads_table |= t.id == "ads_summary";
  EXPECT_TRUE(ads_table);

  // The older import chosen for the report: its (empty) counts are used from now on.
  ASSERT_TRUE(db_->ad_imports().ChooseForReport(*older_id, 0, 0));
  auto chosen = LoadReport(*db_, clock_, 1, {});
  ASSERT_TRUE(chosen) << chosen.error().ToString();
  ASSERT_TRUE(chosen->inputs.current.ads.has_value());
  EXPECT_EQ(chosen->inputs.current.ads->unique_ads, 0u);
}

TEST_F(ReportLoaderTest, FollowupModulesGiveTablesForTheRoundsPeriodOrNothing) {
  // The demo logs attitude work and clinic contacts over the year before its date (2025), and
  // keeps a training register.
  auto round = db_->rounds().Find(1);
  ASSERT_TRUE(round);
  auto parts = LoadFollowup(*db_, round->period);
  ASSERT_TRUE(parts) << parts.error().ToString();
  EXPECT_TRUE(parts->training.has_value());
  ASSERT_TRUE(parts->attitude_work.has_value());
  ASSERT_EQ(parts->attitude_work->tables.size(), 1u);
  const report::CountTable& activities = parts->attitude_work->tables[0];
  EXPECT_EQ(activities.row_labels.size(), followup::ActivityKinds().size());
  EXPECT_FALSE(activities.row_totals);
  ASSERT_TRUE(parts->clinics.has_value());
  std::int64_t contacts = 0;
  for (const auto& row : parts->clinics->tables[0].cells) contacts += row[0];
  EXPECT_GT(contacts, 0);

  // A period without any record: every module is "not yet recorded".
  auto empty = LoadFollowup(*db_, Period{*ParseDate("2001-01-01"), *ParseDate("2001-12-31")});
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->attitude_work.has_value());
  EXPECT_FALSE(empty->clinics.has_value());
}

TEST_F(ReportLoaderTest, TrainingCoverageAtTheRoundsLastDayPerDepartment) {
  // A department of its own beside the demo's register.
  training::Department department{0, "Testförvaltningen", training::OrgKind::kDepartment};
  auto dep = db_->training().CreateDepartment(department);
  ASSERT_TRUE(dep) << dep.error().ToString();
  auto unit = db_->training().CreateUnit({0, *dep, "Testenheten", "", true});
  ASSERT_TRUE(unit) << unit.error().ToString();
  auto role = db_->training().CreateRole({0, "Fältassistent (test)", true});
  ASSERT_TRUE(role) << role.error().ToString();
  training::Course course;
  course.code = "GRUND";
  course.name = "Grundkurs";
  course.provider = "Kommunen";
  auto course_id = db_->training().CreateCourse(course);
  ASSERT_TRUE(course_id) << course_id.error().ToString();
  for (int i = 0; i < 8; ++i) {
    training::Employee e{0,
                         "Anställd " + std::to_string(i),
                         "testanstalld" + std::to_string(i) + "@example.se",
                         *unit,
                         *role,
                         true};
    auto id = db_->training().CreateEmployee(e, kNow);
    ASSERT_TRUE(id) << id.error().ToString();
    // Six trained in 2025, one after the round's last day, one never.
    if (i < 7) {
      training::Completion c;
      c.employee_id = *id;
      c.course_id = *course_id;
      c.date = *ParseDate(i < 6 ? "2025-05-01" : "2026-01-15");
      ASSERT_TRUE(db_->training().AddCompletion(c, std::nullopt, kNow));
    }
  }
  auto round = db_->rounds().Find(1);
  ASSERT_TRUE(round);
  auto parts = LoadFollowup(*db_, round->period);
  ASSERT_TRUE(parts) << parts.error().ToString();
  ASSERT_TRUE(parts->training.has_value());
  ASSERT_EQ(parts->training->tables.size(), 1u);
  const report::CountTable& t = parts->training->tables[0];
  std::size_t ours = t.row_labels.size();
  for (std::size_t i = 0; i < t.row_labels.size(); ++i) {
    if (t.row_labels[i].sv == "Testförvaltningen") ours = i;
  }
  ASSERT_LT(ours, t.row_labels.size());
  EXPECT_EQ(t.cells[ours], (std::vector<std::int64_t>{6, 2}));
  EXPECT_TRUE(t.row_totals);  // trained + not yet trained = the target group

  // In the report the 2 not yet trained are under k: suppressed, the row total 8 published.
  auto loaded = LoadReport(*db_, clock_, 1, {});
  ASSERT_TRUE(loaded);
  auto report = report::BuildReport(loaded->inputs);
  ASSERT_TRUE(report) << report.error().ToString();
  const report::ReportTable* table = nullptr;
  for (const report::ReportTable& r : report->tables) {
    if (r.id == "training_coverage") table = &r;
  }
  ASSERT_NE(table, nullptr);
  const report::Row* row = nullptr;
  for (const report::Row& r : table->rows) {
    if (r.label.sv == "Testförvaltningen") row = &r;
  }
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->cells.size(), 3u);
  EXPECT_EQ(row->cells[1].kind, report::CellKind::kSuppressed);
  EXPECT_EQ(row->cells[2].count, 8);
  EXPECT_NE(row->cells[2].kind, report::CellKind::kSuppressed);
}

}  // namespace
}  // namespace synlig::app
