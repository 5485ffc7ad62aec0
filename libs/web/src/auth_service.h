// Logging in and out, and finding the user of a request from its session cookie. The cookie
// holds a 256-bit random id; the store keeps only its hash. A login always makes a new id and
// deletes the session the browser had (rotation).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "synlig/core/clock.h"
#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/core/random.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

struct Principal {
  storage::User user;
  storage::Session session;
  Actor actor(std::string ip) const { return Actor{user.id, user.username, std::move(ip)}; }
};

struct AuthPolicy {
  std::int64_t session_ttl_seconds = 8 * 3600;
  int lockout_threshold = 5;
  std::int64_t lockout_seconds = 15 * 60;
  PasswordCost password_cost = InteractivePasswordCost();
};

struct LoginSuccess {
  std::string cookie_value;  // the new session id, for the Set-Cookie header only
  Principal principal;
};

class AuthService {
 public:
  AuthService(storage::Database& db, const Clock& clock, Random& random, AuthPolicy policy);

  // Checks the password (Argon2id) and makes a new session; deletes the session of
  // `old_cookie` if any. Every failure — unknown user, wrong password, locked, disabled —
  // is the same kUnauthenticated to the caller, while the audit log records which
  // ("login_failed" with detail). kUnavailable/kInternal when the store fails.
  Result<LoginSuccess> Login(std::string_view username, std::string_view password,
                             std::string_view old_cookie, std::string_view ip);

  // The user of a session cookie; nullopt when absent, unknown, expired or the user is
  // disabled or gone.
  std::optional<Principal> Authenticate(std::string_view cookie_value);

  // Deletes the session and audit-logs "logout".
  Status Logout(const Principal& principal, std::string_view ip);

 private:
  storage::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuthPolicy policy_;
  std::string dummy_hash_;  // verified against for unknown users, so timing reveals less
};

}  // namespace synlig::web
