// The web application without the socket: takes an HttpRequest, finds the route, checks the
// role and CSRF token, calls the page handler and returns an HttpResponse. server.cc feeds it
// from cpp-httplib; tests call Handle() directly.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth_service.h"
#include "cookies.h"
#include "dashboard_service.h"
#include "http.h"
#include "i18n.h"
#include "synlig/web/server.h"
#include "templates.h"

namespace synlig::web {

class App {
 public:
  // kInvalidArgument when the embedded catalogs or templates are broken.
  static Result<std::unique_ptr<App>> Create(ServerDeps deps, ServerOptions options);

  HttpResponse Handle(const HttpRequest& request);
  // Whether the request's cookies hold the session of a signed-in user (the HTTP layer asks
  // before it reads a file upload, which only signed-in users may send in full).
  bool HasSignedInUser(const std::string& cookie_header);
  // A page for an error the HTTP layer found before routing (413 body too large, 400
  // malformed request, 404/405 unknown method), in the language of the cookie.
  HttpResponse ErrorPage(int status, const std::string& cookie_header);

  storage::Database& db() { return deps_.db; }
  KeyStore& keys() { return deps_.keys; }
  ReportExporter* report_exporter() { return deps_.report_exporter; }  // nullptr: own files
  const Clock& clock() const { return deps_.clock; }
  Random& random() { return deps_.random; }
  mail::Sender* mail() { return deps_.mail; }
  const ServerOptions& options() const { return options_; }
  const Catalog& catalog() const { return *catalog_; }
  const Templates& templates() const { return *templates_; }
  AuthService& auth() { return *auth_; }
  const CookieNames& cookie_names() const { return cookie_names_; }
  TablesCache& tables_cache() { return tables_cache_; }

 private:
  App(ServerDeps deps, ServerOptions options);
  ServerDeps deps_;
  ServerOptions options_;
  CookieNames cookie_names_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<Templates> templates_;
  std::unique_ptr<AuthService> auth_;
  TablesCache tables_cache_;
};

// What a handler sees of one request.
struct RequestContext {
  RequestContext(App& a, const HttpRequest& request, HttpResponse& response)
      : app(a), req(request), res(response) {}
  App& app;
  const HttpRequest& req;
  HttpResponse& res;
  Lang lang = Lang::kSv;
  std::optional<Principal> principal;
  std::vector<std::string> args;  // the route's placeholders
  Params query;
  Params form;  // the urlencoded body of a POST

  Actor actor() const {
    return principal ? principal->actor(req.remote_addr) : Actor{std::nullopt, "", req.remote_addr};
  }
  // The catalog's message in the request's language.
  std::string_view T(std::string_view key) const { return app.catalog().Get(lang, key); }
  std::string_view Form(std::string_view name) const {
    return FindParam(form, name).value_or(std::string_view());
  }
  std::string_view Query(std::string_view name) const {
    return FindParam(query, name).value_or(std::string_view());
  }
};

}  // namespace synlig::web
