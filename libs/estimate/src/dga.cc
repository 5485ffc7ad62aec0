// Model averaging over decomposable graphs with a hyper-Dirichlet prior, in bounded memory.
#include "synlig/estimate/dga.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "synlig/estimate/loglinear.h"
#include "synlig/estimate/warnings.h"

namespace synlig::estimate {
namespace {

struct Graph {
  std::uint32_t edges = 0;         // bit e of AllPairs(k) order
  std::vector<Pattern> cliques;
  std::vector<Pattern> separators;  // non-empty ones
  int components = 0;
};

// Chordality by maximum cardinality search; cliques from the ordering; separators from a
// maximum-weight spanning tree of the cliques (a junction tree for chordal graphs).
bool Decompose(int k, const std::vector<Pattern>& adjacency, Graph& g) {
  std::vector<int> order;
  std::vector<int> weight(static_cast<std::size_t>(k), 0);
  Pattern numbered = 0;
  for (int step = 0; step < k; ++step) {
    int best = -1;
    for (int v = 0; v < k; ++v) {
      if (numbered >> v & 1U) continue;
      if (best < 0 || weight[static_cast<std::size_t>(v)] > weight[static_cast<std::size_t>(best)]) {
        best = v;
      }
    }
    // Perfect elimination check: earlier neighbours minus the latest must neighbour the latest.
    const Pattern earlier = adjacency[static_cast<std::size_t>(best)] & numbered;
    if (earlier != 0) {
      int latest = -1;
      for (int u : order) {
        if (earlier >> u & 1U) latest = u;
      }
      const Pattern rest = earlier & ~(Pattern{1} << latest);
      if ((rest & ~adjacency[static_cast<std::size_t>(latest)]) != 0) return false;
    }
    order.push_back(best);
    numbered |= Pattern{1} << best;
    for (int v = 0; v < k; ++v) {
      if (adjacency[static_cast<std::size_t>(best)] >> v & 1U) ++weight[static_cast<std::size_t>(v)];
    }
  }
  numbered = 0;
  std::vector<Pattern> candidates;
  for (int v : order) {
    candidates.push_back((adjacency[static_cast<std::size_t>(v)] & numbered) | (Pattern{1} << v));
    numbered |= Pattern{1} << v;
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    bool maximal = true;
    for (std::size_t j = 0; j < candidates.size() && maximal; ++j) {
      if (i != j && (candidates[i] & candidates[j]) == candidates[i] &&
          (candidates[i] != candidates[j] || j < i)) {
        maximal = false;
      }
    }
    if (maximal) g.cliques.push_back(candidates[i]);
  }
  // Prim's algorithm on |Ci ∩ Cj|.
  const std::size_t r = g.cliques.size();
  std::vector<bool> in_tree(r, false);
  in_tree[0] = true;
  g.components = 1;
  for (std::size_t added = 1; added < r; ++added) {
    int best_w = -1;
    std::size_t best_j = 0;
    Pattern best_sep = 0;
    for (std::size_t i = 0; i < r; ++i) {
      if (!in_tree[i]) continue;
      for (std::size_t j = 0; j < r; ++j) {
        if (in_tree[j]) continue;
        const Pattern sep = g.cliques[i] & g.cliques[j];
        if (std::popcount(sep) > best_w) {
          best_w = std::popcount(sep);
          best_j = j;
          best_sep = sep;
        }
      }
    }
    in_tree[best_j] = true;
    if (best_sep == 0) ++g.components; else g.separators.push_back(best_sep);
  }
  return true;
}

std::vector<Graph> DecomposableGraphs(int k) {
  const std::vector<Pattern> pairs = AllPairs(k);
  std::vector<Graph> graphs;
  for (std::uint32_t edges = 0; edges < (std::uint32_t{1} << pairs.size()); ++edges) {
    std::vector<Pattern> adjacency(static_cast<std::size_t>(k), 0);
    for (std::size_t e = 0; e < pairs.size(); ++e) {
      if (!(edges >> e & 1U)) continue;
      const int a = std::countr_zero(pairs[e]);
      const int b = 31 - std::countl_zero(pairs[e]);
      adjacency[static_cast<std::size_t>(a)] |= Pattern{1} << b;
      adjacency[static_cast<std::size_t>(b)] |= Pattern{1} << a;
    }
    Graph g;
    g.edges = edges;
    if (Decompose(k, adjacency, g)) graphs.push_back(std::move(g));
  }
  return graphs;
}

// Log posterior (up to a constant) of graph g at unobserved count m, from per-subset terms.
class Scorer {
 public:
  Scorer(const CaptureTable& table, double delta) : k_(table.num_lists()) {
    const std::size_t cells = std::size_t{1} << k_;
    n_ = static_cast<double>(table.n_observed());
    sum_alpha_ = delta * static_cast<double>(cells);
    for (std::size_t c = 1; c < cells; ++c) {
      log_y_factorials_ += std::lgamma(static_cast<double>(table.count(static_cast<Pattern>(c))) + 1);
    }
    zero_cell_.resize(cells);
    alpha_.resize(cells);
    constant_.resize(cells);
    for (Pattern t = 0; t < cells; ++t) {
      const int size = std::popcount(t);
      const double a = delta * std::ldexp(1.0, k_ - size);
      alpha_[t] = a;
      // Margin of T: cells of the marginal table indexed by the sub-pattern on T.
      std::vector<double> margin(std::size_t{1} << size, 0.0);
      for (std::size_t c = 1; c < cells; ++c) {
        std::size_t index = 0, bit = 0;
        for (int j = 0; j < k_; ++j) {
          if (t >> j & 1U) index |= ((c >> j) & 1U) << bit++;
        }
        margin[index] += static_cast<double>(table.count(static_cast<Pattern>(c)));
      }
      zero_cell_[t] = margin[0];
      double constant = -static_cast<double>(margin.size()) * std::lgamma(a);
      for (std::size_t i = 1; i < margin.size(); ++i) constant += std::lgamma(margin[i] + a);
      constant_[t] = constant;
    }
  }

