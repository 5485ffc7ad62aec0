// Secondary suppression: for every suppressed figure, the cheapest cycle of complementary
// suppressions in each 2-D (sub)table it lies in, then LP verification of the joint system with
// more suppression where a figure is still too narrow, until every suppressed figure is safe.
#pragma once

#include <vector>

#include "joint.h"
#include "synlig/core/error.h"

namespace synlig::disclosure::internal {

// A 2-D (sub)table with its margins: rows x cols system ids, the last row and the last column
// being the totals; -1 for an absent cell.
struct Grid {
  int rows = 0, cols = 0;
  std::vector<int> id;
  int At(int r, int c) const { return id[r * cols + c]; }
};

// The grids of one table (one grid; with row groups one top grid and one per group), over the
// system ids `id` of its flat figures.
std::vector<Grid> GridsOf(const Table& table, const std::vector<int>& id);

// Costs of suppressing a published figure (smaller is preferred).
struct CostModel {
  double per_figure = 1.0;    // added to the value of every newly suppressed figure
  double total_factor = 3.0;  // totals cost this many times a cell of the same value
  int prune_attempts = 300;   // prune only patterns with at most this many secondary figures
};

// Suppresses complementary figures (status kSecondary in j.status, unknown in j.system) until
// every kPrimary/kSecondary figure has an attacker interval at least `margin` wide, then
// publishes again the secondary figures the LP audit shows are not needed.
// Errors: kInternal when GLPK fails (or no pattern is found, which would be a bug).
Status SuppressUntilSafe(Joint& j, const std::vector<Grid>& grids, double margin,
                         const CostModel& cost);

}  // namespace synlig::disclosure::internal
