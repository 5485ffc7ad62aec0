// The warnings about a capture table itself, in English and Swedish.
#include "table_diagnostics.h"

#include "synlig/estimate/estimation.h"
#include "synlig/estimate/loglinear.h"
#include "synlig/estimate/warnings.h"

namespace synlig::estimate {
namespace internal {

TableWarnings DiagnoseBothLanguages(const CaptureTable& table) {
  TableWarnings out;
  const int k = table.num_lists();
  const auto& names = table.list_names();
  std::vector<int> partners(static_cast<std::size_t>(k), 0);
  std::string empty_pairs;
  for (Pattern pair : AllPairs(k)) {
    if (table.Overlap(pair) > 0) {
      for (int j = 0; j < k; ++j) partners[static_cast<std::size_t>(j)] += (pair >> j) & 1U;
      continue;
    }
    empty_pairs += (empty_pairs.empty() ? "" : ", ") + FormatModel({{pair}}, names);
  }
  if (!empty_pairs.empty()) {
    Warn(out, "lists that share nobody (their interaction cannot be estimated): " + empty_pairs,
         "listor utan gemensamma personer (deras samspel kan inte skattas): " + empty_pairs);
  }
  for (int j = 0; j < k; ++j) {
    if (partners[static_cast<std::size_t>(j)] == 0) {
      const std::string& name = names[static_cast<std::size_t>(j)];
      Warn(out,
           "list " + name +
               " shares nobody with any other list: it tells nothing about who is missed",
           "listan " + name +
               " har inga personer gemensamma med någon annan lista: den säger inget om vilka "
               "som missas");
    }
  }
  if (table.n_observed() < 50) {
    const std::string n = std::to_string(table.n_observed());
    Warn(out, "only " + n + " people observed: every estimate is very uncertain",
         "bara " + n + " personer observerade: varje skattning är mycket osäker");
  }
  return out;
}

}  // namespace internal

std::vector<std::string> DiagnoseTable(const CaptureTable& table) {
  return internal::DiagnoseBothLanguages(table).warnings;
}

}  // namespace synlig::estimate
