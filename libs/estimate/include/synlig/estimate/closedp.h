// The table of closed-population log-linear models of Rcapture's closedp (Rivest & Baillargeon
// 2007): M0, Mt, Mh and Mth with Chao's lower bound, Poisson2, Darroch and Gamma3.5
// heterogeneity. Behavioural models (Mb, Mbh) are left out: they depend on the order of the
// lists, and lists are not ordered occasions. Usage:
//   auto rows = ClosedPopulationModels(table);
//   for (const ClosedModel& m : *rows) ... m.name, m.abundance, m.std_error ...
#pragma once

#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"

namespace synlig::estimate {

struct ClosedModel {
  std::string name;  // "M0", "Mt", "Mh Chao (LB)", ..., "Mth Gamma3.5"
  double abundance = 0;
  double std_error = 0;
  double deviance = 0;
  int df = 0;
  double aic = 0;
  double bic = 0;
  bool converged = true;
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// Needs at least 3 lists. Chao models drop negative η parameters one at a time, first first,
// and refit (Rcapture's neg = TRUE). Errors: kInvalidArgument (field "lists") for fewer than 3
// lists. A model whose fit fails is returned with NaN numbers and a warning.
Result<std::vector<ClosedModel>> ClosedPopulationModels(const CaptureTable& table);

}  // namespace synlig::estimate
