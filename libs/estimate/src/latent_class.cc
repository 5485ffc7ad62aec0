// Gibbs sampler of the truncated Dirichlet-process latent class model, with diagnostics.
#include "synlig/estimate/latent_class.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cmath>
#include <numeric>
#include <thread>

#include "synlig/estimate/bootstrap.h"
#include "synlig/estimate/warnings.h"

namespace synlig::estimate {
namespace {

// Beta draws; the cases with a parameter 1 (empty classes, most of the K) by inversion.
double Beta(std::mt19937_64& gen, double a, double b) {
  if (a == 1 || b == 1) {
    const double u = std::generate_canonical<double, 53>(gen);
    if (a == 1 && b == 1) return u;
    return a == 1 ? 1 - std::pow(1 - u, 1 / b) : std::pow(u, 1 / a);
  }
  std::gamma_distribution<double> ga(a, 1.0), gb(b, 1.0);
  const double x = ga(gen), y = gb(gen);
  return x / (x + y);
}

// One chain; returns the kept draws of N.
std::vector<double> RunChain(const CaptureTable& table, const LatentClassOptions& o,
                             std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  const int k = table.num_lists();
  const int classes = o.classes;
  std::vector<Pattern> patterns;
  std::vector<std::int64_t> counts;
  for (Pattern p = 1; p < (Pattern{1} << k); ++p) {
    if (table.count(p) > 0) {
      patterns.push_back(p);
      counts.push_back(table.count(p));
    }
  }
  const double n = static_cast<double>(table.n_observed());
  std::vector<double> lambda(static_cast<std::size_t>(k * classes));
  for (double& l : lambda) l = Beta(gen, 1, 1);
  double alpha = 1;
  std::vector<double> pi(static_cast<std::size_t>(classes));
  {
    double rest = 1;
    for (int c = 0; c < classes; ++c) {
      const double v = c + 1 < classes ? Beta(gen, 1, alpha) : 1.0;
      pi[static_cast<std::size_t>(c)] = rest * v;
      rest *= 1 - v;
    }
  }
  std::vector<double> members(static_cast<std::size_t>(classes));
  std::vector<double> on_list(static_cast<std::size_t>(k * classes));
  std::vector<double> prob(static_cast<std::size_t>(classes)), p0(static_cast<std::size_t>(classes));
  std::vector<double> kept;
  const long total = static_cast<long>(o.burn_in) + static_cast<long>(o.samples) * o.thinning;
  for (long iter = 1; iter <= total; ++iter) {
    std::fill(members.begin(), members.end(), 0.0);
    std::fill(on_list.begin(), on_list.end(), 0.0);
    // Classes of the observed people, pattern by pattern (multinomial by binomials).
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      double sum = 0;
      for (int c = 0; c < classes; ++c) {
        double w = pi[static_cast<std::size_t>(c)];
        for (int j = 0; j < k; ++j) {
          const double l = lambda[static_cast<std::size_t>(j * classes + c)];
          w *= (patterns[i] >> j & 1U) ? l : 1 - l;
        }
        prob[static_cast<std::size_t>(c)] = w;
        sum += w;
      }
      std::int64_t left = counts[i];
      for (int c = 0; c < classes && left > 0; ++c) {
        const double w = prob[static_cast<std::size_t>(c)];
        std::int64_t draw = left;
        if (c + 1 < classes && sum > 0) {
          std::binomial_distribution<std::int64_t> binom(left, std::min(1.0, w / sum));
          draw = binom(gen);
        }
        sum -= w;
        left -= draw;
        if (draw == 0) continue;
        members[static_cast<std::size_t>(c)] += static_cast<double>(draw);
        for (int j = 0; j < k; ++j) {
          if (patterns[i] >> j & 1U) {
            on_list[static_cast<std::size_t>(j * classes + c)] += static_cast<double>(draw);
          }
        }
      }
    }
    // The unobserved: n0 ~ NegBin(n, 1 − p0) under p(N) ∝ 1/N, then their classes.
    double p0_total = 0;
    for (int c = 0; c < classes; ++c) {
      double q = pi[static_cast<std::size_t>(c)];
      for (int j = 0; j < k; ++j) q *= 1 - lambda[static_cast<std::size_t>(j * classes + c)];
      p0[static_cast<std::size_t>(c)] = q;
      p0_total += q;
    }
    p0_total = std::min(p0_total, 1 - 1e-12);
    std::gamma_distribution<double> gamma(n, p0_total / (1 - p0_total));
    std::poisson_distribution<std::int64_t> poisson(gamma(gen));
    std::int64_t n0 = poisson(gen);
    {
      double sum = p0_total;
      std::int64_t left = n0;
      for (int c = 0; c < classes && left > 0; ++c) {
        const double w = p0[static_cast<std::size_t>(c)];
        std::int64_t draw = left;
        if (c + 1 < classes && sum > 0) {
          std::binomial_distribution<std::int64_t> binom(left, std::min(1.0, w / sum));
          draw = binom(gen);
        }
        sum -= w;
        left -= draw;
        members[static_cast<std::size_t>(c)] += static_cast<double>(draw);
      }
    }
    // Capture probabilities per class and list.
    for (int c = 0; c < classes; ++c) {
      for (int j = 0; j < k; ++j) {
        const double s = on_list[static_cast<std::size_t>(j * classes + c)];
        lambda[static_cast<std::size_t>(j * classes + c)] =
            Beta(gen, 1 + s, 1 + members[static_cast<std::size_t>(c)] - s);
      }
    }
    // Stick-breaking weights and the concentration.
    double after = std::accumulate(members.begin(), members.end(), 0.0);
    double rest = 1, log_rest = 0;
    for (int c = 0; c < classes; ++c) {
      after -= members[static_cast<std::size_t>(c)];
      double v = 1;
      if (c + 1 < classes) {
        v = Beta(gen, 1 + members[static_cast<std::size_t>(c)], alpha + after);
        v = std::min(v, 1 - 1e-12);
        log_rest += std::log1p(-v);
      }
      pi[static_cast<std::size_t>(c)] = rest * v;
      rest *= 1 - v;
    }
    std::gamma_distribution<double> alpha_draw(o.a_alpha + classes - 1,
                                               1 / (o.b_alpha - log_rest));
    alpha = std::max(alpha_draw(gen), 1e-6);
    if (iter > o.burn_in && (iter - o.burn_in) % o.thinning == 0) {
      kept.push_back(n + static_cast<double>(n0));
    }
  }
  return kept;
}

}  // namespace

