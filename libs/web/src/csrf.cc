// CSRF token derivation and constant-time comparison.
#include "csrf.h"

namespace synlig::web {

bool CsrfMatches(std::string_view expected, std::string_view given) {
  if (expected.empty() || given.empty()) return false;
  return ConstantTimeEquals(expected, given);
}

std::string RespondentCsrf(const SecretKey& session_key, std::string_view token_hash) {
  std::string message = "csrf|";
  message.append(token_hash);
  return KeyedHash(session_key, message);
}

std::string LoginCsrf(const SecretKey& session_key, std::string_view login_cookie) {
  std::string message = "login|";
  message.append(login_cookie);
  return KeyedHash(session_key, message);
}

}  // namespace synlig::web
