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

TEST(SuppressionTest, ALoneHiddenCellTakesAnotherNonZeroCellWithIt) {
  const std::vector<std::int64_t> counts = {12, 3, 0, 7, 7};
  const SuppressedTable t = SuppressOneWay(counts, 5);
  // 3 alone could be read as 29 - 12 - 7 - 7: another non-zero cell is hidden too.
  EXPECT_EQ(t.cells[1], "<5");
  EXPECT_EQ(t.cells[2], "0");
  int complementary = 0;
  for (std::size_t i : {0u, 3u, 4u}) {
    if (t.hidden[i]) {
      ++complementary;
      EXPECT_EQ(t.cells[i], "×");
    } else {
      EXPECT_EQ(t.cells[i], std::to_string(counts[i]));
    }
  }
  EXPECT_GE(complementary, 1);
  EXPECT_EQ(t.total, "29");
}

TEST(SuppressionTest, NoHiddenCellCanBeWorkedOutFromTheRest) {
  const std::vector<std::vector<std::int64_t>> tables = {
      {1, 40, 0, 0}, {2, 2, 30}, {4, 9, 6, 0, 11}, {0, 0, 0}, {5, 5, 5}, {1, 1, 1, 1, 40}};
  for (const auto& counts : tables) {
    const SuppressedTable t = SuppressOneWay(counts, 5);
    int hidden_non_zero = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0 && counts[i] < 5) {
        EXPECT_TRUE(t.hidden[i]) << i;
      }
      if (t.hidden[i]) ++hidden_non_zero;
    }
    // With the total shown, one hidden cell alone would be total minus the others.
    if (!t.total_hidden) {
      EXPECT_NE(hidden_non_zero, 1);
    }
  }
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