double SplitRHat(const std::vector<std::vector<double>>& chains) {
  std::vector<std::vector<double>> halves;
  for (const auto& c : chains) {
    const std::size_t h = c.size() / 2;
    halves.emplace_back(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(h));
    halves.emplace_back(c.begin() + static_cast<std::ptrdiff_t>(c.size() - h), c.end());
  }
  const double m = static_cast<double>(halves.size());
  const double len = static_cast<double>(halves.front().size());
  if (len < 2) return std::nan("");
  double grand = 0, within = 0;
  std::vector<double> means;
  for (const auto& h : halves) {
    const double mean = std::accumulate(h.begin(), h.end(), 0.0) / len;
    double var = 0;
    for (double x : h) var += (x - mean) * (x - mean);
    within += var / (len - 1);
    means.push_back(mean);
    grand += mean;
  }
  grand /= m;
  within /= m;
  double between = 0;
  for (double mean : means) between += (mean - grand) * (mean - grand);
  between *= len / (m - 1);
  const double var_plus = (len - 1) / len * within + between / len;
  return within > 0 ? std::sqrt(var_plus / within) : 1.0;
}

double EffectiveSampleSize(const std::vector<std::vector<double>>& chains) {
  const std::size_t m = chains.size();
  const std::size_t len = chains.front().size();
  std::vector<double> means(m), vars(m);
  for (std::size_t c = 0; c < m; ++c) {
    means[c] = std::accumulate(chains[c].begin(), chains[c].end(), 0.0) / static_cast<double>(len);
    double v = 0;
    for (double x : chains[c]) v += (x - means[c]) * (x - means[c]);
    vars[c] = v / static_cast<double>(len);
  }
  const double within = std::accumulate(vars.begin(), vars.end(), 0.0) / static_cast<double>(m);
  if (!(within > 0)) return static_cast<double>(m * len);
  double grand = std::accumulate(means.begin(), means.end(), 0.0) / static_cast<double>(m);
  double between = 0;
  for (double mean : means) between += (mean - grand) * (mean - grand);
  const double var_plus = within * (static_cast<double>(len) - 1) / static_cast<double>(len) +
                          (m > 1 ? between / static_cast<double>(m - 1) : 0.0);
  auto rho = [&](std::size_t lag) {
    double acov = 0;
    for (std::size_t c = 0; c < m; ++c) {
      double s = 0;
      for (std::size_t t = 0; t + lag < len; ++t) {
        s += (chains[c][t] - means[c]) * (chains[c][t + lag] - means[c]);
      }
      acov += s / static_cast<double>(len);
    }
    acov /= static_cast<double>(m);
    return 1 - (within - acov) / var_plus;
  };
  double tau = -1;  // Geyer: sum pairs while positive
  for (std::size_t lag = 0; lag + 1 < len; lag += 2) {
    const double pair = rho(lag) + rho(lag + 1);
    if (pair <= 0) break;
    tau += 2 * pair;
  }
  return static_cast<double>(m * len) / std::max(tau, 1e-12);
}

