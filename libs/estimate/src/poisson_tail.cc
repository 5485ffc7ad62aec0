// Regularised incomplete gamma (series and Lentz continued fraction) in log form.
#include "poisson_tail.h"

#include <cmath>
#include <limits>

namespace synlig::estimate::internal {
namespace {

// log of the regularised lower (lower = true) or upper incomplete gamma P(a, x) / Q(a, x).
double LogRegularisedGamma(double a, double x, bool lower) {
  if (x <= 0) return lower ? -std::numeric_limits<double>::infinity() : 0.0;
  const double log_front = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1) {
    double term = 1.0 / a, sum = term;
    for (int i = 1; i < 100000; ++i) {
      term *= x / (a + i);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const double log_p = log_front + std::log(sum);
    return lower ? log_p : std::log1p(-std::exp(log_p));
  }
  constexpr double kTiny = 1e-300;
  double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
  for (int i = 1; i < 100000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1) < 1e-16) break;
  }
  const double log_q = log_front + std::log(h);
  return lower ? std::log1p(-std::exp(log_q)) : log_q;
}

}  // namespace

double LogPoissonCdf(double n, double lambda) {
  if (n < 0) return -std::numeric_limits<double>::infinity();
  return LogRegularisedGamma(n + 1, lambda, /*lower=*/false);
}

double LogPoissonUpper(double n, double lambda) {
  if (n <= 0) return 0.0;
  return LogRegularisedGamma(n, lambda, /*lower=*/true);
}

}  // namespace synlig::estimate::internal
