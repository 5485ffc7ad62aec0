// The naive method, kept only to compare with Protect: every primary cell gets the smallest
// other cell of its row and of its column suppressed (until every row and column with a
// suppressed cell has at least two), with no LP check. Usage:
//   ProtectedTable n = disclosure::ProtectNaive(table, options);
//   auto unsafe = disclosure::Check(n, options);   // often not empty
#pragma once

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure {

// Precondition: as Protect (errors: the same kInvalidArgument cases). Totals under k are
// suppressed but get no complements; rounding_base is ignored.
Result<ProtectedTable> ProtectNaive(const Table& table, const Options& options);

}  // namespace synlig::disclosure
