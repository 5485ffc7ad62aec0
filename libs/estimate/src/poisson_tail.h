// Logarithms of Poisson tail probabilities via the regularised incomplete gamma function, so that
// very small p-values compare correctly.
#pragma once

namespace synlig::estimate::internal {

// log P(X ≤ n), X ~ Poisson(lambda); n ≥ 0, lambda > 0.
double LogPoissonCdf(double n, double lambda);
// log P(X ≥ n); 0 for n ≤ 0.
double LogPoissonUpper(double n, double lambda);

}  // namespace synlig::estimate::internal
