// Lincoln–Petersen and Chapman estimators with normal and log-normal intervals.
#include "synlig/estimate/two_list.h"

#include <algorithm>
#include <cmath>

namespace synlig::estimate {
namespace {

Status CheckCounts(const TwoListCounts& c, double level) {
  if (c.n1 < 0 || c.n2 < 0 || c.both < 0) {
    return InvalidArgument("counts must not be negative", "count");
  }
  if (c.both > c.n1 || c.both > c.n2) {
    return InvalidArgument("the overlap " + std::to_string(c.both) +
                               " exceeds a list size (" + std::to_string(c.n1) + ", " +
                               std::to_string(c.n2) + ")",
                           "count");
  }
  if (!(level > 0 && level < 1)) return InvalidArgument("level must be in (0, 1)", "level");
  return Ok();
}

TwoListEstimate Finish(const TwoListCounts& c, double estimate, double variance, double level) {
  TwoListEstimate e;
  e.estimate = estimate;
  e.variance = variance;
  e.std_error = std::sqrt(variance);
  const double z = NormalQuantile(0.5 + level / 2);
  const double observed = static_cast<double>(c.n1 + c.n2 - c.both);
  e.normal = {std::max(observed, estimate - z * e.std_error), estimate + z * e.std_error};
  const double f0 = estimate - observed;
  if (f0 > 0) {
    const double big_c = std::exp(z * std::sqrt(std::log1p(variance / (f0 * f0))));
    e.log_normal = {observed + f0 / big_c, observed + f0 * big_c};
  } else {
    e.log_normal = {observed, observed};
  }
  return e;
}

}  // namespace

Result<TwoListEstimate> LincolnPetersen(const TwoListCounts& c, double level) {
  if (Status s = CheckCounts(c, level); !s) return Unexpected(s.error());
  if (c.both == 0) {
    return FailedPrecondition("the two lists do not overlap: Lincoln–Petersen is infinite");
  }
  const double n1 = static_cast<double>(c.n1);
  const double n2 = static_cast<double>(c.n2);
  const double m = static_cast<double>(c.both);
  return Finish(c, n1 * n2 / m, n1 * n2 * (n1 - m) * (n2 - m) / (m * m * m), level);
}

Result<TwoListEstimate> Chapman(const TwoListCounts& c, double level) {
  if (Status s = CheckCounts(c, level); !s) return Unexpected(s.error());
  const double n1 = static_cast<double>(c.n1);
  const double n2 = static_cast<double>(c.n2);
  const double m = static_cast<double>(c.both);
  const double estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1;
  const double variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) * (m + 1) * (m + 2));
  return Finish(c, estimate, variance, level);
}

Result<TwoListCounts> TwoListCountsOf(const CaptureTable& table) {
  if (table.num_lists() != 2) {
    return InvalidArgument("two-list estimators need exactly 2 lists, got " +
                               std::to_string(table.num_lists()),
                           "lists");
  }
  return TwoListCounts{table.ListTotal(0), table.ListTotal(1), table.count(0b11)};
}

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double NormalQuantile(double p) {
  if (p <= 0) return -HUGE_VAL;
  if (p >= 1) return HUGE_VAL;
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  double x;
  if (p < 0.02425) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - 0.02425) {
    const double q = std::sqrt(-2 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // One Halley step brings the approximation to full double precision.
  const double e = NormalCdf(x) - p;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace synlig::estimate
