// The demo municipality's training register (all made up): four departments and companies,
// ten units, fifty fictional employees ("Alva Exempelsson", e-mail
// alva.exempelsson@demo.synlig.invalid), completions over the last year (some entered, some
// from an applied import) and the council's target. Deterministic: the same clock day gives
// the same data. tests/data/training/*.csv import completions for employees who have none.
#pragma once

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/storage/database.h"

namespace synlig::app::demo {

struct TrainingSummary {
  int employees = 0;
  int target_group = 0;
  int covered = 0;
};

// Precondition: an empty training register (a new demo database; roles and courses seeded).
Result<TrainingSummary> CreateTrainingDemo(storage::Database& db, const Clock& clock);

}  // namespace synlig::app::demo