  double Score(const Graph& g, double m) const {
    double s = 0;
    for (Pattern c : g.cliques) s += constant_[c] + std::lgamma(zero_cell_[c] + m + alpha_[c]);
    for (Pattern sep : g.separators) {
      s -= constant_[sep] + std::lgamma(zero_cell_[sep] + m + alpha_[sep]);
    }
    s += g.components * (std::lgamma(sum_alpha_) - std::lgamma(m + n_ + sum_alpha_));
    return s + Common(m);
  }

  // Multinomial coefficient and the 1/N prior.
  double Common(double m) const {
    return std::lgamma(m + n_ + 1) - log_y_factorials_ - std::lgamma(m + 1) - std::log(n_ + m);
  }

  int k() const { return k_; }
  double n() const { return n_; }
  double zero_cell(Pattern t) const { return zero_cell_[t]; }
  double alpha(Pattern t) const { return alpha_[t]; }
  double constant(Pattern t) const { return constant_[t]; }
  double sum_alpha() const { return sum_alpha_; }

 private:
  int k_;
  double n_ = 0;
  double sum_alpha_ = 0;
  double log_y_factorials_ = 0;
  std::vector<double> zero_cell_, alpha_, constant_;
};

}  // namespace

std::int64_t CountDecomposableGraphs(int k) {
  return static_cast<std::int64_t>(DecomposableGraphs(k).size());
}

Result<DgaPosterior> DecomposableBma(const CaptureTable& table, const DgaOptions& options) {
  const int k = table.num_lists();
  if (k < 3 || k > kMaxListsForDga) {
    return InvalidArgument("dga needs 3 to 6 lists, the table has " + std::to_string(k), "lists");
  }
  if (options.max_missing < 1) {
    return InvalidArgument("the grid of unobserved counts must reach at least 1", "max_missing");
  }
  const double delta = options.delta < 0 ? std::ldexp(1.0, -k) : options.delta;
  const Scorer scorer(table, delta);
  const std::vector<Graph> graphs = DecomposableGraphs(k);
  const double m_max = static_cast<double>(options.max_missing);

  // Points of the grid where the density is evaluated exactly: every integer up to 500, then
  // 0.5 % apart. log p is smooth in log m, so a cubic through these points gives every integer
  // (relative error below 1e-6 even for posteriors with sd/mean = 2 %).
  std::vector<std::int64_t> points;
  for (std::int64_t m = 0; m < options.max_missing;
       m += std::max<std::int64_t>(1, static_cast<std::int64_t>(0.005 * static_cast<double>(m)))) {
    points.push_back(m);
  }
  points.push_back(options.max_missing);
  const std::size_t num_points = points.size();
  // Shared terms per subset of lists and point: memory 2^k × points, never graphs × grid.
  const std::size_t subsets = std::size_t{1} << k;
  std::vector<double> terms(subsets * num_points), common(num_points), component(num_points);
  for (std::size_t j = 0; j < num_points; ++j) {
    const double m = static_cast<double>(points[j]);
    for (Pattern t = 0; t < subsets; ++t) {
      terms[t * num_points + j] =
          scorer.constant(t) + std::lgamma(scorer.zero_cell(t) + scorer.alpha(t) + m);
    }
    component[j] = std::lgamma(scorer.sum_alpha()) - std::lgamma(scorer.n() + scorer.sum_alpha() + m);
    common[j] = scorer.Common(m);
  }
  std::vector<double> values(num_points);
  auto score_graph = [&](const Graph& g) {
    for (std::size_t j = 0; j < num_points; ++j) values[j] = common[j] + g.components * component[j];
    for (Pattern c : g.cliques) {
      const double* row = &terms[c * num_points];
      for (std::size_t j = 0; j < num_points; ++j) values[j] += row[j];
    }
    for (Pattern sep : g.separators) {
      const double* row = &terms[sep * num_points];
      for (std::size_t j = 0; j < num_points; ++j) values[j] -= row[j];
    }
  };
  // One pass with a running maximum: sums are kept relative to the best log density seen so
  // far and rescaled when a better graph appears; points more than e^−40 below it are skipped.
  constexpr double kCut = 40;
  DgaPosterior out;
  out.graphs = static_cast<std::int64_t>(graphs.size());
  std::vector<double> span_of(num_points, 1.0);  // integers each point stands for
  for (std::size_t j = 0; j < num_points; ++j) {
    const double left = j == 0 ? 0.0 : static_cast<double>(points[j] - points[j - 1]);
    const double right = j + 1 == num_points ? 0.0 : static_cast<double>(points[j + 1] - points[j]);
    span_of[j] = std::max(1.0, (left + right) / 2);
  }
  std::vector<double> coarse(num_points, 0.0);
  std::vector<double> graph_mass(graphs.size(), 0.0);
  double best = -std::numeric_limits<double>::infinity();
  for (std::size_t gi = 0; gi < graphs.size(); ++gi) {
    score_graph(graphs[gi]);
    const double peak = *std::max_element(values.begin(), values.end());
    if (peak < best - kCut) continue;
    if (peak > best) {
      if (std::isfinite(best)) {
        const double scale = std::exp(best - peak);
        for (double& c : coarse) c *= scale;
        for (double& w : graph_mass) w *= scale;
      }
      best = peak;
    }
    double mass = 0;
    for (std::size_t j = 0; j < num_points; ++j) {
      if (values[j] < best - kCut) continue;
      const double w = std::exp(values[j] - best);
      coarse[j] += w;
      mass += w * span_of[j];
    }
    graph_mass[gi] = mass;
    ++out.graphs_summed;
  }
  double coarse_total = 0;
  std::size_t first = num_points, last = 0;
  for (std::size_t j = 0; j < num_points; ++j) {
    coarse_total += coarse[j] * span_of[j];
    if (coarse[j] > 0) {
      first = std::min(first, j);
      last = j;
    }
  }
  // Every integer of [points[first], points[last]] from the cubic through the log density.
  const std::int64_t grid_lo = points[first];
  const std::int64_t grid_hi = points[last];
  const std::size_t width = static_cast<std::size_t>(grid_hi - grid_lo + 1);
  std::vector<double> posterior(width, 0.0);
  std::vector<double> log_coarse(num_points);
  for (std::size_t j = 0; j < num_points; ++j) {
    log_coarse[j] = coarse[j] > 0 ? std::log(coarse[j]) : 0.0;
  }
  for (std::size_t j = first; j < last; ++j) {
    if (points[j + 1] - points[j] == 1) {
      posterior[static_cast<std::size_t>(points[j] - grid_lo)] = coarse[j];
      continue;
    }
    const std::size_t idx[4] = {j == 0 ? 0 : j - 1, j, j + 1, std::min(num_points - 1, j + 2)};
    bool cubic = idx[0] != j && idx[3] != j + 1;
    for (std::size_t q : idx) cubic = cubic && coarse[q] > 0;
    for (std::int64_t m = points[j]; m < points[j + 1]; ++m) {
      const double x = static_cast<double>(m);
      double value = 0;
      if (cubic) {
        double log_p = 0;
        for (int a2 = 0; a2 < 4; ++a2) {
          double basis = 1;
          const double xa = static_cast<double>(points[idx[a2]]);
          for (int b2 = 0; b2 < 4; ++b2) {
            if (a2 != b2) {
              basis *= (x - static_cast<double>(points[idx[b2]])) /
                       (xa - static_cast<double>(points[idx[b2]]));
            }
          }
          log_p += basis * log_coarse[idx[a2]];
        }
        value = std::exp(log_p);
      } else {
        const double t = (x - static_cast<double>(points[j])) /
                         static_cast<double>(points[j + 1] - points[j]);
        value = coarse[j] > 0 && coarse[j + 1] > 0
                    ? std::exp((1 - t) * log_coarse[j] + t * log_coarse[j + 1])
                    : (1 - t) * coarse[j] + t * coarse[j + 1];
      }
      posterior[static_cast<std::size_t>(m - grid_lo)] = value;
    }
  }
  posterior[width - 1] = coarse[last];
  double total = 0;
  for (double w : posterior) total += w;
  const double n = scorer.n();
  double cumulative = 0, mean = 0, mode_w = -1, tail = 0;
  bool got025 = false, got50 = false, got975 = false;
  for (std::size_t i = 0; i < width; ++i) {
    const double p = posterior[i] / total;
    const double big_n = n + static_cast<double>(grid_lo) + static_cast<double>(i);
    cumulative += p;
    mean += p * big_n;
    if (p > mode_w) { mode_w = p; out.mode = big_n; }
    if (!got025 && cumulative >= 0.025) { out.q025 = big_n; got025 = true; }
    if (!got50 && cumulative >= 0.5) { out.median = big_n; got50 = true; }
    if (!got975 && cumulative >= 0.975) { out.q975 = big_n; got975 = true; }
    if (static_cast<double>(grid_lo) + static_cast<double>(i) > 0.99 * m_max) tail += p;
  }
  out.mean = mean;
  out.mass_at_grid_end = tail;
  const auto top = std::max_element(graph_mass.begin(), graph_mass.end()) - graph_mass.begin();
  out.top_model_prob = graph_mass[static_cast<std::size_t>(top)] / coarse_total;
  LoglinearModel top_model;
  const std::vector<Pattern> pairs = AllPairs(k);
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    if (graphs[static_cast<std::size_t>(top)].edges >> e & 1U) top_model.terms.push_back(pairs[e]);
  }
  out.top_model = FormatModel(top_model, table.list_names());
  if (tail > 1e-3) {
    Warn(out, "the posterior reaches the end of the grid of N: widen max_missing",
         "aposteriorifördelningen når slutet av rutnätet för N: öka max_missing");
  }
  return out;
}

}  // namespace synlig::estimate
