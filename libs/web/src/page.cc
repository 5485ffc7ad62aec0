// The layout around every page, navigation by role, and the error pages.
#include "page.h"

#include <ctime>

#include "error_status.h"
#include "log.h"

namespace synlig::web {
namespace {

struct NavItem {
  std::string_view href;
  std::string_view label_key;
  Role role;
};

constexpr NavItem kNav[] = {
    {"/rounds", "nav.rounds", Role::kAnalyst},   {"/reports", "nav.reports", Role::kAnalyst},
    {"/reports", "nav.reports", Role::kReader},  {"/my-unit", "nav.my_unit", Role::kCoordinator},
    {"/admin/users", "nav.users", Role::kAdmin}, {"/admin/units", "nav.units", Role::kAdmin},
    {"/admin/audit", "nav.audit", Role::kAdmin},
    // attitude-work log and MIKA/KAST
    {"/prevention", "prevention.nav_log", Role::kPreventionCoordinator},
    {"/prevention/schools", "prevention.nav_schools", Role::kPreventionCoordinator},
    {"/prevention/coverage", "prevention.nav_coverage", Role::kPreventionCoordinator},
    {"/clinic", "clinic.nav_log", Role::kClinicStaff},
    {"/prevention/coverage", "prevention.nav_coverage", Role::kReader},
    {"/clinics/statistics", "clinic.nav_statistics", Role::kReader},
    {"/feasibility", "clinic.nav_feasibility", Role::kReader},
    {"/feasibility", "clinic.nav_feasibility", Role::kAnalyst},
    {"/admin/clinics", "clinic.nav_admin", Role::kAdmin},
    // training register
    {"/training", "training.nav.register", Role::kTrainingCoordinator},
    {"/training", "training.nav.register", Role::kAdmin},
    // council report workflow
    {"/approvals", "report.nav_approvals", Role::kManager},
    {"/reports", "nav.reports", Role::kManager},
};

bool IsCurrent(std::string_view path, std::string_view href) {
  return path == href ||
         (path.starts_with(href) && path.size() > href.size() && path[href.size()] == '/');
}

}  // namespace

void RenderPage(RequestContext& ctx, std::string_view name, std::string_view title,
                TemplateData data, const PageOptions& options) {
  const Templates& templates = ctx.app.templates();
  data.set("lang", std::string(LangCode(ctx.lang)));
  if (ctx.principal) data.set("csrf", ctx.principal->session.csrf_token);
  std::string body = templates.Render(name, ctx.lang, data);

  TemplateData layout;
  layout.set("lang", std::string(LangCode(ctx.lang)));
  layout.set("title", std::string(title));
  layout.set("body", std::move(body));
  const bool to_en = ctx.lang == Lang::kSv;
  layout.set("switch_lang", std::string(to_en ? "en" : "sv"));
  layout.set("switch_label", std::string(ctx.T(to_en ? "lang.switch_to_en" : "lang.switch_to_sv")));
  layout.set("switch_hreflang", std::string(to_en ? "en" : "sv"));
  if (!options.lang_form_id.empty()) {
    layout.set("lang_form_id", options.lang_form_id);
  } else {
    layout.set("lang_next", options.lang_switch_next.empty() ? SafeLocalPath(ctx.req.path)
                                                             : options.lang_switch_next);
  }
  if (ctx.principal) {
    const storage::User& user = ctx.principal->user;
    TemplateData u;
    u.set("name", user.display_name.empty() ? user.username : user.display_name);
    u.set("role", std::string(RoleName(user.role, ctx.lang)));
    layout.set("user", u);
    layout.set("csrf", ctx.principal->session.csrf_token);
    TemplateList nav;
    TemplateData home;
    home.set("href", std::string("/"));
    home.set("label", std::string(ctx.T("nav.home")));
    if (ctx.req.path == "/") home.set("current", true);
    nav.push_back(home);
    for (const NavItem& item : kNav) {
      if (item.role != user.role) continue;
      TemplateData d;
      d.set("href", std::string(item.href));
      d.set("label", std::string(ctx.T(item.label_key)));
      if (IsCurrent(ctx.req.path, item.href)) d.set("current", true);
      nav.push_back(d);
    }
    layout.set("nav", nav);
  }
  ctx.res.status = options.status;
  ctx.res.content_type = "text/html; charset=utf-8";
  ctx.res.body = templates.Render("layout", ctx.lang, layout);
}

void RenderMessage(RequestContext& ctx, int status, std::string_view title_key,
                   std::string_view message_key) {
  TemplateData data;
  data.set("heading", std::string(ctx.T(title_key)));
  data.set("message", std::string(ctx.T(message_key)));
  if (!ctx.principal) data.set("show_login", status == 401 || status == 403);
  PageOptions options;
  options.status = status;
  options.lang_switch_next = "/";
  RenderPage(ctx, "message", ctx.T(title_key), std::move(data), options);
}

void RenderNotFound(RequestContext& ctx) {
  RenderMessage(ctx, HttpStatusFor(ErrorCode::kNotFound), "error.not_found_title",
                "error.not_found");
}

void RenderError(RequestContext& ctx, const Error& error) {
  const int status = HttpStatusFor(error.code());
  if (status >= 500) {
    LogLine("error", "request failed",
            {{"code", ErrorCodeName(error.code())}, {"error", error.message()}});
  }
  switch (error.code()) {
    case ErrorCode::kNotFound:
      return RenderNotFound(ctx);
    case ErrorCode::kPermissionDenied:
      return RenderMessage(ctx, status, "error.forbidden_title", "error.forbidden");
    case ErrorCode::kUnauthenticated:
      return RenderMessage(ctx, status, "error.unauthenticated_title", "error.unauthenticated");
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kAlreadyExists:
      return RenderMessage(ctx, status, "error.conflict_title", "error.conflict");
    case ErrorCode::kInvalidArgument:
      return RenderMessage(ctx, status, "error.bad_request_title", "error.bad_request");
    case ErrorCode::kResourceExhausted:
      return RenderMessage(ctx, status, "error.too_many_title", "error.too_many");
    case ErrorCode::kUnavailable:
      return RenderMessage(ctx, status, "error.unavailable_title", "error.unavailable");
    case ErrorCode::kInternal:
      break;
  }
  RenderMessage(ctx, status, "error.internal_title", "error.internal");
}

std::int64_t ArgId(const RequestContext& ctx, std::size_t i) {
  std::int64_t value = 0;
  for (const char c : ctx.args.at(i)) value = value * 10 + (c - '0');
  return value;
}

std::string BaseUrl(const RequestContext& ctx) {
  const std::string& host = ctx.req.host;
  if (host.empty() || host.size() > 255) return {};
  for (const char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return {};
  }
  return (ctx.app.options().secure_cookies ? "https://" : "http://") + host;
}

std::string FieldErrorKey(std::string_view form, const Error& error) {
  std::string key(form);
  key.append(".error.").append(error.field().empty() ? "general" : error.field());
  if (error.code() == ErrorCode::kAlreadyExists) key.append("_taken");
  return key;
}

std::string_view SectorName(Sector sector, Lang lang) {
  return lang == Lang::kEn ? SectorNameEn(sector) : SectorNameSv(sector);
}

std::string_view RoleName(Role role, Lang lang) {
  return lang == Lang::kEn ? RoleNameEn(role) : RoleNameSv(role);
}

std::string FormatTime(std::int64_t unix_seconds) {
  if (unix_seconds == 0) return {};
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string FormatRate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "–";
  const std::int64_t pct = (part * 100 + whole / 2) / whole;
  return std::to_string(pct) + " %";
}

}  // namespace synlig::web
