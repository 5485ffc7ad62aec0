// Primary suppression: cells and totals under k, zeros when asked, dominated cells.
#include "primary.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "figures.h"

namespace synlig::disclosure::internal {

bool UnderK(std::int64_t value, const Options& options) {
  if (value == 0) return options.zeros_unsafe;
  return value < options.k;
}

bool Dominated(const CellContributions& contributions, const Options& options) {
  if (options.dominance_n <= 0 || contributions.empty()) return false;
  std::vector<double> sorted(contributions);
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  const double sum = std::accumulate(sorted.begin(), sorted.end(), 0.0);
  if (sum <= 0) return false;
  const std::size_t n = std::min<std::size_t>(options.dominance_n, sorted.size());
  const double top = std::accumulate(sorted.begin(), sorted.begin() + n, 0.0);
  return top > options.dominance_p / 100.0 * sum;
}

std::vector<CellStatus> PrimaryStatus(const Table& t, const std::vector<std::int64_t>& values,
                                      const Options& options) {
  const Layout l(t);
  const std::vector<bool> off = NotPublishedByDesign(t);
  std::vector<CellStatus> status(l.size(), CellStatus::kPublished);
  for (int f = 0; f < l.size(); ++f) {
    if (off[f]) {
      status[f] = CellStatus::kAbsent;
      continue;
    }
    bool unsafe = UnderK(values[f], options);
    if (l.IsCell(f) && !t.contributions.empty()) unsafe |= Dominated(t.contributions[f], options);
    if (unsafe) status[f] = CellStatus::kPrimary;
  }
  return status;
}

}  // namespace synlig::disclosure::internal
