// Secondary suppression by cheapest cycles (a shortest-path form of the hypercube method) in
// each 2-D grid, then LP verification of the joint system, adding suppression until safe.
//
// A suppressed figure p = (i, j) of a grid can move by t while every equation still holds when
// the other suppressed figures move along a cycle through p alternating +t / -t across rows and
// columns (totals move with the opposite sign of an interior figure in the same position). The
// pattern keeps p safe when the figures that decrease can give up U and those that increase
// (other than p) can give up L: p's interval then covers [v - min(v, L), v + U].
#include "secondary.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "figures.h"

namespace synlig::disclosure::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool Suppressed(CellStatus s) { return s == CellStatus::kPrimary || s == CellStatus::kSecondary; }

struct State {
  Joint* j;
  std::vector<bool> is_total;
  const CostModel* cost;
  // The cost of suppressing `id` if it were published.
  double PublishedCost(int id) const {
    const double v = static_cast<double>(j->value[id]);
    return (v + cost->per_figure) * (is_total[id] ? cost->total_factor : 1.0);
  }
  // The cost of suppressing `id` now: 0 when it is already unknown to the attacker.
  double Cost(int id) const {
    return j->status[id] == CellStatus::kPublished ? PublishedCost(id) : 0.0;
  }
};

struct Cycle {
  double cost = kInf;
  std::vector<int> ids;  // the figures of the cycle other than p
};

// Cheapest cycle through (pi, pj) with decreasing figures >= up and increasing ones >= down.
Cycle CheapestCycle(const Grid& g, int pi, int pj, double up, double down, const State& st) {
  const int n = g.rows + g.cols;
  std::vector<double> dist(n, kInf);
  std::vector<int> prev(n, -1), via(n, -1);
  std::vector<bool> done(n, false);
  auto eps = [&](int r, int c) { return (r == g.rows - 1 ? -1 : 1) * (c == g.cols - 1 ? -1 : 1); };
  const int start = g.rows + pj;
  dist[start] = 0;
  for (;;) {
    int u = -1;
    for (int x = 0; x < n; ++x) {
      if (!done[x] && dist[x] < kInf && (u < 0 || dist[x] < dist[u])) u = x;
    }
    if (u < 0 || u == pi) break;
    done[u] = true;
    const bool at_row = u < g.rows;
    const int other = at_row ? g.cols : g.rows;
    for (int w = 0; w < other; ++w) {
      const int r = at_row ? u : w;
      const int c = at_row ? w : u - g.rows;
      if (r == pi && c == pj) continue;
      const int id = g.At(r, c);
      if (id < 0) continue;
      // Leaving a row: the cycle's sign is +1; leaving a column: -1.
      const int change = (at_row ? 1 : -1) * eps(r, c);
      const double need = change < 0 ? up : down;
      if (static_cast<double>(st.j->value[id]) < need) continue;
      const int to = at_row ? g.rows + c : r;
      if (done[to]) continue;
      const double d = dist[u] + st.Cost(id);
      if (d < dist[to]) {
        dist[to] = d;
        prev[to] = u;
        via[to] = id;
      }
    }
  }
  Cycle cycle;
  if (dist[pi] == kInf) return cycle;
  cycle.cost = dist[pi];
  for (int x = pi; x != start; x = prev[x]) cycle.ids.push_back(via[x]);
  return cycle;
}

// Suppresses the cheapest protecting cycle of grid position (pi, pj); appends new figures.
// Returns false when the grid has no protecting cycle.
bool ProtectInGrid(const Grid& g, int pi, int pj, double margin, State& st,
                   std::vector<int>& added) {
  const int p = g.At(pi, pj);
  const double v = static_cast<double>(st.j->value[p]);
  Cycle best = CheapestCycle(g, pi, pj, margin, 0.0, st);
  if (v > 0) {
    const double down = std::min(v, margin);
    Cycle other = CheapestCycle(g, pi, pj, std::max(0.0, margin - down), down, st);
    if (other.cost < best.cost) best = std::move(other);
  }
  if (best.cost == kInf) return false;
  for (int id : best.ids) {
    if (st.j->status[id] != CellStatus::kPublished) continue;
    st.j->status[id] = CellStatus::kSecondary;
    st.j->system.unknown[id] = true;
    added.push_back(id);
  }
  return true;
}

