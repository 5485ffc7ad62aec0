// Cookie parsing and Set-Cookie construction: the session cookie (HttpOnly, SameSite=Strict,
// Secure and the __Host- prefix when served over TLS), the login-form cookie and the language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace synlig::web {

// The value of cookie `name` in a Cookie request header, or nullopt.
std::optional<std::string_view> FindCookie(std::string_view cookie_header, std::string_view name);

struct CookieNames {
  std::string session;  // "__Host-synlig_session" when secure, else "synlig_session"
  std::string login;    // binds the anonymous login form's CSRF token to this browser
  std::string lang;     // "sv" or "en"
};
CookieNames MakeCookieNames(bool secure);

enum class SameSite { kStrict, kLax };
struct CookieAttributes {
  bool secure = false;
  bool http_only = true;
  SameSite same_site = SameSite::kStrict;
  std::optional<std::int64_t> max_age;  // nullopt = a browser-session cookie; 0 deletes
};
// "name=value; Path=/; Max-Age=..; HttpOnly; Secure; SameSite=Strict". Never sets Domain, so
// a __Host- name stays valid. Precondition: name and value hold only cookie-safe characters.
std::string SetCookieValue(std::string_view name, std::string_view value,
                           const CookieAttributes& attributes);

}  // namespace synlig::web
