// Plain request/response values the handlers work on, so page logic is testable without a
// socket; server.cc adapts cpp-httplib to them. Also URL-encoded form parsing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace synlig::web {

// Ordered name/value pairs of a query string or an urlencoded form body (names may repeat).
using Params = std::vector<std::pair<std::string, std::string>>;

// Decodes application/x-www-form-urlencoded text ('+' is a space, %XX a byte). Malformed
// escapes are kept literally; pairs without '=' get an empty value; empty names are dropped.
Params ParseUrlEncoded(std::string_view text);
// First value of `name`, or nullopt.
std::optional<std::string_view> FindParam(const Params& params, std::string_view name);
// Every value of `name` in order.
std::vector<std::string_view> FindAllParams(const Params& params, std::string_view name);
// Percent-encodes for use in a query value.
std::string UrlEncode(std::string_view text);

struct HttpRequest {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string path;    // without the query
  std::string query;   // raw query string, without '?'
  std::string body;
  std::string content_type;
  std::string cookie_header;
  std::string csrf_header;  // X-CSRF-Token
  std::string host;
  std::string remote_addr;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Location, Set-Cookie, ...
  bool cacheable = false;                                    // false: Cache-Control no-store

  void Redirect(std::string location, int code = 303) {
    status = code;
    headers.emplace_back("Location", std::move(location));
  }
};

// A local redirect target: starts with a single '/', no backslash or control characters.
// Anything else becomes "/".
std::string SafeLocalPath(std::string_view next);

}  // namespace synlig::web
