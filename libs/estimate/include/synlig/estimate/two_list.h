// Two-list estimators: Lincoln–Petersen and Chapman, with variance, a normal interval and
// Chao's (1987) log-normal interval. Usage:
//   auto e = Chapman(TwoListCounts{.n1 = 120, .n2 = 80, .both = 30});
//   e->estimate; e->log_normal.low;
#pragma once

#include <cstdint>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"

namespace synlig::estimate {

struct Interval {
  double low = 0;
  double high = 0;
};

struct TwoListCounts {
  std::int64_t n1 = 0;    // on list 1
  std::int64_t n2 = 0;    // on list 2
  std::int64_t both = 0;  // on both lists
};

struct TwoListEstimate {
  double estimate = 0;
  double variance = 0;
  double std_error = 0;
  Interval normal;      // estimate ± z·se, the low end no lower than the number observed
  Interval log_normal;  // Chao (1987): n + f0/C, n + f0·C with C = exp(z·sqrt(log(1 + var/f0²)))
};

// Errors (both): kInvalidArgument (field "count") for negative counts, `both` above n1 or n2,
// or a level outside (0, 1).
// LincolnPetersen: N = n1·n2/m, variance n1·n2·(n1−m)(n2−m)/m³ (Seber 1982);
// kFailedPrecondition when the lists do not overlap (m = 0: no finite estimate).
Result<TwoListEstimate> LincolnPetersen(const TwoListCounts& counts, double level = 0.95);
// Chapman: N = (n1+1)(n2+1)/(m+1) − 1, variance (n1+1)(n2+1)(n1−m)(n2−m)/((m+1)²(m+2)).
Result<TwoListEstimate> Chapman(const TwoListCounts& counts, double level = 0.95);

// The two-list counts of a table with exactly two lists (kInvalidArgument otherwise).
Result<TwoListCounts> TwoListCountsOf(const CaptureTable& table);

// Standard normal quantile (Acklam's rational approximation refined by one Halley step).
double NormalQuantile(double p);
// Standard normal distribution function.
double NormalCdf(double x);

}  // namespace synlig::estimate
