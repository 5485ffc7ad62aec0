// The method dispatcher, table diagnostics, leave-one-list-out and the Swedish summary.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>

#include "reference.h"
#include "synlig/estimate/estimation.h"

namespace synlig::estimate {
namespace {

TEST(EstimationTest, ParsesEveryMethodName) {
  for (const char* name :
       {"chapman", "independence", "aic", "bic", "stepwise", "closedp", "dga", "lcmcr"}) {
    auto m = ParseMethod(name);
    ASSERT_TRUE(m.has_value()) << name;
    EXPECT_EQ(MethodName(*m), name);
  }
  EXPECT_EQ(ParseMethod("compare").error().field(), "method");
}

TEST(EstimationTest, ChapmanNeedsTwoLists) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  std::mt19937_64 rng(1);
  auto r = Estimate(table, {.method = Method::kChapman}, rng);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "method");
}

TEST(EstimationTest, RejectsTooFewBootstrapReplicates) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  std::mt19937_64 rng(1);
  auto r = Estimate(table, {.method = Method::kStepwise, .bootstrap = 3}, rng);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field(), "bootstrap");
}

TEST(EstimationTest, DiagnosesListsThatShareNobody) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  std::vector<std::string> warnings = DiagnoseTable(table);
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings[0].find("A:C, B:C"), std::string::npos) << warnings[0];
  // C shares nobody with A or B.
  bool isolated = false;
  for (const std::string& w : warnings) isolated = isolated || w.find("list C shares") == 0;
  EXPECT_TRUE(isolated);
}

// Each list's size is known; the check estimates it from the other lists. On the Lazio HIV
// data the independence model misses list sizes by a known amount: check the arithmetic.
TEST(EstimationTest, LeaveOneListOutEstimatesKnownListSizes) {
  CaptureTable table = testing::LoadDataset("hiv_lazio_4lists");
  std::vector<LeaveOneOut> rows = LeaveOneListOut(table, Method::kIndependence);
  ASSERT_EQ(rows.size(), 4u);
  for (const LeaveOneOut& row : rows) {
    EXPECT_EQ(row.size, table.ListTotal(static_cast<int>(&row - rows.data())));
    EXPECT_NEAR(row.relative_error,
                (row.estimate - static_cast<double>(row.size)) / static_cast<double>(row.size),
                1e-12);
    EXPECT_GT(row.estimate, 0);
  }
  // Three lists: the sub-tables have two lists, estimated by Lincoln–Petersen.
  CaptureTable korea = testing::LoadDataset("korea_3lists");
  std::vector<LeaveOneOut> k3 = LeaveOneListOut(korea, Method::kStepwise);
  for (const LeaveOneOut& row : k3) EXPECT_GT(row.estimate, 0) << row.list;
}

// The Swedish warnings of a result: as many as the English ones, each its own text, and none
// with common English words in it.
void ExpectSwedishWarnings(const MethodResult& r) {
  ASSERT_EQ(r.warnings_sv.size(), r.warnings.size()) << r.method;
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    const std::string& sv = r.warnings_sv[i];
    EXPECT_FALSE(sv.empty()) << r.warnings[i];
    EXPECT_NE(sv, r.warnings[i]);
    for (const char* english : {" the ", " of ", " is ", " not ", " only", " share"}) {
      EXPECT_EQ(sv.find(english), std::string::npos) << r.method << ": " << sv;
    }
  }
}

// Every method says how its interval was made in English and in Swedish (for reports), with
// the level first and Swedish decimal commas.
TEST(EstimationTest, EveryMethodDescribesItsIntervalInBothLanguages) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  std::mt19937_64 rng(1);
  const Comparison all = Compare(table, {}, rng);
  std::string methods;
  for (const MethodResult& r : all.results) methods += r.method + " ";
  EXPECT_EQ(methods, "independence aic bic stepwise closedp dga lcmcr ");
  std::vector<MethodResult> results = all.results;
  auto boot = Estimate(table, {.method = Method::kStepwise, .bootstrap = 50}, rng);
  ASSERT_TRUE(boot.has_value());
  results.push_back(*boot);
  auto aic_boot = Estimate(table, {.method = Method::kAic, .bootstrap = 50}, rng);
  ASSERT_TRUE(aic_boot.has_value());
  results.push_back(*aic_boot);
  for (const MethodResult& r : results) {
    ExpectSwedishWarnings(r);
    EXPECT_EQ(r.interval_kind.rfind("95 % ", 0), 0u) << r.method << ": " << r.interval_kind;
    EXPECT_EQ(r.interval_kind_sv.rfind("95 % ", 0), 0u) << r.method << ": " << r.interval_kind_sv;
    EXPECT_GT(r.interval_kind_sv.size(), 8u) << r.method;
    EXPECT_NE(r.interval_kind_sv, r.interval_kind) << r.method;
    for (std::size_t i = 1; i + 1 < r.interval_kind_sv.size(); ++i) {
      const std::string& t = r.interval_kind_sv;
      EXPECT_FALSE(t[i] == '.' && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
                   std::isdigit(static_cast<unsigned char>(t[i + 1])))
          << r.method << ": " << t;
    }
  }
}

// Every warning comes in Swedish too, in step with the English list: on a table whose lists
// share nobody, at an interval level that dga and lcmcr cannot give, over every method (the
// Korea results of the test above are checked the same way).
TEST(EstimationTest, EveryWarningHasASwedishTwin) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  std::mt19937_64 rng(1);
  const Comparison all = Compare(table, {.level = 0.9}, rng);
  ASSERT_GE(all.results.size(), 5u);
  std::size_t warnings = 0;
  for (const MethodResult& r : all.results) {
    ExpectSwedishWarnings(r);
    warnings += r.warnings.size();
  }
  EXPECT_GE(warnings, 15u);  // the table does raise warnings
}

TEST(EstimationTest, SwedishSummaryStatesEstimateIntervalAndCaveats) {
  CaptureTable table = testing::LoadDataset("uk2013_5lists");
  std::mt19937_64 rng(1);
  auto r = Estimate(table, {.method = Method::kStepwise}, rng);
  ASSERT_TRUE(r.has_value());
  const std::string text = SwedishSummary(table, *r);
  EXPECT_NE(text.find("Uppskattningsvis 11 300 personer (95 % intervall 9880–13 000)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("har 2744 registrerats"), std::string::npos) << text;
  EXPECT_NE(text.find("tar inte hänsyn till osäkerheten i valet av modell"), std::string::npos);
  EXPECT_NE(text.find("Förbehåll"), std::string::npos);
  EXPECT_NE(text.find("inga personer gemensamt"), std::string::npos);
}

TEST(EstimationTest, SwedishSummaryWarnsAboutLargeMultiples) {
  CaptureTable table = testing::LoadDataset("netherlands_5lists");
  std::mt19937_64 rng(1);
  auto r = Estimate(table, {.method = Method::kStepwise}, rng);
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(SwedishSummary(table, *r).find("mer än tio gånger"), std::string::npos);
}

}  // namespace
}  // namespace synlig::estimate