// A published figure to suppress next so that `x` widens: the cheapest published figure in an
// equation with x, else in an equation with an unknown figure linked to x, and so on outwards.
int Neighbour(const Joint& j, const std::vector<std::vector<int>>& eqs_of, int x, const State& st) {
  std::vector<bool> seen(j.status.size(), false);
  std::vector<int> frontier{x};
  seen[x] = true;
  while (!frontier.empty()) {
    int best = -1;
    std::vector<int> next;
    for (int u : frontier) {
      for (int e : eqs_of[u]) {
        const Equation& eq = j.system.eqs[e];
        auto consider = [&](int id) {
          if (seen[id]) return;
          seen[id] = true;
          if (j.system.unknown[id]) {
            next.push_back(id);
          } else if (j.status[id] == CellStatus::kPublished &&
                     (best < 0 || st.Cost(id) < st.Cost(best))) {
            best = id;
          }
        };
        consider(eq.total);
        for (int id : eq.parts) consider(id);
      }
    }
    if (best >= 0) return best;
    frontier = std::move(next);
  }
  return -1;
}

// Gives back secondary figures the pattern does not need: largest cost first, each one
// published again when the LP audit still passes without it. Skipped for patterns with more
// than cost.prune_attempts secondary figures (each attempt is one audit).
Status Prune(Joint& j, double margin, const State& st) {
  const int n = static_cast<int>(j.status.size());
  std::vector<int> secondary;
  for (int id = 0; id < n; ++id) {
    if (j.status[id] == CellStatus::kSecondary) secondary.push_back(id);
  }
  if (static_cast<int>(secondary.size()) > st.cost->prune_attempts) return Ok();
  std::stable_sort(secondary.begin(), secondary.end(),
                   [&](int a, int b) { return st.PublishedCost(a) > st.PublishedCost(b); });
  std::vector<int> targets;
  for (int id : secondary) {
    j.status[id] = CellStatus::kPublished;
    j.system.unknown[id] = false;
    targets.clear();
    for (int t = 0; t < n; ++t) {
      if (Suppressed(j.status[t])) targets.push_back(t);
    }
    Result<std::vector<int>> narrow = FindNarrow(j.system, targets, margin);
    if (!narrow) return Unexpected(narrow.error());
    if (!narrow->empty()) {
      j.status[id] = CellStatus::kSecondary;
      j.system.unknown[id] = true;
    }
  }
  return Ok();
}

}  // namespace