Result<LatentClassPosterior> SampleLatentClass(const CaptureTable& table,
                                               const LatentClassOptions& o,
                                               std::mt19937_64& rng) {
  if (o.classes < 1) return InvalidArgument("classes must be at least 1", "classes");
  if (o.samples < 10) return InvalidArgument("at least 10 samples are needed", "samples");
  if (o.chains < 1) return InvalidArgument("chains must be at least 1", "chains");
  if (o.threads < 1) return InvalidArgument("threads must be at least 1", "threads");
  if (o.thinning < 1) return InvalidArgument("thinning must be at least 1", "thinning");
  if (o.burn_in < 0) return InvalidArgument("burn_in must not be negative", "burn_in");
  if (!(o.a_alpha > 0 && o.b_alpha > 0)) {
    return InvalidArgument("the prior of alpha needs positive parameters", "a_alpha");
  }
  std::vector<std::uint64_t> seeds(static_cast<std::size_t>(o.chains));
  for (std::uint64_t& s : seeds) s = rng();
  LatentClassPosterior out;
  out.draws.resize(seeds.size());
  std::vector<std::thread> pool;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t c = next++; c < seeds.size(); c = next++) {
      out.draws[c] = RunChain(table, o, seeds[c]);
    }
  };
  for (int t = 1; t < o.threads && static_cast<std::size_t>(t) < seeds.size(); ++t) {
    pool.emplace_back(work);
  }
  work();
  for (std::thread& t : pool) t.join();
  std::vector<double> all;
  for (const auto& c : out.draws) all.insert(all.end(), c.begin(), c.end());
  std::sort(all.begin(), all.end());
  out.q025 = QuantileType8(all, 0.025);
  out.median = QuantileType8(all, 0.5);
  out.q975 = QuantileType8(all, 0.975);
  out.mean = std::accumulate(all.begin(), all.end(), 0.0) / static_cast<double>(all.size());
  if (o.chains >= 2) {
    out.r_hat = SplitRHat(out.draws);
    if (out.r_hat > 1.05) {
      char r_hat[32];
      std::snprintf(r_hat, sizeof r_hat, "%.2f", out.r_hat);
      std::string r_hat_sv = r_hat;
      std::replace(r_hat_sv.begin(), r_hat_sv.end(), '.', ',');
      Warn(out,
           std::string("the chains disagree (R-hat ") + r_hat +
               " > 1.05): the sampler has not converged and the posterior of N is not reliable",
           "kedjorna är oeniga (R-hat " + r_hat_sv +
               " > 1,05): samplingen har inte konvergerat och aposteriorifördelningen för N är "
               "inte tillförlitlig");
    }
  }
  out.ess = EffectiveSampleSize(out.draws);
  if (out.ess < 400) {
    const std::string ess = std::to_string(static_cast<int>(out.ess));
    Warn(out, "effective sample size of N is only " + ess + ": run more samples or thin more",
         "den effektiva urvalsstorleken för N är bara " + ess +
             ": kör fler dragningar eller gallra mer");
  }
  return out;
}

}  // namespace synlig::estimate
