// Login with lock-out, session rotation, session lookup and logout.
#include "auth_service.h"

#include "audit.h"

namespace synlig::web {
namespace {

constexpr std::string_view kGenericFailure = "unknown username, wrong password or locked";

// What was typed as a username, shortened and stripped of control characters for the log.
std::string TypedUsername(std::string_view typed) {
  std::string out;
  for (const char c : typed.substr(0, 64)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  }
  return out;
}

}  // namespace

AuthService::AuthService(storage::Database& db, const Clock& clock, Random& random,
                         AuthPolicy policy)
    : db_(db), clock_(clock), random_(random), policy_(policy) {
  auto hash = HashPassword(NewToken(random_, 16), policy_.password_cost);
  if (hash) dummy_hash_ = *std::move(hash);
}

Result<LoginSuccess> AuthService::Login(std::string_view username, std::string_view password,
                                        std::string_view old_cookie, std::string_view ip) {
  const std::int64_t now = clock_.NowUnix();
  const std::string typed = TypedUsername(username);
  auto fail = [&](std::optional<storage::Id> id, std::string_view detail) -> Result<LoginSuccess> {
    const Actor actor{id, typed, std::string(ip)};
    const std::string object = id ? "user:" + std::to_string(*id) : std::string();
    if (auto s = AppendAudit(db_, clock_, actor, "login_failed", object, detail); !s) {
      return Unexpected(s.error());
    }
    return Fail(ErrorCode::kUnauthenticated, std::string(kGenericFailure));
  };

  auto user = db_.users().FindByUsername(typed);
  if (!user) {
    if (user.error().code() != ErrorCode::kNotFound) return Unexpected(user.error());
    if (!dummy_hash_.empty()) (void)VerifyPassword(dummy_hash_, password);
    return fail(std::nullopt, "unknown user");
  }
  if (user->locked_until > now) {
    if (!dummy_hash_.empty()) (void)VerifyPassword(dummy_hash_, password);
    return fail(user->id, "locked");
  }
  if (!VerifyPassword(user->password_hash, password)) {
    auto updated = db_.users().RecordLoginFailure(user->id, now, policy_.lockout_threshold,
                                                  policy_.lockout_seconds);
    if (!updated) return Unexpected(updated.error());
    const bool locked = updated->locked_until > now;
    return fail(user->id, locked ? "wrong password; now locked" : "wrong password");
  }
  if (user->disabled) return fail(user->id, "disabled");

  if (user->failed_logins != 0 || user->locked_until != 0) {
    if (auto s = db_.users().ResetLoginFailures(user->id); !s) return Unexpected(s.error());
  }
  if (!old_cookie.empty()) {
    if (auto s = db_.sessions().Delete(TokenHash(old_cookie)); !s) return Unexpected(s.error());
  }
  (void)db_.sessions().DeleteExpired(now);  // housekeeping; a failure here is harmless

  LoginSuccess success;
  success.cookie_value = NewToken(random_, 32);
  storage::Session& session = success.principal.session;
  session.id_hash = TokenHash(success.cookie_value);
  session.user_id = user->id;
  session.csrf_token = NewToken(random_, 32);
  session.created_at = now;
  session.expires_at = now + policy_.session_ttl_seconds;
  if (auto s = db_.sessions().Create(session); !s) return Unexpected(s.error());
  success.principal.user = *std::move(user);
  const Actor actor = success.principal.actor(std::string(ip));
  if (auto s = AppendAudit(db_, clock_, actor, "login",
                           "user:" + std::to_string(actor.user_id.value_or(0)), "");
      !s) {
    return Unexpected(s.error());
  }
  return success;
}

std::optional<Principal> AuthService::Authenticate(std::string_view cookie_value) {
  if (cookie_value.empty() || cookie_value.size() > 128) return std::nullopt;
  auto session = db_.sessions().Find(TokenHash(cookie_value), clock_.NowUnix());
  if (!session) return std::nullopt;
  auto user = db_.users().Find(session->user_id);
  if (!user || user->disabled) return std::nullopt;
  return Principal{*std::move(user), *std::move(session)};
}

Status AuthService::Logout(const Principal& principal, std::string_view ip) {
  if (auto s = db_.sessions().Delete(principal.session.id_hash); !s) return s;
  return AppendAudit(db_, clock_, principal.actor(std::string(ip)), "logout",
                     "user:" + std::to_string(principal.user.id), "");
}

}  // namespace synlig::web
