// Coverage counts, targets, the trend and what readers may see.
#include "synlig/training/coverage.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

// Two departments; the social one has 4 social secretaries (target group) and a manager
// (not), the school one 2 teachers. Course 1 counts, course 2 does not.
Register Sample() {
  Register reg;
  reg.departments = {{1, "Socialförvaltningen", OrgKind::kDepartment},
                     {2, "Utbildningsförvaltningen", OrgKind::kDepartment},
                     {3, "Bostadsbolaget", OrgKind::kCompany}};
  reg.units = {{10, 1, "Barn och unga", "chef.bou@x.se", true},
               {11, 1, "Vuxenenheten", "", true},
               {12, 2, "Skolan", "", true}};
  reg.roles = {{20, "Socialsekreterare", true}, {21, "Enhetschef", false}, {22, "Lärare", true}};
  reg.employees = {
      {1, "Anna", "anna@x.se", 10, 20, true},   {2, "Bertil", "bertil@x.se", 10, 20, true},
      {3, "Cissi", "cissi@x.se", 11, 20, true}, {4, "Doris", "doris@x.se", 11, 20, true},
      {5, "Chefen", "chef@x.se", 10, 21, true}, {6, "Erik", "erik@x.se", 12, 22, true},
      {7, "Fia", "fia@x.se", 12, 22, true},     {8, "Gammal", "gammal@x.se", 12, 22, false}};
  Course counting;
  counting.id = 1;
  counting.code = "A";
  counting.name = "A";
  Course other;
  other.id = 2;
  other.code = "B";
  other.name = "B";
  other.counts = false;
  reg.courses = {counting, other};
  reg.completions = {{0, 1, 1, D(2026, 1, 15), CompletionSource::kManual, 0},
                     {0, 1, 1, D(2026, 3, 1), CompletionSource::kImport, 0},  // again
                     {0, 2, 1, D(2026, 3, 10), CompletionSource::kImport, 0},
                     {0, 3, 2, D(2026, 2, 1), CompletionSource::kManual, 0},   // not counting
                     {0, 5, 1, D(2026, 2, 1), CompletionSource::kManual, 0},   // not target
                     {0, 6, 1, D(2026, 5, 20), CompletionSource::kManual, 0},  // after as_of
                     {0, 8, 1, D(2026, 1, 1), CompletionSource::kManual, 0}};  // inactive
  reg.targets = {{std::nullopt, 80, D(2027, 12, 31), "KF § 1"}, {2, 50, D(2026, 12, 31), ""}};
  return reg;
}

TEST(CoverageTest, CountsTheTargetGroupPerDepartmentAgainstTargets) {
  CoverageSummary s = SummariseCoverage(Sample(), D(2026, 4, 30));
  ASSERT_EQ(s.departments.size(), 3u);
  EXPECT_EQ(s.departments[0].name, "Bostadsbolaget");
  EXPECT_EQ(s.departments[0].count.target_group, 0);
  const DepartmentCoverage& social = s.departments[1];
  EXPECT_EQ(social.count.covered, 2);
  EXPECT_EQ(social.count.target_group, 4);
  EXPECT_EQ(social.count.SharePercent(), 50);
  ASSERT_TRUE(social.target);
  EXPECT_FALSE(social.target->department_specific);
  EXPECT_EQ(social.target->target.share_percent, 80);
  EXPECT_FALSE(social.target->met);
  EXPECT_EQ(social.target->needed, 2);  // ceil(0.8 * 4) = 4 - 2
  const DepartmentCoverage& school = s.departments[2];
  EXPECT_EQ(school.count.covered, 0);  // Erik's completion is after as_of
  EXPECT_EQ(school.count.target_group, 2);
  ASSERT_TRUE(school.target);
  EXPECT_TRUE(school.target->department_specific);
  EXPECT_EQ(school.target->needed, 1);
  EXPECT_EQ(s.overall.covered, 2);
  EXPECT_EQ(s.overall.target_group, 6);
  ASSERT_TRUE(s.target);
  EXPECT_EQ(s.target->needed, 3);  // ceil(4.8) = 5 - 2
}

TEST(CoverageTest, LaterDateCountsLaterCompletions) {
  CoverageSummary s = SummariseCoverage(Sample(), D(2026, 6, 1));
  EXPECT_EQ(s.overall.covered, 3);
  EXPECT_TRUE(s.departments[2].target->met);  // 1 of 2 = 50 % meets 50 %
}

