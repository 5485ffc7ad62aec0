// CSRF tokens. A logged-in user's token is random per session (stored with the session); the
// anonymous forms derive theirs from the server's session key: the respondent form from the
// link's token hash, the login form from a random cookie set on the login page.
#pragma once

#include <string>
#include <string_view>

#include "synlig/core/crypto.h"

namespace synlig::web {

// Constant-time check that `given` equals `expected`; false when either is empty.
bool CsrfMatches(std::string_view expected, std::string_view given);

// KeyedHash(session_key, "csrf|" + token_hash): the hidden field of the respondent form.
std::string RespondentCsrf(const SecretKey& session_key, std::string_view token_hash);

// KeyedHash(session_key, "login|" + login_cookie): the hidden field of the login form.
std::string LoginCsrf(const SecretKey& session_key, std::string_view login_cookie);

}  // namespace synlig::web
