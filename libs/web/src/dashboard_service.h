// Loading what the dashboard, the reader's report and the coordinator's page show: response
// status per unit and sector, and the survey tables of submitted entries.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
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

// Tabulated rounds, reused while a round's submitted responses and entries are unchanged.
// Sound because a response only ever moves to submitted and a submitted response's entries
// never change: (submitted responses, submitted entries) names the set of rows. Thread-safe.
class TablesCache {
 public:
  // The tables of `round`, whose per-unit status `status` was just read; loads and tabulates
  // (LoadTables) only when the counts differ from the cached ones.
  Result<std::shared_ptr<const survey::Dashboard>> Get(
      storage::Database& db, const storage::Round& round,
      const std::vector<storage::UnitStatus>& status);

 private:
  struct Entry {
    std::int64_t submitted = 0;
    std::int64_t entries = 0;
    std::shared_ptr<const survey::Dashboard> tables;
  };
  std::mutex mu_;
  std::unordered_map<storage::Id, Entry> rounds_;
};

}  // namespace synlig::web
