// Login sessions, stored under a hash of the cookie value.
#include <string>

#include "sql/repositories.h"

namespace synlig::storage::sql {
namespace {

Status RunDelete(Store& store, std::string_view what, std::string_view sql,
                 std::initializer_list<Param> params) {
  Status status = store.Write([&](Tx& tx) -> Status {
    auto r = Exec(tx, sql, params);
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), what);
  return Ok();
}

}  // namespace

Status SqlSessionRepository::Create(const Session& session) {
  if (session.id_hash.empty()) return InvalidArgument("a session needs an id hash", "id_hash");
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto r = Exec(tx,
                  "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                  " VALUES ($1, $2, $3, $4, $5)",
                  {std::string_view(session.id_hash), session.user_id,
                   std::string_view(session.csrf_token), session.created_at, session.expires_at});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) {
    switch (status.error().code()) {
      case ErrorCode::kAlreadyExists:
        return Fail(ErrorCode::kAlreadyExists, "a session with this id already exists", "id_hash");
      case ErrorCode::kInvalidArgument:  // the foreign key: no such user
        return InvalidArgument("user " + std::to_string(session.user_id) + " does not exist",
                               "user_id");
      default:
        return Annotate(status.error(), "creating a session");
    }
  }
  return Ok();
}

Result<Session> SqlSessionRepository::Find(std::string_view id_hash, std::int64_t now) {
  std::optional<Session> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT id_hash, user_id, csrf_token, created_at, expires_at FROM sessions"
                 " WHERE id_hash = $1 AND expires_at > $2",
                 {id_hash, now}, [&](const Row& row) -> Status {
                   Session s;
                   s.id_hash = std::string(row.Text(0));
                   s.user_id = row.Int(1);
                   s.csrf_token = std::string(row.Text(2));
                   s.created_at = row.Int(3);
                   s.expires_at = row.Int(4);
                   found = std::move(s);
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading a session");
  if (!found) return NotFound("session not found or expired");
  return *std::move(found);
}

Status SqlSessionRepository::Delete(std::string_view id_hash) {
  return RunDelete(store_, "deleting a session", "DELETE FROM sessions WHERE id_hash = $1",
                   {id_hash});
}

Status SqlSessionRepository::DeleteForUser(Id user_id) {
  return RunDelete(store_, "deleting the sessions of user " + std::to_string(user_id),
                   "DELETE FROM sessions WHERE user_id = $1", {user_id});
}

Status SqlSessionRepository::DeleteExpired(std::int64_t now) {
  return RunDelete(store_, "deleting expired sessions",
                   "DELETE FROM sessions WHERE expires_at <= $1", {now});
}

}  // namespace synlig::storage::sql
