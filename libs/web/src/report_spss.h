// The analyst's SPSS export (.sav, written with ReadStat) of a round's AGGREGATE tables after
// disclosure control: one case per table cell, variables table, row, column, count (system
// missing where the cell is suppressed in the published report) and suppressed (0/1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report_document.h"

namespace synlig::web {

// False in a build without ReadStat (the route then answers 404).
bool SpssExportAvailable();

// The .sav bytes. kFailedPrecondition in a build without ReadStat; kInternal when ReadStat
// reports an error.
Result<std::string> AggregateTablesSav(const std::vector<ProtectedCrossTab>& tables,
                                       std::string_view file_label);

}  // namespace synlig::web
