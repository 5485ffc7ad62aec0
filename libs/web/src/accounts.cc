// Account operations shared by the admin pages and the CLI; each change is audit-logged.
#include "synlig/web/accounts.h"

#include "audit.h"

namespace synlig::web {
namespace {

std::string UserObject(storage::Id id) { return "user:" + std::to_string(id); }

Status CheckPasswordLength(std::string_view password) {
  if (password.size() < 10 || password.size() > 1024) {
    return InvalidArgument(
        "a password must be 10 to 1024 bytes long, got " + std::to_string(password.size()),
        "password");
  }
  return Ok();
}

}  // namespace

Status ValidateUsername(std::string_view username) {
  bool ok = username.size() >= 3 && username.size() <= 64;
  for (const char c : username) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (ok) return Ok();
  std::string shown(username.substr(0, 64));
  return InvalidArgument(
      "username '" + shown + "' must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-'",
      "username");
}

Result<storage::Id> CreateUser(storage::Database& db, const Clock& clock, const NewUser& user,
                               PasswordCost cost, const Actor& actor) {
  if (auto s = ValidateUsername(user.username); !s) return Unexpected(s.error());
  if (auto s = CheckPasswordLength(user.password); !s) return Unexpected(s.error());
  if (user.role == Role::kCoordinator && !user.unit_id) {
    return InvalidArgument("a coordinator needs a unit", "unit");
  }
  if (user.unit_id) {
    auto unit = db.units().Find(*user.unit_id);
    if (!unit) {
      if (unit.error().code() == ErrorCode::kNotFound) {
        return InvalidArgument("unit " + std::to_string(*user.unit_id) + " does not exist", "unit");
      }
      return Unexpected(unit.error());
    }
  }
  if (user.display_name.size() > 200 || user.email.size() > 254) {
    return InvalidArgument("display name or e-mail is too long", "display_name");
  }
  auto hash = HashPassword(user.password, cost);
  if (!hash) return Unexpected(hash.error());

  storage::User record;
  record.username = user.username;
  record.display_name = user.display_name.empty() ? user.username : user.display_name;
  record.email = user.email;
  record.role = user.role;
  record.unit_id = user.unit_id;
  record.password_hash = *std::move(hash);
  record.created_at = clock.NowUnix();
  auto id = db.users().Create(record);
  if (!id) {
    if (id.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "username '" + user.username + "' is taken",
                  "username");
    }
    return Unexpected(id.error());
  }
  const std::string detail = "role " + std::string(RoleCode(user.role)) +
                             (user.unit_id ? ", unit " + std::to_string(*user.unit_id) : "");
  if (auto s = AppendAudit(db, clock, actor, "user_create", UserObject(*id), detail); !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status ResetPassword(storage::Database& db, const Clock& clock, storage::Id user_id,
                     std::string_view new_password, PasswordCost cost, const Actor& actor) {
  if (auto s = CheckPasswordLength(new_password); !s) return s;
  auto user = db.users().Find(user_id);
  if (!user) return Unexpected(user.error());
  auto hash = HashPassword(new_password, cost);
  if (!hash) return Unexpected(hash.error());
  if (auto s = db.users().SetPasswordHash(user_id, *hash); !s) return s;
  if (auto s = db.users().ResetLoginFailures(user_id); !s) return s;
  if (auto s = db.sessions().DeleteForUser(user_id); !s) return s;
  return AppendAudit(db, clock, actor, "user_reset_password", UserObject(user_id),
                     "password set, lock-out cleared, sessions ended");
}

Status SetDisabled(storage::Database& db, const Clock& clock, storage::Id user_id, bool disabled,
                   const Actor& actor) {
  auto user = db.users().Find(user_id);
  if (!user) return Unexpected(user.error());
  if (auto s = db.users().SetDisabled(user_id, disabled); !s) return s;
  if (disabled) {
    if (auto s = db.sessions().DeleteForUser(user_id); !s) return s;
  }
  return AppendAudit(db, clock, actor, disabled ? "user_disable" : "user_enable",
                     UserObject(user_id), disabled ? "sessions ended" : "");
}

}  // namespace synlig::web
