// One-way suppression: primary under k, and a second cell hidden when one alone would be.
#include "synlig/followup/suppression.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

TEST(SuppressionTest, NoSuppressionWhenKIsOneOrLess) {
  const std::vector<std::int64_t> counts = {1, 2, 0};
  const SuppressedTable t = SuppressOneWay(counts, 0);
  EXPECT_EQ(t.cells, (std::vector<std::string>{"1", "2", "0"}));
  EXPECT_EQ(t.total, "3");
}

TEST(SuppressionTest, HidesSmallCellsAndZeroStaysZero) {
  const std::vector<std::int64_t> counts = {3, 0, 2, 10};
  const SuppressedTable t = SuppressOneWay(counts, 5);
  EXPECT_EQ(t.cells, (std::vector<std::string>{"<5", "0", "<5", "10"}));
  EXPECT_EQ(t.total, "15");
}

TEST(SuppressionTest, ALoneHiddenCellTakesTheSmallestOtherNonZeroCellWithIt) {
  const std::vector<std::int64_t> counts = {12, 3, 0, 7, 7};
  const SuppressedTable t = SuppressOneWay(counts, 5);
  // 3 alone could be read as 29 - 12 - 7 - 7: the first 7 is hidden too.
  EXPECT_EQ(t.cells, (std::vector<std::string>{"12", "<5", "0", "×", "7"}));
  EXPECT_EQ(t.hidden, (std::vector<bool>{false, true, false, true, false}));
  EXPECT_EQ(t.total, "29");
}

TEST(SuppressionTest, ASmallTotalIsHiddenAndNeedsNoSecondCell) {
  const std::vector<std::int64_t> counts = {0, 3, 0};
  const SuppressedTable t = SuppressOneWay(counts, 5);
  EXPECT_EQ(t.cells, (std::vector<std::string>{"0", "<5", "0"}));
  EXPECT_TRUE(t.total_hidden);
  EXPECT_EQ(t.total, "<5");
}

TEST(SuppressionTest, CountTextIsTheSurveyRule) {
  EXPECT_EQ(CountText(0, 5), "0");
  EXPECT_EQ(CountText(4, 5), "<5");
  EXPECT_EQ(CountText(5, 5), "5");
}

}  // namespace
}  // namespace synlig::followup
