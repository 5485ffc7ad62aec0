// The attacker's linear programs: smallest and largest value of each unknown figure given the
// published figures, the additivity equations and non-negativity (GLPK, one solver at a time).
#pragma once

#include <string>
#include <vector>

#include "figures.h"
#include "synlig/core/error.h"

namespace synlig::disclosure::internal {

// A linear system over figure ids 0..n-1 (one or several tables).
struct System {
  std::vector<double> value;       // known figures' values (anything for unknown ones)
  std::vector<bool> unknown;       // not published: suppressed, or not published by design
  std::vector<double> lo, hi;      // prior bounds of unknown figures (0 and +inf unless told)
  std::vector<Equation> eqs;       // total = sum of parts
  std::vector<std::string> names;  // optional, per figure, for error messages

  int size() const { return static_cast<int>(value.size()); }
  void Resize(int n);
};

struct Interval {
  double lo, hi;  // hi = +infinity when unbounded; integer-tightened
};

// The attacker's interval of every figure in `targets` (all must be unknown), in order.
// Errors: kInvalidArgument when the known figures are inconsistent (field "cells"); kInternal
// when GLPK fails.
Result<std::vector<Interval>> SolveIntervals(const System& system, const std::vector<int>& targets);

// The targets whose attacker interval is narrower than `margin` (minus a tolerance). Skips the
// LPs of a target once two feasible solutions already show it wide enough.
// Errors: as SolveIntervals.
Result<std::vector<int>> FindNarrow(const System& system, const std::vector<int>& targets,
                                    double margin);

}  // namespace synlig::disclosure::internal
