// Primary suppression: cells and totals under k, zeros, dominance, argument checks.
#include <gtest/gtest.h>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure {
namespace {

Table Make(int rows, int cols, std::vector<std::int64_t> cells) {
  Table t;
  t.name = "t";
  for (int r = 0; r < rows; ++r) t.row_labels.push_back("r" + std::to_string(r));
  for (int c = 0; c < cols; ++c) t.col_labels.push_back("c" + std::to_string(c));
  t.cells = std::move(cells);
  return t;
}

TEST(PrimaryTest, CellsUnderKArePrimaryAndZerosAreSafe) {
  Options o;
  o.k = 5;
  auto p = Protect(Make(2, 3, {0, 3, 10, 20, 30, 40}), o);
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_NE(p->status[0], CellStatus::kPrimary);
  EXPECT_EQ(p->status[1], CellStatus::kPrimary);
  EXPECT_NE(p->status[2], CellStatus::kPrimary);
  EXPECT_EQ(p->primary_count, 1);
  EXPECT_EQ(CellText(*p, 0, 1), ".");
}

TEST(PrimaryTest, ZerosUnsafeMakesZeroCellsPrimary) {
  Options o;
  o.zeros_unsafe = true;
  auto p = Protect(Make(1, 2, {0, 30}), o);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status[0], CellStatus::kPrimary);
}

TEST(PrimaryTest, TotalUnderKIsPrimary) {
  auto p = Protect(Make(2, 2, {1, 2, 30, 40}), Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->row_total_status[0], CellStatus::kPrimary);
  EXPECT_NE(p->row_total_status[1], CellStatus::kPrimary);
}

TEST(PrimaryTest, DominatedCellIsPrimary) {
  Table t = Make(1, 2, {20, 20});
  t.contributions = {{18, 1, 1}, {5, 5, 5, 5}};
  Options o;
  o.dominance_n = 1;
  o.dominance_p = 80;
  auto p = Protect(t, o);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status[0], CellStatus::kPrimary);
  EXPECT_NE(p->status[1], CellStatus::kPrimary);
}

TEST(PrimaryTest, DominanceOffByDefault) {
  Table t = Make(1, 2, {20, 20});
  t.contributions = {{18, 1, 1}, {5, 5, 5, 5}};
  auto p = Protect(t, Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->primary_count, 0);
  EXPECT_EQ(CellText(*p, 0, 0), "20");
}

TEST(PrimaryTest, SafeTableIsPublishedWhole) {
  auto p = Protect(Make(2, 2, {10, 20, 30, 40}), Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->primary_count, 0);
  EXPECT_EQ(p->secondary_count, 0);
  EXPECT_EQ(CellText(*p, 1, 1), "40");
  EXPECT_EQ(FigureText(*p, 0, 2), "30");   // row total
  EXPECT_EQ(FigureText(*p, 2, 0), "40");   // column total
  EXPECT_EQ(FigureText(*p, 2, 2), "100");  // grand total
}

TEST(PrimaryTest, RejectsNegativeCount) {
  auto p = Protect(Make(1, 2, {-1, 3}), Options{});
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.error().field(), "cells");
}

TEST(PrimaryTest, RejectsWrongShape) {
  auto p = Protect(Make(2, 2, {1, 2, 3}), Options{});
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.error().field(), "cells");
}

TEST(PrimaryTest, RejectsKBelowOne) {
  Options o;
  o.k = 0;
  auto p = Protect(Make(1, 1, {1}), o);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.error().field(), "k");
}

TEST(PrimaryTest, RejectsNonzeroAbsentCell) {
  Table t = Make(1, 2, {1, 3});
  t.absent = {true, false};
  auto p = Protect(t, Options{});
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().field(), "absent");
}

TEST(PrimaryTest, RejectsGroupIndexOutOfRange) {
  Table t = Make(2, 2, {10, 10, 10, 10});
  t.row_group = {0, 1};
  t.row_group_labels = {"g"};
  auto p = Protect(t, Options{});
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.error().field(), "row_group");
}

TEST(PrimaryTest, RejectsBadDominancePercentage) {
  Options o;
  o.dominance_n = 1;
  o.dominance_p = 120;
  auto p = Protect(Make(1, 1, {10}), o);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().field(), "dominance_p");
}

TEST(PrimaryTest, RejectsNegativeMargin) {
  Options o;
  o.protection_margin = -1;
  auto p = Protect(Make(1, 1, {10}), o);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().field(), "protection_margin");
}

}  // namespace
}  // namespace synlig::disclosure