std::vector<Grid> GridsOf(const Table& table, const std::vector<int>& id) {
  const Layout l(table);
  auto absent = [&](int r, int c) { return !table.absent.empty() && table.absent[l.Cell(r, c)]; };
  std::vector<Grid> grids;
  if (l.groups == 0) {
    Grid g{l.rows + 1, l.cols + 1, {}};
    for (int r = 0; r <= l.rows; ++r) {
      for (int c = 0; c <= l.cols; ++c) {
        int f = 0;
        if (r < l.rows) {
          f = c < l.cols ? (absent(r, c) ? -1 : l.Cell(r, c)) : l.RowTotal(r);
        } else {
          f = c < l.cols ? l.ColTotal(c) : l.Grand();
        }
        g.id.push_back(f < 0 ? -1 : id[f]);
      }
    }
    grids.push_back(std::move(g));
    return grids;
  }
  Grid top{l.groups + 1, l.cols + 1, {}};
  for (int g = 0; g <= l.groups; ++g) {
    for (int c = 0; c <= l.cols; ++c) {
      int f = 0;
      if (g < l.groups) {
        f = c < l.cols ? l.GroupCell(g, c) : l.GroupTotal(g);
      } else {
        f = c < l.cols ? l.ColTotal(c) : l.Grand();
      }
      top.id.push_back(id[f]);
    }
  }
  grids.push_back(std::move(top));
  for (int g = 0; g < l.groups; ++g) {
    Grid sub{0, l.cols + 1, {}};
    for (int r = 0; r < l.rows; ++r) {
      if (table.row_group[r] != g) continue;
      ++sub.rows;
      for (int c = 0; c <= l.cols; ++c) {
        const int f = c < l.cols ? (absent(r, c) ? -1 : l.Cell(r, c)) : l.RowTotal(r);
        sub.id.push_back(f < 0 ? -1 : id[f]);
      }
    }
    ++sub.rows;
    for (int c = 0; c <= l.cols; ++c) {
      sub.id.push_back(id[c < l.cols ? l.GroupCell(g, c) : l.GroupTotal(g)]);
    }
    grids.push_back(std::move(sub));
  }
  return grids;
}

Status SuppressUntilSafe(Joint& j, const std::vector<Grid>& grids, double margin,
                         const CostModel& cost) {
  const int n = static_cast<int>(j.status.size());
  State st{&j, std::vector<bool>(n, false), &cost};
  struct Place {
    int grid, row, col;
  };
  std::vector<std::vector<Place>> places(n);
  for (int gi = 0; gi < static_cast<int>(grids.size()); ++gi) {
    const Grid& g = grids[gi];
    for (int r = 0; r < g.rows; ++r) {
      for (int c = 0; c < g.cols; ++c) {
        const int id = g.At(r, c);
        if (id < 0) continue;
        places[id].push_back({gi, r, c});
        if (r == g.rows - 1 || c == g.cols - 1) st.is_total[id] = true;
      }
    }
  }
  std::vector<std::vector<int>> eqs_of(n);
  for (int e = 0; e < static_cast<int>(j.system.eqs.size()); ++e) {
    eqs_of[j.system.eqs[e].total].push_back(e);
    for (int id : j.system.eqs[e].parts) eqs_of[id].push_back(e);
  }
  // Primary figures first, smallest first (fewer and smaller complements than largest first on
  // the comparison sets of docs/disclosure.md).
  std::vector<int> queue;
  for (int id = 0; id < n; ++id) {
    if (j.status[id] == CellStatus::kPrimary) queue.push_back(id);
  }
  std::stable_sort(queue.begin(), queue.end(),
                   [&](int a, int b) { return j.value[a] < j.value[b]; });
  std::vector<int> targets;
  for (int round = 0; round <= n; ++round) {
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const int id = queue[q];
      for (const Place& at : places[id]) {
        std::vector<int> added;
        ProtectInGrid(grids[at.grid], at.row, at.col, margin, st, added);
        queue.insert(queue.end(), added.begin(), added.end());
      }
    }
    queue.clear();
    targets.clear();
    for (int id = 0; id < n; ++id) {
      if (Suppressed(j.status[id])) targets.push_back(id);
    }
    Result<std::vector<int>> narrow = FindNarrow(j.system, targets, margin);
    if (!narrow) return Unexpected(narrow.error());
    if (narrow->empty()) return Prune(j, margin, st);
    for (int x : *narrow) {
      if (j.status[x] == CellStatus::kAbsent) continue;
      const int extra = Neighbour(j, eqs_of, x, st);
      if (extra < 0 || j.status[extra] != CellStatus::kPublished) continue;
      j.status[extra] = CellStatus::kSecondary;
      j.system.unknown[extra] = true;
      queue.push_back(extra);
    }
    if (queue.empty()) {
      return Internal("secondary suppression found no further figure to suppress");
    }
  }
  return Internal("secondary suppression did not converge");
}

}  // namespace synlig::disclosure::internal
