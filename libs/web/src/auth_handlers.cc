// Health check, static files, the language switch, the home page, login and logout.
#include "csrf.h"
#include "embedded.h"
#include "error_status.h"
#include "handlers.h"
#include "page.h"
#include "prevention_handlers.h"
#include "training_handlers.h"

namespace synlig::web {
namespace {

std::string_view ContentTypeFor(std::string_view file) {
  if (file.ends_with(".css")) return "text/css; charset=utf-8";
  if (file.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (file.ends_with(".svg")) return "image/svg+xml";
  if (file.ends_with(".png")) return "image/png";
  if (file.ends_with(".ico")) return "image/x-icon";
  if (file.ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

CookieAttributes Attributes(const RequestContext& ctx, std::optional<std::int64_t> max_age) {
  CookieAttributes a;
  a.secure = ctx.app.options().secure_cookies;
  a.max_age = max_age;
  return a;
}

void RenderLogin(RequestContext& ctx, std::string_view login_cookie, std::string_view next,
                 bool failed, int status) {
  TemplateData data;
  data.set("login_csrf", LoginCsrf(ctx.app.keys().SessionKey(), login_cookie));
  data.set("next", SafeLocalPath(next));
  if (failed) data.set("failed", true);
  if (ctx.principal) data.set("logged_in_as", ctx.principal->user.username);
  // The page holds only the login form's token: no navigation or logout form.
  ctx.principal.reset();
  PageOptions options;
  options.status = status;
  options.lang_switch_next = "/login";
  RenderPage(ctx, "login", ctx.T("login.title"), std::move(data), options);
}

}  // namespace

void HandleHealthz(RequestContext& ctx) {
  ctx.res.status = 200;
  ctx.res.content_type = "text/plain; charset=utf-8";
  ctx.res.body = "ok";
}

void HandleStatic(RequestContext& ctx) {
  const std::string name = "web/static/" + ctx.args.at(0);
  const auto file = assets::EmbeddedFile(name);
  if (!file) return RenderNotFound(ctx);
  ctx.res.status = 200;
  ctx.res.content_type = ContentTypeFor(name);
  ctx.res.body = std::string(*file);
  ctx.res.cacheable = true;
}

void HandleLang(RequestContext& ctx) {
  const Lang lang = ParseLang(ctx.Query("lang"));
  CookieAttributes a = Attributes(ctx, 365 * 24 * 3600);
  a.same_site = SameSite::kLax;  // so a link followed from an e-mail keeps the language
  ctx.res.headers.emplace_back("Set-Cookie",
                               SetCookieValue(ctx.app.cookie_names().lang, LangCode(lang), a));
  ctx.res.Redirect(SafeLocalPath(ctx.Query("next")));
}

void HandleHome(RequestContext& ctx) {
  TemplateData data;
  const Role role = ctx.principal->user.role;
  data.set("name", ctx.principal->user.display_name);
  data.set("role", std::string(RoleName(role, ctx.lang)));
  data.set(std::string("is_") + std::string(RoleCode(role)), true);
  data.set("followup_tiles", RenderFollowupTiles(ctx));
  if (role == Role::kReader || role == Role::kTrainingCoordinator) {
    data.set("training_tile", RenderTrainingTile(ctx));
  }
  RenderPage(ctx, "home", ctx.T("home.title"), std::move(data));
}

void HandleLoginForm(RequestContext& ctx) {
  const std::string& name = ctx.app.cookie_names().login;
  std::string cookie(FindCookie(ctx.req.cookie_header, name).value_or(""));
  if (cookie.size() < 32 || cookie.size() > 64) {
    cookie = NewToken(ctx.app.random(), 32);
    ctx.res.headers.emplace_back("Set-Cookie", SetCookieValue(name, cookie, Attributes(ctx, {})));
  }
  RenderLogin(ctx, cookie, ctx.Query("next"), false, 200);
}

void HandleLogin(RequestContext& ctx) {
  const CookieNames& names = ctx.app.cookie_names();
  const std::string_view login_cookie = FindCookie(ctx.req.cookie_header, names.login).value_or("");
  std::string_view given = ctx.Form("csrf");
  if (given.empty()) given = ctx.req.csrf_header;
  if (login_cookie.empty() ||
      !CsrfMatches(LoginCsrf(ctx.app.keys().SessionKey(), login_cookie), given)) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kPermissionDenied), "error.csrf_title",
                         "error.csrf_login");
  }
  const std::string_view old = FindCookie(ctx.req.cookie_header, names.session).value_or("");
  auto login =
      ctx.app.auth().Login(ctx.Form("username"), ctx.Form("password"), old, ctx.req.remote_addr);
  if (!login) {
    if (login.error().code() != ErrorCode::kUnauthenticated) return RenderError(ctx, login.error());
    ctx.principal.reset();
    return RenderLogin(ctx, login_cookie, ctx.Form("next"), true,
                       HttpStatusFor(ErrorCode::kUnauthenticated));
  }
  ctx.res.headers.emplace_back(
      "Set-Cookie", SetCookieValue(names.session, login->cookie_value,
                                   Attributes(ctx, ctx.app.options().session_ttl_seconds)));
  ctx.res.headers.emplace_back("Set-Cookie", SetCookieValue(names.login, "", Attributes(ctx, 0)));
  ctx.res.Redirect(SafeLocalPath(ctx.Form("next")));
}

void HandleLogout(RequestContext& ctx) {
  if (auto s = ctx.app.auth().Logout(*ctx.principal, ctx.req.remote_addr); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.headers.emplace_back(
      "Set-Cookie", SetCookieValue(ctx.app.cookie_names().session, "", Attributes(ctx, 0)));
  ctx.res.Redirect("/login");
}

}  // namespace synlig::web
