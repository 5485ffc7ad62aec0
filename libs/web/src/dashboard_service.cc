// Status aggregation and tabulation for the dashboard and reports.
#include "dashboard_service.h"

#include "synlig/survey/questionnaire.h"

namespace synlig::web {

std::vector<SectorStatus> StatusBySector(const std::vector<storage::UnitStatus>& units) {
  std::vector<SectorStatus> out;
  for (const Sector sector : kAllSectors) {
    SectorStatus s;
    s.sector = sector;
    bool any = false;
    for (const storage::UnitStatus& u : units) {
      if (u.sector != sector) continue;
      any = true;
      s.links += u.links;
      s.started += u.started;
      s.submitted += u.submitted;
      s.entries += u.entries;
    }
    if (any) out.push_back(s);
  }
  return out;
}

Result<survey::Dashboard> LoadTables(storage::Database& db, const storage::Round& round) {
  auto q = survey::FindQuestionnaire(round.questionnaire_id, round.questionnaire_version);
  if (!q) return Unexpected(q.error());
  auto rows = db.responses().LoadSubmittedEntries(round.id);
  if (!rows) return Unexpected(rows.error());
  std::vector<survey::TabEntry> entries;
  entries.reserve(rows->size());
  for (storage::SubmittedEntry& row : *rows) {
    entries.push_back(
        survey::TabEntry{row.sector, std::move(row.match_hash), std::move(row.answers)});
  }
  return survey::Tabulate(**q, entries);
}

Result<std::shared_ptr<const survey::Dashboard>> TablesCache::Get(
    storage::Database& db, const storage::Round& round,
    const std::vector<storage::UnitStatus>& status) {
  std::int64_t submitted = 0;
  std::int64_t entries = 0;
  for (const storage::UnitStatus& u : status) {
    submitted += u.submitted;
    entries += u.entries;
  }
  {
    std::lock_guard lock(mu_);
    const auto it = rounds_.find(round.id);
    if (it != rounds_.end() && it->second.submitted == submitted && it->second.entries == entries) {
      return it->second.tables;
    }
  }
  auto tables = LoadTables(db, round);
  if (!tables) return Unexpected(tables.error());
  auto shared = std::make_shared<const survey::Dashboard>(*std::move(tables));
  // Counts read before the load: if a submit landed in between, the next view reloads.
  std::lock_guard lock(mu_);
  rounds_[round.id] = Entry{submitted, entries, shared};
  return shared;
}

}  // namespace synlig::web
