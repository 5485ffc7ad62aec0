// Loading what the dashboard, the reader's report and the coordinator's page show: response
// status per unit and sector, and the survey tables of submitted entries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synlig/core/sector.h"
#include "synlig/storage/database.h"
#include "synlig/survey/tables.h"

namespace synlig::web {

struct SectorStatus {
  Sector sector = Sector::kOtherMunicipal;
  int links = 0, started = 0, submitted = 0, entries = 0;
};

// Sums unit rows per sector, in the order of kAllSectors, skipping sectors without units.
std::vector<SectorStatus> StatusBySector(const std::vector<storage::UnitStatus>& units);

// Loads the submitted entries of the round (case-level rows: the caller audit-logs) and
// tabulates them with the round's questionnaire. kNotFound for an unknown questionnaire;
// storage errors as they come.
Result<survey::Dashboard> LoadTables(storage::Database& db, const storage::Round& round);

}  // namespace synlig::web
