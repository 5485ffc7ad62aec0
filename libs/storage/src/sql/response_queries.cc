// Read-side queries over the responses of a round: submitted entries and status per unit.
#include <string>

#include "sql/repositories.h"
#include "synlig/survey/answers.h"

namespace synlig::storage::sql {
namespace {

Status RequireRound(Tx& tx, Id round_id) {
  auto exists = RoundExists(tx, round_id);
  if (!exists) return Unexpected(exists.error());
  if (!*exists) return NotFound("round " + std::to_string(round_id) + " not found");
  return Ok();
}

}  // namespace

Result<std::vector<SubmittedEntry>> SqlResponseRepository::LoadSubmittedEntries(Id round_id) {
  std::vector<SubmittedEntry> entries;
  Status status = store_.Read([&](Tx& tx) -> Status {
    if (Status s = RequireRound(tx, round_id); !s) return s;
    return Query(tx,
                 "SELECT e.id, e.response_id, r.unit_id, u.sector, e.match_hash, e.answers"
                 " FROM responses r"
                 " JOIN person_entries e ON e.response_id = r.id"
                 " JOIN units u ON u.id = r.unit_id"
                 " WHERE r.round_id = $1 AND r.status = 'submitted'"
                 " ORDER BY e.response_id, e.position",
                 {round_id}, [&](const Row& row) -> Status {
                   SubmittedEntry e;
                   e.entry_id = row.Int(0);
                   e.response_id = row.Int(1);
                   e.unit_id = row.Int(2);
                   auto sector = ParseSector(row.Text(3));
                   auto answers = survey::DecodeAnswers(row.Text(5));
                   if (!sector || !answers) {
                     return Internal("stored sector or answers of entry " +
                                     std::to_string(e.entry_id) + " are malformed");
                   }
                   e.sector = *sector;
                   e.match_hash = row.OptionalText(4);
                   e.answers = *std::move(answers);
                   entries.push_back(std::move(e));
                   return Ok();
                 });
  });
  if (!status) {
    return Annotate(status.error(),
                    "loading the submitted entries of round " + std::to_string(round_id));
  }
  return entries;
}

Result<std::vector<UnitStatus>> SqlResponseRepository::StatusByUnit(Id round_id) {
  std::vector<UnitStatus> units;
  Status status = store_.Read([&](Tx& tx) -> Status {
    if (Status s = RequireRound(tx, round_id); !s) return s;
    // Every participating unit, also those without a single link (LEFT JOIN).
    return Query(
        tx,
        "SELECT u.id, u.name, u.sector, COUNT(r.id),"
        " COALESCE(SUM(CASE WHEN r.status <> 'not_started' THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN r.status = 'submitted' THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN r.status = 'submitted' THEN"
        " (SELECT COUNT(*) FROM person_entries e WHERE e.response_id = r.id) ELSE 0 END), 0)"
        " FROM round_units ru"
        " JOIN units u ON u.id = ru.unit_id"
        " LEFT JOIN responses r ON r.round_id = ru.round_id AND r.unit_id = ru.unit_id"
        " WHERE ru.round_id = $1"
        " GROUP BY u.id, u.name, u.sector ORDER BY u.name",
        {round_id}, [&](const Row& row) -> Status {
          UnitStatus s;
          s.unit_id = row.Int(0);
          s.unit_name = std::string(row.Text(1));
          auto sector = ParseSector(row.Text(2));
          if (!sector) {
            return Internal("stored sector of unit " + std::to_string(s.unit_id) + " is unknown");
          }
          s.sector = *sector;
          s.links = static_cast<int>(row.Int(3));
          s.started = static_cast<int>(row.Int(4));
          s.submitted = static_cast<int>(row.Int(5));
          s.entries = static_cast<int>(row.Int(6));
          units.push_back(std::move(s));
          return Ok();
        });
  });
  if (!status) {
    return Annotate(status.error(),
                    "reading the response status of round " + std::to_string(round_id));
  }
  return units;
}

}  // namespace synlig::storage::sql
