// Users: accounts, password hashes and the login lock-out counter.
#include <string>

#include "sql/repositories.h"

namespace synlig::storage::sql {
namespace {

constexpr std::string_view kColumns =
    "id, username, display_name, email, role, unit_id, password_hash, disabled,"
    " failed_logins, locked_until, created_at";

Result<User> ReadUser(const Row& row) {
  User u;
  u.id = row.Int(0);
  u.username = std::string(row.Text(1));
  u.display_name = std::string(row.Text(2));
  u.email = std::string(row.Text(3));
  auto role = ParseRole(row.Text(4));
  if (!role) return Internal("stored role of user " + std::to_string(u.id) + " is unknown");
  u.role = *role;
  if (!row.IsNull(5)) u.unit_id = row.Int(5);
  u.password_hash = std::string(row.Text(6));
  u.disabled = row.Int(7) != 0;
  u.failed_logins = static_cast<int>(row.Int(8));
  u.locked_until = row.Int(9);
  u.created_at = row.Int(10);
  return u;
}

// Collects users from a query into `out`.
RowSink CollectUsers(std::vector<User>& out) {
  return [&out](const Row& row) -> Status {
    auto u = ReadUser(row);
    if (!u) return Unexpected(u.error());
    out.push_back(*std::move(u));
    return Ok();
  };
}

bool ValidUsername(std::string_view name) {
  if (name.size() < 3 || name.size() > 64) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string Select(std::string_view where) {
  std::string sql = "SELECT ";
  sql += kColumns;
  sql += " FROM users ";
  sql += where;
  return sql;
}

// Runs a one-row update of user `id`; kNotFound when no such user.
Status UpdateOne(Store& store, Id id, std::string_view what, std::string_view sql,
                 std::initializer_list<Param> params) {
  Status status = store.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx, sql, params);
    if (!changed) return Unexpected(changed.error());
    if (*changed == 0) return NotFound("user " + std::to_string(id) + " not found");
    return Ok();
  });
  if (!status)
    return Annotate(status.error(), std::string(what) + " of user " + std::to_string(id));
  return Ok();
}

}  // namespace

Result<Id> SqlUserRepository::Create(const User& user) {
  if (!ValidUsername(user.username)) {
    return InvalidArgument(
        "username '" + user.username + "' must be 3-64 characters of a-z, 0-9, '.', '_' or '-'",
        "username");
  }
  if (user.password_hash.empty()) {
    return InvalidArgument("user '" + user.username + "' needs a password hash", "password_hash");
  }
  Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto taken =
        QueryInt(tx, "SELECT id FROM users WHERE username = $1", {std::string_view(user.username)});
    if (!taken) return Unexpected(taken.error());
    if (*taken) {
      return Fail(ErrorCode::kAlreadyExists, "username '" + user.username + "' is already taken",
                  "username");
    }
    if (user.unit_id) {
      auto unit = QueryInt(tx, "SELECT id FROM units WHERE id = $1", {*user.unit_id});
      if (!unit) return Unexpected(unit.error());
      if (!*unit) {
        return InvalidArgument("unit " + std::to_string(*user.unit_id) + " does not exist",
                               "unit_id");
      }
    }
    auto new_id =
        QueryInt(tx,
                 "INSERT INTO users (username, display_name, email, role, unit_id, password_hash,"
                 " disabled, failed_logins, locked_until, created_at)"
                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                 {std::string_view(user.username), std::string_view(user.display_name),
                  std::string_view(user.email), RoleCode(user.role),
                  user.unit_id ? Param(*user.unit_id) : kNull, std::string_view(user.password_hash),
                  std::int64_t{user.disabled ? 1 : 0}, std::int64_t{user.failed_logins},
                  user.locked_until, user.created_at});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) {
    // A concurrent create of the same name surfaces as the unique constraint.
    if (status.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "username '" + user.username + "' is already taken",
                  "username");
    }
    return Annotate(status.error(), "creating user '" + user.username + "'");
  }
  return id;
}

Result<User> SqlUserRepository::Find(Id id) {
  std::vector<User> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, Select("WHERE id = $1"), {id}, CollectUsers(found));
  });
  if (!status) return Annotate(status.error(), "reading user " + std::to_string(id));
  if (found.empty()) return NotFound("user " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<User> SqlUserRepository::FindByUsername(std::string_view username) {
  std::vector<User> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, Select("WHERE username = $1"), {username}, CollectUsers(found));
  });
  if (!status) {
    return Annotate(status.error(), "reading user '" + std::string(username) + "'");
  }
  if (found.empty()) return NotFound("user '" + std::string(username) + "' not found");
  return std::move(found.front());
}

Result<std::vector<User>> SqlUserRepository::List() {
  std::vector<User> users;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, Select("ORDER BY username"), {}, CollectUsers(users));
  });
  if (!status) return Annotate(status.error(), "listing users");
  return users;
}

Status SqlUserRepository::SetDisabled(Id id, bool disabled) {
  return UpdateOne(store_, id, "disabling", "UPDATE users SET disabled = $2 WHERE id = $1",
                   {id, std::int64_t{disabled ? 1 : 0}});
}

Status SqlUserRepository::SetPasswordHash(Id id, const std::string& hash) {
  if (hash.empty()) return InvalidArgument("the password hash is empty", "password_hash");
  return UpdateOne(store_, id, "setting the password",
                   "UPDATE users SET password_hash = $2 WHERE id = $1",
                   {id, std::string_view(hash)});
}

Result<User> SqlUserRepository::RecordLoginFailure(Id id, std::int64_t now, int threshold,
                                                   std::int64_t lock_seconds) {
  if (threshold < 1) {
    return InvalidArgument(
        "lock-out threshold " + std::to_string(threshold) + " must be at least 1", "threshold");
  }
  if (lock_seconds < 0) {
    return InvalidArgument(
        "lock-out time " + std::to_string(lock_seconds) + " s must not be negative",
        "lock_seconds");
  }
  std::vector<User> updated;
  // One statement, so concurrent failures each count and the lock is set exactly when the
  // count reaches the threshold (SET expressions see the row before the update).
  Status status = store_.Write([&](Tx& tx) -> Status {
    std::string sql =
        "UPDATE users SET failed_logins = failed_logins + 1,"
        " locked_until = CASE WHEN failed_logins + 1 >= $2 THEN CAST($3 AS BIGINT)"
        " ELSE locked_until END WHERE id = $1 RETURNING ";
    sql += kColumns;
    return Query(tx, sql, {id, std::int64_t{threshold}, now + lock_seconds}, CollectUsers(updated));
  });
  if (!status) {
    return Annotate(status.error(), "counting a failed login of user " + std::to_string(id));
  }
  if (updated.empty()) return NotFound("user " + std::to_string(id) + " not found");
  return std::move(updated.front());
}

Status SqlUserRepository::ResetLoginFailures(Id id) {
  return UpdateOne(store_, id, "resetting failed logins",
                   "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = $1", {id});
}

Result<std::int64_t> SqlUserRepository::Count() {
  std::int64_t count = 0;
  Status status = store_.Read([&](Tx& tx) -> Status {
    auto n = QueryInt(tx, "SELECT COUNT(*) FROM users", {});
    if (!n) return Unexpected(n.error());
    count = n->value_or(0);
    return Ok();
  });
  if (!status) return Annotate(status.error(), "counting users");
  return count;
}

}  // namespace synlig::storage::sql
