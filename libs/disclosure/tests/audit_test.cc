// AttackerIntervals and Check on tables whose unsafe cells are known, including the classic
// attack: one suppressed cell in a row is recovered from the row total.
#include <gtest/gtest.h>

#include <cmath>

#include "synlig/disclosure/disclosure.h"
#include "table_maker.h"

namespace synlig::disclosure {
namespace {

using testing::MakeTable;

// A published table with the given cells suppressed (all else published, no rounding).
ProtectedTable Publish(const Table& t, const std::vector<int>& suppressed) {
  ProtectedTable p;
  p.table = t;
  const int rows = t.rows(), cols = t.cols();
  p.status.assign(rows * cols, CellStatus::kPublished);
  for (int i : suppressed) p.status[i] = CellStatus::kPrimary;
  p.row_total_status.assign(rows, CellStatus::kPublished);
  p.col_total_status.assign(cols, CellStatus::kPublished);
  p.published_cells = t.cells;
  p.published_row_totals.assign(rows, 0);
  p.published_col_totals.assign(cols, 0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      p.published_row_totals[r] += t.cells[r * cols + c];
      p.published_col_totals[c] += t.cells[r * cols + c];
      p.published_grand += t.cells[r * cols + c];
    }
  }
  return p;
}

TEST(AuditTest, ClassicAttackRecoversLoneSuppressedCellFromRowTotal) {
  // Row r0 is published as ". 12 20 | 35": the hidden cell is 35 - 12 - 20 = 3.
  const Table t = MakeTable({{3, 12, 20}, {15, 25, 30}});
  const ProtectedTable p = Publish(t, {0});
  auto intervals = AttackerIntervals(p);
  ASSERT_TRUE(intervals.has_value()) << intervals.error().ToString();
  ASSERT_EQ(intervals->size(), 1u);
  EXPECT_EQ((*intervals)[0].row, 0);
  EXPECT_EQ((*intervals)[0].col, 0);
  EXPECT_DOUBLE_EQ((*intervals)[0].lo, 3.0);
  EXPECT_DOUBLE_EQ((*intervals)[0].hi, 3.0);

  const std::vector<UnsafeCell> unsafe = Check(p, Options{});
  ASSERT_EQ(unsafe.size(), 1u);
  EXPECT_EQ(unsafe[0].row, 0);
  EXPECT_EQ(unsafe[0].col, 0);
  EXPECT_EQ(unsafe[0].reason, "recoverable from the totals: exactly 3");
}

TEST(AuditTest, TwoByTwoRectangleGivesTheKnownInterval) {
  // Suppressing the rectangle (0,0),(0,1),(1,0),(1,1): x00 can move by t with x01, x10 down and
  // x11 up: x00 in [3 - min(3, 40), 3 + min(8, 10)] = [0, 11].
  const Table t = MakeTable({{3, 8, 50}, {10, 40, 50}, {20, 20, 20}});
  const ProtectedTable p = Publish(t, {0, 1, 3, 4});
  auto intervals = AttackerIntervals(p);
  ASSERT_TRUE(intervals.has_value());
  ASSERT_EQ(intervals->size(), 4u);
  EXPECT_DOUBLE_EQ((*intervals)[0].lo, 0.0);
  EXPECT_DOUBLE_EQ((*intervals)[0].hi, 11.0);
  // x11 moves with x00: [40 - 3, 40 + 8].
  EXPECT_DOUBLE_EQ((*intervals)[3].lo, 37.0);
  EXPECT_DOUBLE_EQ((*intervals)[3].hi, 48.0);
  EXPECT_TRUE(Check(p, Options{}).empty());
}

TEST(AuditTest, NarrowRectangleIsUnsafeWithItsInterval) {
  // x00 = 2 moves up only by min(x01, x10) = 1 and down by 2: [0, 3], narrower than k = 5.
  const Table t = MakeTable({{2, 1, 50}, {1, 40, 50}, {20, 20, 20}});
  const ProtectedTable p = Publish(t, {0, 1, 3, 4});
  const std::vector<UnsafeCell> unsafe = Check(p, Options{});
  ASSERT_FALSE(unsafe.empty());
  EXPECT_EQ(unsafe[0].row, 0);
  EXPECT_EQ(unsafe[0].col, 0);
  EXPECT_EQ(unsafe[0].reason, "recoverable from the totals: lies in [0, 3]");
}

TEST(AuditTest, PublishedCellUnderKIsUnsafe) {
  const Table t = MakeTable({{2, 30}, {40, 50}});
  const std::vector<UnsafeCell> unsafe = Check(Publish(t, {}), Options{});
  ASSERT_EQ(unsafe.size(), 1u);
  EXPECT_EQ(unsafe[0].row_label, "r0");
  EXPECT_EQ(unsafe[0].col_label, "c0");
  EXPECT_EQ(unsafe[0].reason, "under k (2 < 5)");
}

TEST(AuditTest, PublishedZeroIsUnsafeOnlyWhenZerosAre) {
  const Table t = MakeTable({{0, 30}, {40, 50}});
  EXPECT_TRUE(Check(Publish(t, {}), Options{}).empty());
  Options o;
  o.zeros_unsafe = true;
  EXPECT_EQ(Check(Publish(t, {}), o).size(), 1u);
}

TEST(AuditTest, WithoutTotalsAloneSuppressedCellIsSafe) {
  Table t = MakeTable({{3, 12, 20}, {15, 25, 30}});
  t.row_totals = t.col_totals = t.grand_total = false;
  ProtectedTable p = Publish(t, {0});
  p.row_total_status.assign(2, CellStatus::kAbsent);
  p.col_total_status.assign(3, CellStatus::kAbsent);
  p.grand_status = CellStatus::kAbsent;
  auto intervals = AttackerIntervals(p);
  ASSERT_TRUE(intervals.has_value());
  EXPECT_TRUE(std::isinf((*intervals)[0].hi));
  EXPECT_TRUE(Check(p, Options{}).empty());
}

TEST(AuditTest, InconsistentTotalsAreInvalidArgument) {
  const Table t = MakeTable({{3, 12}, {15, 25}});
  ProtectedTable p = Publish(t, {0});
  p.published_row_totals[0] = 5;  // 12 is published in that row: the total cannot be 5
  auto intervals = AttackerIntervals(p);
  ASSERT_FALSE(intervals.has_value());
  EXPECT_EQ(intervals.error().code(), ErrorCode::kInvalidArgument);
}

TEST(AuditTest, UnderNMarkerOnlyUnsafeWhenNarrowedFurther) {
  // Two "<5" cells in one row, row totals only: together they make 5 and each lies in [1, 4],
  // which is what the marker says anyway: safe.
  Table t = MakeTable({{2, 3, 20}, {10, 20, 30}});
  t.col_totals = t.grand_total = false;
  ProtectedTable two = Publish(t, {0, 1});
  two.col_total_status.assign(3, CellStatus::kAbsent);
  two.grand_status = CellStatus::kAbsent;
  two.below_cells = {5, 5, 0, 0, 0, 0};
  EXPECT_TRUE(Check(two, Options{}).empty());

  // One "<5" cell alone in a row: recovered exactly from the row total.
  ProtectedTable one = Publish(MakeTable({{2, 13, 20}, {10, 20, 30}}), {0});
  one.below_cells = {5, 0, 0, 0, 0, 0};
  const std::vector<UnsafeCell> unsafe = Check(one, Options{});
  ASSERT_EQ(unsafe.size(), 1u);
  EXPECT_EQ(unsafe[0].reason, "recoverable from the totals: exactly 2");
}

TEST(AuditTest, GroupSubtotalsNarrowASuppressedCell) {
  // Rows r0, r1 in group g0, r2 in g1. With the g0 subtotal published, a suppressed pair in
  // r0/r1 of one column is tied to the subtotal; the pattern must close inside the group.
  Table t = MakeTable({{3, 20}, {20, 20}, {30, 30}});
  t.row_group = {0, 0, 1};
  t.row_group_labels = {"g0", "g1"};
  auto p = Protect(t, Options{});
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_EQ(p->status[0], CellStatus::kPrimary);
  auto intervals = AttackerIntervals(*p);
  ASSERT_TRUE(intervals.has_value()) << intervals.error().ToString();
  for (const CellInterval& c : *intervals) EXPECT_GE(c.hi - c.lo, 5.0) << c.row << "," << c.col;
}

}  // namespace
}  // namespace synlig::disclosure
