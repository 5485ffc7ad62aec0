// The audit log: append-only events and filtered, paged review.
#include <string>
#include <vector>

#include "sql/repositories.h"

namespace synlig::storage::sql {
namespace {
constexpr int kMaxLimit = 10000;
}  // namespace

Status SqlAuditRepository::Append(const AuditEvent& event) {
  if (event.action.empty()) return InvalidArgument("an audit event needs an action", "action");
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto r = Exec(
        tx,
        "INSERT INTO audit_log (at, user_id, username, action, object, detail, ip)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {event.at, event.user_id ? Param(*event.user_id) : kNull, std::string_view(event.username),
         std::string_view(event.action), std::string_view(event.object),
         std::string_view(event.detail), std::string_view(event.ip)});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "appending audit event '" + event.action + "'");
  return Ok();
}

Result<std::vector<AuditEvent>> SqlAuditRepository::Query(const AuditFilter& filter) {
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    return InvalidArgument(
        "limit " + std::to_string(filter.limit) + " must be within 1.." + std::to_string(kMaxLimit),
        "limit");
  }
  if (filter.offset < 0) {
    return InvalidArgument("offset " + std::to_string(filter.offset) + " must not be negative",
                           "offset");
  }
  // Only the conditions in use appear, so each combination is its own (cached) statement and
  // the planner can use the matching index; every value is still a bound parameter.
  std::string sql =
      "SELECT id, at, user_id, username, action, object, detail, ip FROM audit_log WHERE 1 = 1";
  std::vector<Param> params;
  auto add = [&](std::string_view condition, Param value) {
    params.push_back(value);
    sql += " AND ";
    sql += condition;
    sql += " $" + std::to_string(params.size());
  };
  if (!filter.action.empty()) add("action =", std::string_view(filter.action));
  if (!filter.username.empty()) add("username =", std::string_view(filter.username));
  if (filter.from != 0) add("at >=", filter.from);
  if (filter.to != 0) add("at <=", filter.to);
  params.push_back(std::int64_t{filter.limit});
  params.push_back(std::int64_t{filter.offset});
  sql += " ORDER BY at DESC, id DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" +
         std::to_string(params.size());

  std::vector<AuditEvent> events;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return tx.Query(sql, params, [&](const Row& row) -> Status {
      AuditEvent e;
      e.id = row.Int(0);
      e.at = row.Int(1);
      if (!row.IsNull(2)) e.user_id = row.Int(2);
      e.username = std::string(row.Text(3));
      e.action = std::string(row.Text(4));
      e.object = std::string(row.Text(5));
      e.detail = std::string(row.Text(6));
      e.ip = std::string(row.Text(7));
      events.push_back(std::move(e));
      return Ok();
    });
  });
  if (!status) return Annotate(status.error(), "reading the audit log");
  return events;
}

}  // namespace synlig::storage::sql