TEST(CoverageTest, SharesRoundHalfUp) {
  EXPECT_EQ((Count{1, 3}.SharePercent()), 33);
  EXPECT_EQ((Count{2, 3}.SharePercent()), 67);
  EXPECT_EQ((Count{1, 8}.SharePercent()), 13);  // 12.5 -> 13
  EXPECT_EQ((Count{0, 0}.SharePercent()), 0);
}

TEST(CoverageTest, ReportHasRolesUnitsMissingAndTrend) {
  CoverageReport r = ComputeCoverage(Sample(), D(2026, 4, 30), 4);
  ASSERT_EQ(r.roles.size(), 2u);  // the manager role is not in the target group
  EXPECT_EQ(r.roles[0].name, "Lärare");
  EXPECT_EQ(r.roles[1].count.covered, 2);
  EXPECT_EQ(r.roles[1].count.target_group, 4);
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.units[0].name, "Barn och unga");
  EXPECT_TRUE(r.units[0].missing.empty());
  EXPECT_EQ(r.units[1].name, "Vuxenenheten");
  ASSERT_EQ(r.units[1].missing.size(), 2u);
  EXPECT_EQ(r.units[1].missing[0].name, "Cissi");
  EXPECT_EQ(r.units[2].missing.size(), 2u);
  ASSERT_EQ(r.trend.size(), 4u);
  EXPECT_EQ(r.trend[0].month, 1u);
  EXPECT_EQ(r.trend[0].completions, 1);
  EXPECT_EQ(r.trend[0].covered_at_end, 1);
  EXPECT_EQ(r.trend[1].completions, 0);
  EXPECT_EQ(r.trend[2].month, 3u);
  EXPECT_EQ(r.trend[2].completions, 2);  // Anna again and Bertil
  EXPECT_EQ(r.trend[2].covered_at_end, 2);
  EXPECT_EQ(r.trend[3].month, 4u);
  EXPECT_EQ(r.trend[3].covered_at_end, 2);
  EXPECT_EQ(r.cells.size(), 2u);
}

TEST(CoverageTest, TrendCrossesTheYear) {
  CoverageReport r = ComputeCoverage(Sample(), D(2026, 2, 10), 3);
  ASSERT_EQ(r.trend.size(), 3u);
  EXPECT_EQ(r.trend[0].year, 2025);
  EXPECT_EQ(r.trend[0].month, 12u);
  EXPECT_EQ(r.trend[2].year, 2026);
  EXPECT_EQ(r.trend[2].month, 2u);
}

TEST(CoverageTest, ReadersSeeNoSmallCountsAndNoRecoverableRow) {
  CoverageSummary s;
  s.departments = {{1, "A", OrgKind::kDepartment, {10, 20}, std::nullopt},
                   {2, "B", OrgKind::kDepartment, {2, 12}, std::nullopt},  // covered 2 < 5
                   {3, "C", OrgKind::kDepartment, {30, 40}, std::nullopt},
                   {4, "D", OrgKind::kDepartment, {0, 0}, std::nullopt}};
  s.overall = {42, 72};
  PublishedCoverage p = ProtectForReaders(s, 5);
  EXPECT_TRUE(p.departments[1].count.suppressed);
  EXPECT_FALSE(p.departments[1].count.covered);
  EXPECT_EQ(p.departments[1].count.target_group, 12);
  // Secondary: A (smallest other target group) is withheld too, or B = total - A - C.
  EXPECT_TRUE(p.departments[0].count.suppressed);
  EXPECT_FALSE(p.departments[0].count.covered);
  EXPECT_FALSE(p.departments[2].count.suppressed);
  EXPECT_EQ(p.departments[2].count.share_percent, 75);
  EXPECT_FALSE(p.departments[3].count.suppressed);
  EXPECT_EQ(p.suppressed_rows, 2);
  EXPECT_EQ(p.overall.covered, 42);
}

TEST(CoverageTest, MissingCountUnderKIsSuppressedToo) {
  CoverageSummary s;
  s.departments = {{1, "A", OrgKind::kDepartment, {18, 20}, std::nullopt},
                   {2, "B", OrgKind::kDepartment, {3, 3}, std::nullopt}};
  s.overall = {21, 23};
  PublishedCoverage p = ProtectForReaders(s, 5);
  EXPECT_TRUE(p.departments[0].count.suppressed);  // 2 missing
  EXPECT_TRUE(p.departments[1].count.suppressed);  // group of 3
  EXPECT_FALSE(p.departments[1].count.target_group);
  EXPECT_TRUE(p.overall.suppressed);  // 2 missing overall
  EXPECT_EQ(p.overall.target_group, 23);
}

}  // namespace
}  // namespace synlig::training
