// Helpers shared by every user of the SQL seam.
#include "sql/driver.h"

#include <string>

namespace synlig::storage::sql {

Result<std::optional<std::int64_t>> QueryInt(Tx& tx, std::string_view sql,
                                             std::initializer_list<Param> params) {
  std::optional<std::int64_t> value;
  Status status = Query(tx, sql, params, [&](const Row& row) -> Status {
    if (!value) value = row.Int(0);
    return Ok();
  });
  if (!status) return Unexpected(status.error());
  return value;
}

Status RequireUser(Tx& tx, std::int64_t user_id, std::string_view field) {
  auto user = QueryInt(tx, "SELECT id FROM users WHERE id = $1", {user_id});
  if (!user) return Unexpected(user.error());
  if (!*user) {
    return InvalidArgument("user " + std::to_string(user_id) + " does not exist",
                           std::string(field));
  }
  return Ok();
}

Unexpected WithContext(const Error& error, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += error.message();
  return Fail(error.code(), std::move(message), error.field());
}

Unexpected Annotate(const Error& error, std::string_view what) {
  const bool own = !error.field().empty() || error.code() == ErrorCode::kNotFound ||
                   error.code() == ErrorCode::kFailedPrecondition;
  if (own) return Unexpected(error);
  return WithContext(error, what);
}

}  // namespace synlig::storage::sql
