// The table diagnostics of estimation.h (DiagnoseTable) in both languages, for Estimate to put
// in front of a method's own warnings.
#pragma once

#include <string>
#include <vector>

#include "synlig/estimate/capture_table.h"

namespace synlig::estimate::internal {

struct TableWarnings {  // as in the results: warnings_sv[i] says warnings[i] in Swedish
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;
};

// Lists that share nobody, lists that share nobody with any other list, very few people.
TableWarnings DiagnoseBothLanguages(const CaptureTable& table);

}  // namespace synlig::estimate::internal
