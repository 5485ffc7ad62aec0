// Disclosure control figures: time of Protect (secondary suppression with LP verification) on
// 50 x 20 tables, and (--compare) suppression by Protect against the naive method on sets of
// synthetic tables: suppressed cells, suppressed count, and how often the naive pattern is
// unsafe per the LP audit. Prints plain text; see docs/performance.md and docs/disclosure.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "synlig/core/random.h"
#include "synlig/disclosure/disclosure.h"
#include "synlig/disclosure/naive.h"
#include "synlig/disclosure/synthetic.h"

namespace {

using synlig::SeededRandom;
using namespace synlig::disclosure;

double Millis(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

bool Hidden(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

// Suppressed interior cells and their summed count; suppressed totals separately.
struct Tally {
  long cells = 0, count = 0, totals = 0;
};

Tally Count(const ProtectedTable& p) {
  Tally t;
  for (std::size_t i = 0; i < p.status.size(); ++i) {
    if (p.status[i] != CellStatus::kSecondary) continue;
    ++t.cells;
    t.count += p.table.cells[i];
  }
  for (CellStatus s : p.row_total_status) t.totals += Hidden(s);
  for (CellStatus s : p.col_total_status) t.totals += Hidden(s);
  t.totals += Hidden(p.grand_status);
  return t;
}

int Timing(int tables) {
  SeededRandom rng(2024);
  std::vector<double> protect_ms, audit_ms;
  double protect_cpu_ms = 0;
  long primary = 0, secondary = 0;
  for (int i = 0; i < tables; ++i) {
    const Table t = SyntheticTable(rng, {.rows = 50,
                                         .cols = 20,
                                         .small_share = 0.15,
                                         .zero_share = 0.05,
                                         .k = 5,
                                         .max_count = 200});
    const auto a = std::chrono::steady_clock::now();
    const std::clock_t cpu_a = std::clock();
    auto p = Protect(t, Options{});
    protect_cpu_ms += 1000.0 * static_cast<double>(std::clock() - cpu_a) / CLOCKS_PER_SEC;
    const auto b = std::chrono::steady_clock::now();
    if (!p) {
      std::fprintf(stderr, "Protect failed: %s\n", p.error().ToString().c_str());
      return 1;
    }
    auto intervals = AttackerIntervals(*p);
    const auto c = std::chrono::steady_clock::now();
    if (!intervals) return 1;
    protect_ms.push_back(Millis(a, b));
    audit_ms.push_back(Millis(b, c));
    primary += p->primary_count;
    secondary += p->secondary_count;
  }
  std::sort(protect_ms.begin(), protect_ms.end());
  std::sort(audit_ms.begin(), audit_ms.end());
  const auto n = static_cast<std::size_t>(tables);
  std::printf("50 x 20 tables (15%% of cells under k=5, 5%% zeros, others 5..200), %d tables\n",
              tables);
  std::printf(
      "  Protect (suppression + LP verification): median %.1f ms, max %.1f ms wall; "
      "mean %.1f ms CPU\n",
      protect_ms[n / 2], protect_ms[n - 1], protect_cpu_ms / tables);
  std::printf(
      "  full audit (exact LP interval of every suppressed figure): median %.1f ms, "
      "max %.1f ms\n",
      audit_ms[n / 2], audit_ms[n - 1]);
  std::printf("  per table: %.1f primary, %.1f secondary suppressions\n",
              static_cast<double>(primary) / tables, static_cast<double>(secondary) / tables);
  return 0;
}

int Compare(int per_set) {
  struct Set {
    int rows, cols;
    double small;
  };
  const Set sets[] = {{4, 3, 0.15},  {6, 5, 0.15},   {6, 5, 0.30},
                      {10, 8, 0.15}, {20, 10, 0.15}, {50, 20, 0.15}};
  std::printf(
      "| table | tables | primary | Protect: cells / count / totals | naive: cells / "
      "count / totals | naive unsafe |\n|---|---|---|---|---|---|\n");
  for (const Set& s : sets) {
    SeededRandom rng(7);
    Tally ours, naive;
    long primary = 0;
    int unsafe = 0;
    for (int i = 0; i < per_set; ++i) {
      const Table t = SyntheticTable(
          rng, {.rows = s.rows, .cols = s.cols, .small_share = s.small, .zero_share = 0.05});
      auto p = Protect(t, Options{});
      auto n = ProtectNaive(t, Options{});
      if (!p || !n) return 1;
      if (!Check(*p, Options{}).empty()) {
        std::fprintf(stderr, "Protect left an unsafe cell\n");
        return 1;
      }
      unsafe += !Check(*n, Options{}).empty();
      primary += p->primary_count;
      const Tally a = Count(*p), b = Count(*n);
      ours.cells += a.cells, ours.count += a.count, ours.totals += a.totals;
      naive.cells += b.cells, naive.count += b.count, naive.totals += b.totals;
    }
    const double d = per_set;
    std::printf(
        "| %d x %d, %.0f%% < k | %d | %.1f | %.1f / %.0f / %.2f | %.1f / %.0f / %.2f | "
        "%.0f%% |\n",
        s.rows, s.cols, s.small * 100, per_set, primary / d, ours.cells / d, ours.count / d,
        ours.totals / d, naive.cells / d, naive.count / d, naive.totals / d, 100.0 * unsafe / d);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--compare") == 0) {
    return Compare(argc > 2 ? std::atoi(argv[2]) : 200);
  }
  return Timing(argc > 1 ? std::atoi(argv[1]) : 20);
}
