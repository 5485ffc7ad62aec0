// Property test over a few hundred seeded random tables: after Protect no published figure is
// under k, and the LP audit finds every suppressed figure at least the margin wide.
#include <gtest/gtest.h>

#include "synlig/core/random.h"
#include "synlig/disclosure/disclosure.h"
#include "synlig/disclosure/naive.h"
#include "synlig/disclosure/synthetic.h"

namespace synlig::disclosure {
namespace {

bool Suppressed(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

// A random table with random options: size, share of small cells and zeros, totals switched
// off, absent cells, row groups, zeros unsafe, margin.
struct Case {
  Table table;
  Options options;
};

Case RandomCase(SeededRandom& rng) {
  SyntheticShape shape;
  shape.rows = static_cast<int>(UniformInt(rng, 1, 8));
  shape.cols = static_cast<int>(UniformInt(rng, 1, 8));
  shape.small_share = static_cast<double>(UniformInt(rng, 0, 40)) / 100.0;
  shape.zero_share = static_cast<double>(UniformInt(rng, 0, 20)) / 100.0;
  shape.max_count = UniformInt(rng, 10, 200);
  Case c{SyntheticTable(rng, shape), Options{}};
  Table& t = c.table;
  if (UniformInt(rng, 0, 4) == 0) t.col_totals = false;
  if (UniformInt(rng, 0, 4) == 0) t.row_totals = false;
  if (UniformInt(rng, 0, 4) == 0) t.grand_total = false;
  if (UniformInt(rng, 0, 3) == 0) {
    t.absent.assign(t.cells.size(), false);
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      if (UniformInt(rng, 0, 9) == 0) {
        t.absent[i] = true;
        t.cells[i] = 0;
      }
    }
  }
  if (t.rows() >= 3 && UniformInt(rng, 0, 3) == 0) {
    t.row_group_labels = {"g1", "g2"};
    for (int r = 0; r < t.rows(); ++r) t.row_group.push_back(r < t.rows() / 2 ? 0 : 1);
  }
  c.options.zeros_unsafe = UniformInt(rng, 0, 5) == 0;
  if (UniformInt(rng, 0, 3) == 0) c.options.protection_margin = UniformInt(rng, 3, 15);
  return c;
}

TEST(PropertyTest, ProtectedTablesPassTheLpAudit) {
  SeededRandom rng(20240517);
  constexpr int kTables = 300;
  int with_suppression = 0;
  for (int i = 0; i < kTables; ++i) {
    const Case c = RandomCase(rng);
    auto p = Protect(c.table, c.options);
    ASSERT_TRUE(p.has_value()) << "table " << i << ": " << p.error().ToString();
    // No published cell or total is under k (or zero when zeros are unsafe).
    auto check_published = [&](CellStatus s, std::int64_t v, const char* what) {
      if (s != CellStatus::kPublished) return;
      EXPECT_FALSE(v > 0 && v < c.options.k) << "table " << i << ": " << what << " " << v;
      if (c.options.zeros_unsafe) {
        EXPECT_NE(v, 0) << "table " << i << ": " << what;
      }
    };
    for (std::size_t f = 0; f < p->status.size(); ++f) {
      check_published(p->status[f], p->published_cells[f], "cell");
    }
    for (std::size_t r = 0; r < p->row_total_status.size(); ++r) {
      check_published(p->row_total_status[r], p->published_row_totals[r], "row total");
    }
    for (std::size_t col = 0; col < p->col_total_status.size(); ++col) {
      check_published(p->col_total_status[col], p->published_col_totals[col], "column total");
    }
    check_published(p->grand_status, p->published_grand, "grand total");
    for (std::size_t g = 0; g < p->group_status.size(); ++g) {
      check_published(p->group_status[g], p->published_group_cells[g], "subtotal");
    }
    // Every suppressed figure is at least the margin wide for the attacker.
    auto intervals = AttackerIntervals(*p);
    ASSERT_TRUE(intervals.has_value()) << "table " << i << ": " << intervals.error().ToString();
    for (const CellInterval& ci : *intervals) {
      EXPECT_GE(ci.hi - ci.lo, c.options.Margin())
          << "table " << i << " (" << ci.row << ", " << ci.col << ") in [" << ci.lo << ", " << ci.hi
          << "]";
    }
    EXPECT_TRUE(Check(*p, c.options).empty()) << "table " << i;
    with_suppression += p->secondary_count > 0;
  }
  // The generator must exercise secondary suppression, not just easy tables.
  EXPECT_GT(with_suppression, kTables / 3);
}

TEST(PropertyTest, LinkedRandomTablesAreJointlySafe) {
  SeededRandom rng(99);
  for (int i = 0; i < 60; ++i) {
    SyntheticShape shape;
    shape.rows = static_cast<int>(UniformInt(rng, 2, 6));
    shape.cols = static_cast<int>(UniformInt(rng, 2, 5));
    shape.small_share = 0.25;
    Table a = SyntheticTable(rng, shape, "a");
    // b: the same rows split differently over two columns, so the row sums agree.
    Table b = a;
    b.name = "b";
    b.col_labels = {"x", "y"};
    b.cells.clear();
    for (int r = 0; r < a.rows(); ++r) {
      std::int64_t sum = 0;
      for (int col = 0; col < a.cols(); ++col) sum += a.cells[r * a.cols() + col];
      const std::int64_t x = UniformInt(rng, 0, sum);
      b.cells.push_back(x);
      b.cells.push_back(sum - x);
    }
    auto linked = ProtectLinked({a, b}, Options{});
    ASSERT_TRUE(linked.has_value()) << linked.error().ToString();
    auto joint = AttackerIntervalsLinked(*linked);
    ASSERT_TRUE(joint.has_value()) << joint.error().ToString();
    for (const auto& table : *joint) {
      for (const CellInterval& ci : table) {
        EXPECT_GE(ci.hi - ci.lo, 5.0) << "pair " << i << " (" << ci.row << ", " << ci.col << ")";
      }
    }
    for (int r = 0; r < a.rows(); ++r) {
      EXPECT_EQ(Suppressed((*linked)[0].row_total_status[r]),
                Suppressed((*linked)[1].row_total_status[r]));
    }
  }
}

TEST(PropertyTest, NaiveMethodIsSometimesUnsafeWhereProtectIsNot) {
  SeededRandom rng(5);
  int naive_unsafe = 0;
  for (int i = 0; i < 100; ++i) {
    SyntheticShape shape;
    shape.rows = 6;
    shape.cols = 5;
    shape.small_share = 0.2;
    const Table t = SyntheticTable(rng, shape);
    auto naive = ProtectNaive(t, Options{});
    ASSERT_TRUE(naive.has_value());
    naive_unsafe += !Check(*naive, Options{}).empty();
    auto p = Protect(t, Options{});
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(Check(*p, Options{}).empty());
  }
  EXPECT_GT(naive_unsafe, 0);
}

}  // namespace
}  // namespace synlig::disclosure
