// Does the maximum likelihood estimate of a log-linear model exist, and is it identifiable?
// Existence (Haberman 1974; the linear program of Fienberg & Rinaldo 2012 used by Chan,
// Silverman & Vincent 2021, in an equivalent smaller form): the MLE exists iff no non-zero
// c = Aθ has c ≥ 0 and c = 0 on every observed cell. θ is searched in the kernel of the
// observed rows (none: the MLE exists), then an LP maximises Σ c over the empty cells.
// Identifiability: the design (after removing cells of empty overlaps) has full column rank.
// Usage:
//   MleCheck check = CheckMle(table, model);
//   if (!check.exists) ...
#pragma once

#include <span>

#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/loglinear.h"

namespace synlig::estimate {

struct MleCheck {
  bool exists = true;
  bool identifiable = true;
  bool ok() const { return exists && identifiable; }
};

// Precondition: CheckModel(model, table.num_lists()) passes.
MleCheck CheckMle(const CaptureTable& table, const LoglinearModel& model);
// The same over raw counts (2^k entries; lists may be empty). Thread-safe.
MleCheck CheckMle(int num_lists, std::span<const double> counts, const LoglinearModel& model);

}  // namespace synlig::estimate
