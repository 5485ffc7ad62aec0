// Account operations shared by the admin pages and the CLI (`synlig user ...`): create a user,
// reset a password, disable/enable. Each change is written to the audit log.
//   web::Actor cli{std::nullopt, "cli", ""};
//   auto id = web::CreateUser(db, clock, {"anna", "Anna A", "", Role::kAnalyst, {}, pw},
//                             InteractivePasswordCost(), cli);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synlig/core/clock.h"
#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/core/role.h"
#include "synlig/storage/database.h"

namespace synlig::web {

// Who performs an account operation, as written to the audit log.
struct Actor {
  std::optional<storage::Id> user_id;  // nullopt for the CLI
  std::string username;                // e.g. "cli" or the admin's username
  std::string ip;                      // empty for the CLI
};

struct NewUser {
  std::string username;  // [a-z0-9._-]{3,64}
  std::string display_name;
  std::string email;  // may be empty
  Role role = Role::kReader;
  std::optional<storage::Id> unit_id;  // required for a coordinator; must exist
  std::string password;                // 10..1024 bytes; never logged
};

// kInvalidArgument (field "username") unless username matches [a-z0-9._-]{3,64}.
Status ValidateUsername(std::string_view username);

// Validates and creates a user with an Argon2id password hash, then audit-logs "user_create"
// (object "user:<id>"). Errors: kInvalidArgument with field "username", "password" or "unit"
// (coordinator without a unit, unknown unit); kAlreadyExists (field "username") when taken;
// kResourceExhausted when hashing cannot get memory; storage errors as they come.
Result<storage::Id> CreateUser(storage::Database& db, const Clock& clock, const NewUser& user,
                               PasswordCost cost, const Actor& actor);

// Sets a new password, clears failed logins and the lock, ends the user's sessions, and
// audit-logs "user_reset_password". kNotFound for an unknown user; kInvalidArgument (field
// "password") for a password outside 10..1024 bytes.
Status ResetPassword(storage::Database& db, const Clock& clock, storage::Id user_id,
                     std::string_view new_password, PasswordCost cost, const Actor& actor);

// Disables (ending the user's sessions) or re-enables a user; audit-logs "user_disable" or
// "user_enable". kNotFound for an unknown user.
Status SetDisabled(storage::Database& db, const Clock& clock, storage::Id user_id, bool disabled,
                   const Actor& actor);

}  // namespace synlig::web
