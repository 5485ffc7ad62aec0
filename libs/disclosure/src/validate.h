// Argument checks shared by Protect, ProtectLinked, AttackerIntervals and Check.
#pragma once

#include "synlig/core/error.h"
#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::internal {

// kInvalidArgument naming the table and the offending value (see Protect).
Status ValidateTable(const Table& table);
Status ValidateOptions(const Options& options);
// Shapes of the status and published vectors of a ProtectedTable (plus ValidateTable).
Status ValidateProtected(const ProtectedTable& table);

}  // namespace synlig::disclosure::internal
