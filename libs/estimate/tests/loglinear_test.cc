// Log-linear models: fits against Rcapture (Mt) and SparseMSE (selected models), model checks,
// sparse-data failures and the profile-likelihood interval.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>

#include "reference.h"
#include "synlig/estimate/loglinear.h"

namespace synlig::estimate {
namespace {

TEST(LoglinearTest, IndependenceIsRcaptureMt) {
  CaptureTable table = testing::LoadDataset("uk2013_5lists");
  auto fit = FitLoglinear(table, {});
  ASSERT_TRUE(fit.has_value()) << fit.error().ToString();
  EXPECT_NEAR(fit->estimate, 13444.1312090139, 1e-6 * 13444);
  EXPECT_NEAR(fit->std_error, 806.929676855002, 1e-6 * 807);
  EXPECT_NEAR(fit->deviance, 118.531629289399, 1e-6 * 118);
  EXPECT_EQ(fit->df, 25);
  EXPECT_NEAR(fit->aic, 217.778876462761, 1e-6 * 217);
  EXPECT_NEAR(fit->bic, 253.281908395836, 1e-6 * 253);
  EXPECT_TRUE(fit->converged);
  EXPECT_EQ(FormatModel(fit->model, table.list_names()), "independence");
}

TEST(LoglinearTest, FormatsTermsWithListNames) {
  EXPECT_EQ(FormatModel({{0b0011, 0b1100}}, {"LA", "NG", "GO", "GP"}), "LA:NG + GO:GP");
  EXPECT_EQ(AllPairs(3), (std::vector<Pattern>{0b011, 0b101, 0b110}));
}

TEST(LoglinearTest, RejectsNonHierarchicalModel) {
  Status s = CheckModel({{0b111}}, 3);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field(), "model");
  EXPECT_TRUE(CheckModel({{0b011, 0b101, 0b110, 0b111}}, 3).has_value());
}

TEST(LoglinearTest, RejectsTermsOutsideTheTable) {
  EXPECT_EQ(CheckModel({{0b1001}}, 3).error().field(), "model");
  EXPECT_EQ(CheckModel({{0b001}}, 3).error().field(), "model");
  EXPECT_EQ(CheckModel({{0b011, 0b011}}, 3).error().field(), "model");
}

// Chan, Silverman & Vincent (2021) Table 2: with all three pairs the model is not identifiable.
TEST(LoglinearTest, ReportsUnidentifiableModelOnArtificialData) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  auto fit = FitLoglinear(table, {AllPairs(3)});
  ASSERT_FALSE(fit.has_value());
  EXPECT_EQ(fit.error().code(), ErrorCode::kFailedPrecondition);
}

// ... and with A:B the MLE does not exist: the fit must say so rather than report silently.
TEST(LoglinearTest, WarnsWhenTheMleDoesNotExist) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  auto fit = FitLoglinear(table, {{0b011}});
  ASSERT_TRUE(fit.has_value()) << fit.error().ToString();
  ASSERT_FALSE(fit->warnings.empty());
  EXPECT_NE(fit->warnings[0].find("does not exist"), std::string::npos) << fit->warnings[0];
}

TEST(LoglinearTest, EmptyOverlapIsFixedAtMinusInfinity) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  auto fit = FitLoglinear(table, {{0b101}});  // A:C never overlap
  ASSERT_TRUE(fit.has_value()) << fit.error().ToString();
  EXPECT_EQ(fit->empty_terms, std::vector<Pattern>{0b101});
  EXPECT_EQ(fit->fitted[0b101], 0.0);
  EXPECT_EQ(fit->num_parameters, 5);
  ASSERT_FALSE(fit->warnings.empty());
}

TEST(LoglinearTest, ProfileIntervalBracketsTheEstimate) {
  CaptureTable table = testing::LoadDataset("hiv_lazio_4lists");
  auto fit = FitLoglinear(table, {});
  ASSERT_TRUE(fit.has_value());
  auto interval = ProfileInterval(table, {});
  ASSERT_TRUE(interval.has_value()) << interval.error().ToString();
  EXPECT_LT(interval->low, fit->estimate);
  EXPECT_GT(interval->high, fit->estimate);
  // Close to the Wald-type log-normal interval on this well-behaved fit (within 5 %).
  EXPECT_NEAR(interval->low, fit->log_normal.low, 0.05 * fit->log_normal.low);
  EXPECT_NEAR(interval->high, fit->log_normal.high, 0.05 * fit->log_normal.high);
  auto wider = ProfileInterval(table, {}, 0.99);
  ASSERT_TRUE(wider.has_value());
  EXPECT_LT(wider->low, interval->low);
  EXPECT_GT(wider->high, interval->high);
}

// Two lists, independence: the profile interval of the Lincoln–Petersen model.
TEST(LoglinearTest, TwoListIndependenceIsLincolnPetersen) {
  auto table = CaptureTable::Create({"A", "B"}, {0, 90, 50, 30});
  ASSERT_TRUE(table.has_value());
  auto fit = FitLoglinear(*table, {});
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(fit->estimate, 320.0, 1e-6);
  EXPECT_EQ(fit->df, 0);
}

}  // namespace
}  // namespace synlig::estimate
