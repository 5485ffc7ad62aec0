// Units and the audit log query.
#include "admin_service.h"

#include <chrono>

#include "audit.h"
#include "synlig/core/date.h"
#include "synlig/core/sector.h"

namespace synlig::web {
namespace {

std::int64_t DayStart(const Date& date) {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::sys_days(date).time_since_epoch())
      .count();
}

}  // namespace

Result<storage::Id> CreateUnit(storage::Database& db, const Clock& clock, const UnitInput& input,
                               const Actor& actor) {
  storage::Unit unit;
  unit.name = input.name;
  while (!unit.name.empty() && unit.name.back() == ' ') unit.name.pop_back();
  while (!unit.name.empty() && unit.name.front() == ' ') unit.name.erase(0, 1);
  if (unit.name.empty() || unit.name.size() > 200) {
    return InvalidArgument("a unit needs a name of 1 to 200 bytes", "name");
  }
  auto sector = ParseSector(input.sector);
  if (!sector) return InvalidArgument(sector.error().message(), "sector");
  unit.sector = *sector;
  if (input.department.size() > 200) {
    return InvalidArgument("department is over 200 bytes", "department");
  }
  unit.department = input.department;
  auto id = db.units().Create(unit);
  if (!id) {
    if (id.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "unit '" + unit.name + "' exists", "name");
    }
    return Unexpected(id.error());
  }
  if (auto s = AppendAudit(db, clock, actor, "unit_create", "unit:" + std::to_string(*id),
                           std::string(SectorCode(unit.sector)));
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Result<AuditPage> QueryAudit(storage::Database& db, const AuditQuery& query) {
  storage::AuditFilter filter;
  filter.action = query.action;
  filter.username = query.username;
  if (!query.from.empty()) {
    auto d = ParseDate(query.from);
    if (!d) return InvalidArgument(d.error().message(), "from");
    filter.from = DayStart(*d);
  }
  if (!query.to.empty()) {
    auto d = ParseDate(query.to);
    if (!d) return InvalidArgument(d.error().message(), "to");
    filter.to = DayStart(*d) + 24 * 3600 - 1;
  }
  const int page = query.page < 1 ? 1 : query.page;
  filter.limit = kAuditPageSize + 1;
  filter.offset = (page - 1) * kAuditPageSize;
  auto events = db.audit().Query(filter);
  if (!events) return Unexpected(events.error());
  AuditPage out;
  out.events = *std::move(events);
  if (out.events.size() > static_cast<std::size_t>(kAuditPageSize)) {
    out.has_next = true;
    out.events.resize(kAuditPageSize);
  }
  return out;
}

}  // namespace synlig::web
