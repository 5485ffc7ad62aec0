// Audit events.
#include "audit.h"

namespace synlig::web {

Status AppendAudit(storage::Database& db, const Clock& clock, const Actor& actor,
                   std::string_view action, std::string_view object, std::string_view detail) {
  storage::AuditEvent event;
  event.at = clock.NowUnix();
  event.user_id = actor.user_id;
  event.username = actor.username;
  event.action = action;
  event.object = object;
  event.detail = detail;
  event.ip = actor.ip;
  return db.audit().Append(event);
}

}  // namespace synlig::web
