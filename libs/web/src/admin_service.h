// Admin operations that are not accounts: units, and reading the audit log by page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

struct UnitInput {
  std::string name;
  std::string sector;  // a sector code
  std::string department;
};

// Creates a unit and audit-logs "unit_create". kInvalidArgument with field "name" (empty or
// over 200 bytes), "sector" (unknown code) or "department" (over 200 bytes); kAlreadyExists
// (field "name") for a duplicate name.
Result<storage::Id> CreateUnit(storage::Database& db, const Clock& clock, const UnitInput& input,
                               const Actor& actor);

inline constexpr int kAuditPageSize = 50;

struct AuditQuery {
  std::string action;
  std::string username;
  std::string from;  // YYYY-MM-DD or empty
  std::string to;
  int page = 1;  // 1-based
};

struct AuditPage {
  std::vector<storage::AuditEvent> events;
  bool has_next = false;
};

// One page of events, newest first as the store returns them. kInvalidArgument with field
// "from" / "to" for a malformed date.
Result<AuditPage> QueryAudit(storage::Database& db, const AuditQuery& query);

}  // namespace synlig::web
