// Secondary suppression on tables whose weak spots are known: a lone unsafe cell in a row,
// zeros, absent cells, totals under k, one-row tables, row groups, linked tables, margins.
#include <gtest/gtest.h>

#include "synlig/disclosure/disclosure.h"
#include "table_maker.h"

namespace synlig::disclosure {
namespace {

using testing::MakeTable;
using testing::StatusPicture;

bool IsSuppressed(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

// Every suppressed figure's attacker interval is at least `margin` wide.
void ExpectSafe(const ProtectedTable& p, double margin) {
  auto intervals = AttackerIntervals(p);
  ASSERT_TRUE(intervals.has_value()) << intervals.error().ToString();
  for (const CellInterval& c : *intervals) {
    EXPECT_GE(c.hi - c.lo, margin)
        << "(" << c.row_label << ", " << c.col_label << ") in [" << c.lo << ", " << c.hi << "]";
  }
  EXPECT_TRUE(Check(p, Options{.k = 5, .protection_margin = margin}).empty());
}

TEST(SecondaryTest, LoneUnsafeCellInRowGetsComplementsInRowAndColumn) {
  auto p = Protect(MakeTable({{3, 12, 20}, {15, 25, 30}, {40, 45, 50}}), Options{});
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_EQ(p->primary_count, 1);
  // The cheapest protecting rectangle uses the next smallest cells: 12 and 15, then 25.
  EXPECT_EQ(StatusPicture(*p), "12P\n22P\nPPP\n");
  EXPECT_EQ(p->secondary_count, 3);
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, EverySuppressedCellHasAnotherInItsRowAndColumn) {
  auto p = Protect(MakeTable({{1, 30, 2, 40}, {25, 3, 35, 20}, {50, 60, 70, 4}}), Options{});
  ASSERT_TRUE(p.has_value());
  const int rows = 3, cols = 4;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (!IsSuppressed(p->status[r * cols + c])) continue;
      int in_row = 0, in_col = 0;
      for (int x = 0; x < cols; ++x) in_row += IsSuppressed(p->status[r * cols + x]);
      for (int y = 0; y < rows; ++y) in_col += IsSuppressed(p->status[y * cols + c]);
      EXPECT_GE(in_row, 2) << r << "," << c;
      EXPECT_GE(in_col, 2) << r << "," << c;
    }
  }
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, ZerosAreUsedOnlyWhereTheyProtect) {
  // A zero cannot decrease, so it cannot give room to an unsafe cell in its row; the pattern
  // must still be safe.
  auto p = Protect(MakeTable({{2, 0, 30}, {0, 20, 25}, {10, 0, 40}}), Options{});
  ASSERT_TRUE(p.has_value());
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, ZerosUnsafeSuppressesAndProtectsZeros) {
  Options o;
  o.zeros_unsafe = true;
  auto p = Protect(MakeTable({{0, 12, 30}, {10, 20, 25}, {15, 9, 40}}), o);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status[0], CellStatus::kPrimary);
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, AbsentCellsAreNeverComplementsAndStayAbsent) {
  Table t = MakeTable({{3, 0, 30}, {10, 20, 25}, {15, 9, 40}});
  t.absent = {false, true, false, false, false, false, false, false, false};
  auto p = Protect(t, Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->status[1], CellStatus::kAbsent);
  EXPECT_EQ(CellText(*p, 0, 1), "");
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, TotalUnderKIsSuppressedAndProtected) {
  auto p = Protect(MakeTable({{1, 2, 0}, {10, 20, 25}, {15, 9, 40}}), Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->row_total_status[0], CellStatus::kPrimary);
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, OneRowTableWithRowTotal) {
  Table t = MakeTable({{3, 12, 20, 7}});
  t.col_totals = false;  // in a one-row table the column totals would repeat the cells
  t.grand_total = false;
  auto p = Protect(t, Options{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(StatusPicture(*p), "1PP2\n");
  ExpectSafe(*p, 5);
}

TEST(SecondaryTest, LargerMarginNeedsWiderPatterns) {
  const Table t = MakeTable({{3, 6, 20, 30}, {7, 8, 25, 30}, {40, 45, 50, 60}});
  auto narrow = Protect(t, Options{});
  auto wide = Protect(t, Options{.k = 5, .protection_margin = 20});
  ASSERT_TRUE(narrow.has_value() && wide.has_value());
  ExpectSafe(*narrow, 5);
  ExpectSafe(*wide, 20);
  EXPECT_GE(wide->secondary_count, narrow->secondary_count);
}

TEST(SecondaryTest, RowGroupsWithSubtotalsAreSafe) {
  Table t = MakeTable({{3, 20, 30}, {20, 25, 10}, {2, 30, 30}, {40, 35, 8}, {12, 14, 16}});
  t.row_group = {0, 0, 1, 1, 1};
  t.row_group_labels = {"under 18", "18 and over"};
  auto p = Protect(t, Options{});
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_EQ(p->group_status.size(), 6u);
  ExpectSafe(*p, 5);
  // The subtotal row of the first group is published where its cells are.
  EXPECT_EQ(FigureText(*p, 6, 1), IsSuppressed(p->group_status[1]) ? "." : "45");
}

TEST(SecondaryTest, LinkedTablesShareTotalsAndAreJointlySafe) {
  // form x gender and form x age band: the per-form totals are shared.
  Table gender = MakeTable({{3, 17}, {12, 10}, {30, 25}}, "form x gender");
  Table age = MakeTable({{2, 18}, {20, 2}, {40, 15}}, "form x age");
  auto linked = ProtectLinked({gender, age}, Options{});
  ASSERT_TRUE(linked.has_value()) << linked.error().ToString();
  ASSERT_EQ(linked->size(), 2u);
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ((*linked)[0].row_total_status[r], (*linked)[1].row_total_status[r]) << r;
  }
  auto joint = AttackerIntervalsLinked(*linked);
  ASSERT_TRUE(joint.has_value()) << joint.error().ToString();
  for (const auto& table : *joint) {
    for (const CellInterval& c : table) EXPECT_GE(c.hi - c.lo, 5.0) << c.row << "," << c.col;
  }
}

TEST(SecondaryTest, LinkedTablesWithDifferentRowSumsAreRejected) {
  Table a = MakeTable({{3, 17}, {12, 10}}, "a");
  Table b = MakeTable({{3, 18}, {12, 10}}, "b");
  auto linked = ProtectLinked({a, b}, Options{});
  ASSERT_FALSE(linked.has_value());
  EXPECT_EQ(linked.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(linked.error().field(), "tables");
}

TEST(SecondaryTest, RoundingPublishesRoundedFiguresWithoutSuppression) {
  Options o;
  o.rounding_base = 5;
  auto p = Protect(MakeTable({{3, 12, 2}, {15, 27, 30}}), o);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->rounding_base, 5);
  EXPECT_EQ(p->secondary_count, 0);
  EXPECT_EQ(CellText(*p, 0, 0), "5");
  EXPECT_EQ(CellText(*p, 0, 1), "10");
  EXPECT_EQ(CellText(*p, 0, 2), "0");
  EXPECT_EQ(CellText(*p, 1, 1), "25");
  EXPECT_EQ(FigureText(*p, 0, 3), "15");  // row total 17
  EXPECT_EQ(FigureText(*p, 2, 3), "90");  // grand total 89
}

}  // namespace
}  // namespace synlig::disclosure
