// Units: the services and organisations that take part in mapping rounds.
#include <string>

#include "sql/repositories.h"

namespace synlig::storage::sql {
namespace {

constexpr std::string_view kSelect = "SELECT id, name, sector, department, active FROM units ";

RowSink CollectUnits(std::vector<Unit>& out) {
  return [&out](const Row& row) -> Status {
    Unit u;
    u.id = row.Int(0);
    u.name = std::string(row.Text(1));
    auto sector = ParseSector(row.Text(2));
    if (!sector) return Internal("stored sector of unit " + std::to_string(u.id) + " is unknown");
    u.sector = *sector;
    u.department = std::string(row.Text(3));
    u.active = row.Int(4) != 0;
    out.push_back(std::move(u));
    return Ok();
  };
}

}  // namespace

Result<Id> SqlUnitRepository::Create(const Unit& unit) {
  if (unit.name.empty()) return InvalidArgument("a unit needs a name", "name");
  Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(tx,
                           "INSERT INTO units (name, sector, department, active)"
                           " VALUES ($1, $2, $3, $4) RETURNING id",
                           {std::string_view(unit.name), SectorCode(unit.sector),
                            std::string_view(unit.department), std::int64_t{unit.active ? 1 : 0}});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) {
    if (status.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "unit name '" + unit.name + "' is already taken",
                  "name");
    }
    return Annotate(status.error(), "creating unit '" + unit.name + "'");
  }
  return id;
}

Result<Unit> SqlUnitRepository::Find(Id id) {
  std::vector<Unit> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kSelect) + "WHERE id = $1", {id}, CollectUnits(found));
  });
  if (!status) return Annotate(status.error(), "reading unit " + std::to_string(id));
  if (found.empty()) return NotFound("unit " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<std::vector<Unit>> SqlUnitRepository::List() {
  std::vector<Unit> units;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kSelect) + "ORDER BY name", {}, CollectUnits(units));
  });
  if (!status) return Annotate(status.error(), "listing units");
  return units;
}

}  // namespace synlig::storage::sql
