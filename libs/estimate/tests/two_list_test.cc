// Two-list estimators against values computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "synlig/estimate/two_list.h"

namespace synlig::estimate {
namespace {

// n1 = 120, n2 = 80, m = 30: LP N = 9600/30 = 320, var = 120·80·90·50/30³ = 1600, se = 40.
TEST(TwoListTest, LincolnPetersenMatchesHandComputation) {
  auto e = LincolnPetersen({120, 80, 30});
  ASSERT_TRUE(e.has_value());
  EXPECT_DOUBLE_EQ(e->estimate, 320.0);
  EXPECT_DOUBLE_EQ(e->variance, 1600.0);
  EXPECT_DOUBLE_EQ(e->std_error, 40.0);
  EXPECT_NEAR(e->normal.low, 320 - 1.959963985 * 40, 1e-6);
  EXPECT_NEAR(e->normal.high, 320 + 1.959963985 * 40, 1e-6);
  // Chao: n = 170, f0 = 150, C = exp(1.959964·sqrt(log(1 + 1600/150²))).
  const double c = std::exp(1.959963985 * std::sqrt(std::log(1 + 1600.0 / 22500.0)));
  EXPECT_NEAR(e->log_normal.low, 170 + 150 / c, 1e-6);
  EXPECT_NEAR(e->log_normal.high, 170 + 150 * c, 1e-6);
  EXPECT_NEAR(e->log_normal.low, 259.7410, 1e-3);
  EXPECT_NEAR(e->log_normal.high, 420.7214, 1e-3);
}

// Chapman: (121·81)/31 − 1 = 315.16129, var = 121·81·90·50/(31²·32) = 1434.1996.
TEST(TwoListTest, ChapmanMatchesHandComputation) {
  auto e = Chapman({120, 80, 30});
  ASSERT_TRUE(e.has_value());
  EXPECT_NEAR(e->estimate, 9801.0 / 31.0 - 1.0, 1e-9);
  EXPECT_NEAR(e->variance, 44104500.0 / 30752.0, 1e-9);
  EXPECT_NEAR(e->std_error, 37.87083, 1e-5);
}

TEST(TwoListTest, ChapmanIsFiniteWithoutOverlap) {
  auto e = Chapman({10, 12, 0});
  ASSERT_TRUE(e.has_value());
  EXPECT_DOUBLE_EQ(e->estimate, 11.0 * 13.0 - 1.0);
}

TEST(TwoListTest, LincolnPetersenFailsWithoutOverlap) {
  auto e = LincolnPetersen({10, 12, 0});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code(), ErrorCode::kFailedPrecondition);
}

TEST(TwoListTest, RejectsOverlapLargerThanAList) {
  auto e = Chapman({10, 5, 6});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.error().field(), "count");
}

TEST(TwoListTest, RejectsNegativeCounts) {
  auto e = LincolnPetersen({-1, 5, 0});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().field(), "count");
}

TEST(TwoListTest, CountsOfTableNeedTwoLists) {
  auto table = CaptureTable::Create({"A", "B"}, {0, 90, 50, 30});
  ASSERT_TRUE(table.has_value());
  auto counts = TwoListCountsOf(*table);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->n1, 120);
  EXPECT_EQ(counts->n2, 80);
  EXPECT_EQ(counts->both, 30);
  auto three = CaptureTable::Create({"A", "B", "C"}, {0, 1, 1, 1, 1, 1, 1, 1});
  ASSERT_TRUE(three.has_value());
  EXPECT_EQ(TwoListCountsOf(*three).error().field(), "lists");
}

TEST(NormalTest, QuantileInvertsCdf) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.025), -1.959963984540054, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.001), -3.090232306167813, 1e-11);
  EXPECT_NEAR(NormalCdf(1.0), 0.8413447460685429, 1e-14);
}

}  // namespace
}  // namespace synlig::estimate
