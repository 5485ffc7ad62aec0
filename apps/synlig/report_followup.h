// The follow-up modules' part of the council report (section 8), read from the store for a
// round's period: training coverage per department at the period's end (training register),
// attitude-work activities and persons reached by kind of activity, and MIKA/KAST contacts per
// clinic. Each is nullopt when the module has recorded nothing, so the report says "Ännu inte
// registrerat i Synlig". Every table passes disclosure control in report::BuildReport.
#pragma once

#include <optional>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/report/report.h"
#include "synlig/storage/database.h"

namespace synlig::app {

struct FollowupParts {
  std::optional<report::FollowupInput> training, attitude_work, clinics;
};

// Store errors as they come.
Result<FollowupParts> LoadFollowup(storage::Database& db, const Period& period);

}  // namespace synlig::app
