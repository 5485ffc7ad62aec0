// BCa bootstrap with model re-selection, threaded with deterministic per-replicate generators.
#include "synlig/estimate/bootstrap.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

#include "synlig/estimate/stepwise.h"
#include "synlig/estimate/warnings.h"

namespace synlig::estimate {
namespace {

// Runs body(i) for i in [0, count) on `threads` threads.
void ParallelFor(int threads, std::size_t count, const std::function<void(std::size_t)>& body) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) body(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<std::size_t>(t) < count; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace

double QuantileType8(std::span<const double> sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const double m = (p + 1) / 3;
  const double h = n * p + m;  // 1-based position
  const double j = std::floor(h);
  const double g = h - j;
  if (j < 1) return sorted.front();
  if (j >= n) return sorted.back();
  const auto i = static_cast<std::size_t>(j);
  return (1 - g) * sorted[i - 1] + g * sorted[i];
}

Result<BootstrapResult> BcaBootstrap(const CaptureTable& table, const CountEstimator& estimator,
                                     const BootstrapOptions& options, std::mt19937_64& rng) {
  if (options.replicates < 10) {
    return InvalidArgument("at least 10 bootstrap replicates are needed", "replicates");
  }
  if (options.threads < 1) return InvalidArgument("threads must be at least 1", "threads");
  if (!(options.level > 0 && options.level < 1)) {
    return InvalidArgument("level must be in (0, 1)", "level");
  }
  const int k = table.num_lists();
  const std::vector<double> counts(table.counts().begin(), table.counts().end());
  BootstrapResult result;
  result.estimate = estimator(k, counts);
  if (!std::isfinite(result.estimate)) {
    return FailedPrecondition("the estimator gives no estimate on the data");
  }
  // Observed cells and their counts: the multinomial of the resample.
  std::vector<std::size_t> cells;
  for (std::size_t p = 1; p < counts.size(); ++p) {
    if (counts[p] > 0) cells.push_back(p);
  }
  const auto total = static_cast<std::int64_t>(table.n_observed());
  std::vector<std::uint64_t> seeds(static_cast<std::size_t>(options.replicates));
  for (std::uint64_t& s : seeds) s = rng();
  result.replicates.assign(seeds.size(), std::numeric_limits<double>::quiet_NaN());
  ParallelFor(options.threads, seeds.size(), [&](std::size_t r) {
    std::mt19937_64 gen(seeds[r]);
    std::vector<double> sample(counts.size(), 0.0);
    std::int64_t left = total;
    double mass_left = static_cast<double>(total);
    for (std::size_t c = 0; c < cells.size() && left > 0; ++c) {
      const double prob = std::min(1.0, counts[cells[c]] / mass_left);
      std::int64_t draw = left;
      if (c + 1 < cells.size() && prob < 1) {
        std::binomial_distribution<std::int64_t> binom(left, prob);
        draw = binom(gen);
      }
      sample[cells[c]] = static_cast<double>(draw);
      left -= draw;
      mass_left -= counts[cells[c]];
    }
    result.replicates[r] = estimator(k, sample);
  });
  // Delete-one jackknife, one person from each observed cell.
  std::vector<double> jack(cells.size(), 0.0);
  ParallelFor(options.threads, cells.size(), [&](std::size_t c) {
    std::vector<double> deleted = counts;
    deleted[cells[c]] -= 1;
    jack[c] = estimator(k, deleted);
  });
  double weight = 0, jack_mean = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (!std::isfinite(jack[c])) {
      Warn(result, "a jackknife estimate failed: acceleration set to 0",
           "en jackknife-skattning misslyckades: accelerationen sattes till 0");
      jack_mean = std::numeric_limits<double>::quiet_NaN();
      break;
    }
    weight += counts[cells[c]];
    jack_mean += counts[cells[c]] * jack[c];
  }
  if (std::isfinite(jack_mean)) {
    jack_mean /= weight;
    double s2 = 0, s3 = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const double d = jack_mean - jack[c];
      s2 += counts[cells[c]] * d * d;
      s3 += counts[cells[c]] * d * d * d;
    }
    result.acceleration = s2 > 0 ? s3 / (6 * std::pow(s2, 1.5)) : 0.0;
  }
  std::vector<double> finite;
  for (double v : result.replicates) {
    if (std::isfinite(v)) finite.push_back(v); else ++result.nonfinite;
  }
  if (finite.empty()) return FailedPrecondition("no bootstrap replicate gave an estimate");
  if (result.nonfinite > 0) {
    Warn(result,
         std::to_string(result.nonfinite) +
             " bootstrap replicates gave no estimate and were left out",
         std::to_string(result.nonfinite) + " bootstrapreplikat gav ingen skattning och uteslöts");
  }
  std::sort(finite.begin(), finite.end());
  const double alpha = (1 - options.level) / 2;
  result.percentile = {QuantileType8(finite, alpha), QuantileType8(finite, 1 - alpha)};
  const double below = static_cast<double>(std::count_if(
      finite.begin(), finite.end(), [&](double v) { return v < result.estimate; }));
  result.bias = NormalQuantile(below / static_cast<double>(finite.size()));
  if (!std::isfinite(result.bias)) {
    Warn(result,
         "all replicates fall on one side of the estimate: BCa undefined, the percentile "
         "interval is given instead",
         "alla replikat hamnar på samma sida om skattningen: BCa-intervallet är odefinierat, "
         "percentilintervallet anges i stället");
    result.bca = result.percentile;
    return result;
  }
  auto limit = [&](double a) {
    const double za0 = result.bias + NormalQuantile(a);
    const double q = NormalCdf(result.bias + za0 / (1 - result.acceleration * za0));
    return QuantileType8(finite, q);
  };
  result.bca = {limit(alpha), limit(1 - alpha)};
  return result;
}

Result<BootstrapResult> StepwiseBootstrap(const CaptureTable& table,
                                          const BootstrapOptions& options, std::mt19937_64& rng) {
  const double pthresh = options.pthresh;
  return BcaBootstrap(
      table,
      [pthresh](int k, std::span<const double> counts) {
        return internal::StepwiseEstimate(k, counts, pthresh);
      },
      options, rng);
}

}  // namespace synlig::estimate
