// Cookie header parsing and Set-Cookie values.
#include "cookies.h"

namespace synlig::web {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    const std::string_view part = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    if (Trim(part.substr(0, eq)) != name) continue;
    std::string_view value = Trim(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

CookieNames MakeCookieNames(bool secure) {
  if (secure) return {"__Host-synlig_session", "__Host-synlig_login", "synlig_lang"};
  return {"synlig_session", "synlig_login", "synlig_lang"};
}

std::string SetCookieValue(std::string_view name, std::string_view value,
                           const CookieAttributes& attributes) {
  std::string out;
  out.reserve(name.size() + value.size() + 80);
  out.append(name).append("=").append(value).append("; Path=/");
  if (attributes.max_age) out.append("; Max-Age=").append(std::to_string(*attributes.max_age));
  if (attributes.http_only) out.append("; HttpOnly");
  if (attributes.secure) out.append("; Secure");
  out.append(attributes.same_site == SameSite::kStrict ? "; SameSite=Strict" : "; SameSite=Lax");
  return out;
}

}  // namespace synlig::web
