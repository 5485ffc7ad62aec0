// Request dispatch: route lookup, authentication, the role check, CSRF, then the handler.
#include "app.h"

#include <array>

#include "csrf.h"
#include "embedded.h"
#include "error_status.h"
#include "clinic_handlers.h"
#include "handlers.h"
#include "page.h"
#include "prevention_handlers.h"
#include "report_handlers.h"
#include "routes.h"

namespace synlig::web {
namespace {

// Every template of web/templates, loaded at start-up. One name a line.
constexpr std::string_view kTemplateNames[] = {
    "layout",
    "message",
    "home",
    "login",
    "respondent_form",
    "respondent_done",
    "rounds_list",
    "round_new",
    "round_dashboard",
    "round_links",
    "reports_list",
    "report",
    "my_unit",
    "admin_users",
    "admin_units",
    "admin_audit",
    "respondent_submitted",
    "tables",
    "prevention_log",
    "prevention_activity_new",
    "prevention_activity",
    "prevention_schools",
    "prevention_coverage",
    "prevention_tiles",
    "clinic_log",
    "clinic_statistics",
    "clinic_admin",
    "clinic_feasibility",
    "report_editor",
    "report_approvals",
    "report_review",
};

void Dispatch(RouteId id, RequestContext& ctx) {
  switch (id) {
    case RouteId::kHealthz:
      return HandleHealthz(ctx);
    case RouteId::kStatic:
      return HandleStatic(ctx);
    case RouteId::kLang:
      return HandleLang(ctx);
    case RouteId::kHome:
      return HandleHome(ctx);
    case RouteId::kLoginForm:
      return HandleLoginForm(ctx);
    case RouteId::kLogin:
      return HandleLogin(ctx);
    case RouteId::kLogout:
      return HandleLogout(ctx);
    case RouteId::kRespondentForm:
      return HandleRespondentForm(ctx);
    case RouteId::kRespondentPost:
      return HandleRespondentPost(ctx);
    case RouteId::kRoundsList:
      return HandleRoundsList(ctx);
    case RouteId::kRoundNew:
      return HandleRoundNew(ctx);
    case RouteId::kRoundCreate:
      return HandleRoundCreate(ctx);
    case RouteId::kRoundDashboard:
      return HandleRoundDashboard(ctx);
    case RouteId::kRoundOpen:
      return HandleRoundOpen(ctx);
    case RouteId::kRoundClose:
      return HandleRoundClose(ctx);
    case RouteId::kRoundLinks:
      return HandleRoundLinks(ctx);
    case RouteId::kRoundLinksCsv:
      return HandleRoundLinksCsv(ctx);
    case RouteId::kRoundTablesCsv:
      return HandleRoundTablesCsv(ctx);
    case RouteId::kReportsList:
      return HandleReportsList(ctx);
    case RouteId::kReport:
      return HandleReport(ctx);
    case RouteId::kReportCsv:
      return HandleReportCsv(ctx);
    case RouteId::kMyUnit:
      return HandleMyUnit(ctx);
    case RouteId::kAdminUsers:
      return HandleAdminUsers(ctx);
    case RouteId::kAdminUserCreate:
      return HandleAdminUserCreate(ctx);
    case RouteId::kAdminUserDisable:
      return HandleAdminUserDisable(ctx);
    case RouteId::kAdminUserEnable:
      return HandleAdminUserEnable(ctx);
    case RouteId::kAdminUserPassword:
      return HandleAdminUserPassword(ctx);
    case RouteId::kAdminUnits:
      return HandleAdminUnits(ctx);
    case RouteId::kAdminUnitCreate:
      return HandleAdminUnitCreate(ctx);
    case RouteId::kAdminAudit:
      return HandleAdminAudit(ctx);
    case RouteId::kPreventionLog:
      return HandlePreventionLog(ctx);
    case RouteId::kPreventionActivityNew:
      return HandlePreventionActivityNew(ctx);
    case RouteId::kPreventionActivityCreate:
      return HandlePreventionActivityCreate(ctx);
    case RouteId::kPreventionActivity:
      return HandlePreventionActivity(ctx);
    case RouteId::kPreventionAttitudes:
      return HandlePreventionAttitudes(ctx);
    case RouteId::kPreventionActivityDelete:
      return HandlePreventionActivityDelete(ctx);
    case RouteId::kPreventionSchools:
      return HandlePreventionSchools(ctx);
    case RouteId::kPreventionSchoolCreate:
      return HandlePreventionSchoolCreate(ctx);
    case RouteId::kPreventionCoverage:
      return HandlePreventionCoverage(ctx);
    case RouteId::kClinicHome:
      return HandleClinicHome(ctx);
    case RouteId::kClinicStatistics:
      return HandleClinicStatistics(ctx);
    case RouteId::kClinicLog:
      return HandleClinicLog(ctx);
    case RouteId::kClinicContactCreate:
      return HandleClinicContactCreate(ctx);
    case RouteId::kClinicContactDelete:
      return HandleClinicContactDelete(ctx);
    case RouteId::kAdminClinics:
      return HandleAdminClinics(ctx);
    case RouteId::kAdminClinicCreate:
      return HandleAdminClinicCreate(ctx);
    case RouteId::kAdminClinicStaff:
      return HandleAdminClinicStaff(ctx);
    case RouteId::kFeasibility:
      return HandleFeasibility(ctx);
    case RouteId::kFeasibilityAssumptions:
      return HandleFeasibilityAssumptions(ctx);
    case RouteId::kFeasibilityReferenceCreate:
      return HandleFeasibilityReferenceCreate(ctx);
    case RouteId::kFeasibilityReferenceDelete:
      return HandleFeasibilityReferenceDelete(ctx);
    case RouteId::kReportEditor:
      return HandleReportEditor(ctx);
    case RouteId::kReportEditorPost:
      return HandleReportEditorPost(ctx);
    case RouteId::kReportPublish:
      return HandleReportPublish(ctx);
    case RouteId::kReportSav:
      return HandleReportSav(ctx);
    case RouteId::kReportApprovals:
      return HandleReportApprovals(ctx);
    case RouteId::kReportReview:
      return HandleReportReview(ctx);
    case RouteId::kReportApprove:
      return HandleReportApprove(ctx);
    case RouteId::kReportSendBack:
      return HandleReportSendBack(ctx);
    case RouteId::kReportFile:
      return HandleReportFile(ctx);
  }
}

// Routes that never look at the session: cheap, and the respondent's pages do not depend
// on who else may be logged in in the same browser.
bool NeedsSession(const Route& route) {
  return route.id != RouteId::kHealthz && route.id != RouteId::kStatic &&
         route.access != Access::kRespondent;
}

}  // namespace

App::App(ServerDeps deps, ServerOptions options)
    : deps_(deps),
      options_(std::move(options)),
      cookie_names_(MakeCookieNames(options_.secure_cookies)) {}

Result<std::unique_ptr<App>> App::Create(ServerDeps deps, ServerOptions options) {
  if (auto s = InitCrypto(); !s) return Unexpected(s.error());
  std::unique_ptr<App> app(new App(deps, std::move(options)));
  const auto sv = assets::EmbeddedFile("web/i18n/sv.json");
  const auto en = assets::EmbeddedFile("web/i18n/en.json");
  if (!sv || !en) return InvalidArgument("the message catalogs are not embedded", "catalog");
  auto catalog = Catalog::Parse(*sv, *en);
  if (!catalog) return Unexpected(catalog.error());
  app->catalog_ = std::make_unique<Catalog>(*std::move(catalog));
  auto templates = Templates::Load(*app->catalog_, &assets::EmbeddedFile, kTemplateNames);
  if (!templates) return Unexpected(templates.error());
  app->templates_ = *std::move(templates);
  AuthPolicy policy;
  policy.session_ttl_seconds = app->options_.session_ttl_seconds;
  policy.lockout_threshold = app->options_.lockout_threshold;
  policy.lockout_seconds = app->options_.lockout_seconds;
  policy.password_cost = app->options_.password_cost;
  app->auth_ = std::make_unique<AuthService>(deps.db, deps.clock, deps.random, policy);
  return app;
}

HttpResponse App::ErrorPage(int status, const std::string& cookie_header) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/";
  HttpResponse response;
  RequestContext ctx{*this, request, response};
  ctx.lang = ParseLang(FindCookie(cookie_header, cookie_names_.lang).value_or(""));
  if (status == 413) {
    RenderMessage(ctx, HttpStatusFor(ErrorCode::kResourceExhausted, ErrorContext::kBody),
                  "error.too_large_title", "error.too_large");
  } else if (status == 404 || status == 405) {
    RenderNotFound(ctx);
  } else if (status >= 500) {
    RenderMessage(ctx, status, "error.internal_title", "error.internal");
  } else {
    RenderMessage(ctx, status, "error.bad_request_title", "error.bad_request");
  }
  response.status = status;
  return response;
}

HttpResponse App::Handle(const HttpRequest& request) {
  HttpResponse response;
  RequestContext ctx{*this, request, response};
  ctx.lang = ParseLang(FindCookie(request.cookie_header, cookie_names_.lang).value_or(""));
  ctx.query = ParseUrlEncoded(request.query);

  const std::optional<RouteMatch> match = MatchRoute(request.method, request.path);
  if (!match) {
    // Not even the session is looked at: every unknown path gets the same bytes.
    RenderNotFound(ctx);
    return response;
  }
  const Route& route = *match->route;
  ctx.args = match->args;
  if (NeedsSession(route)) {
    if (const auto cookie = FindCookie(request.cookie_header, cookie_names_.session)) {
      ctx.principal = auth_->Authenticate(*cookie);
    }
  }
  const std::optional<Role> role =
      ctx.principal ? std::optional<Role>(ctx.principal->user.role) : std::nullopt;
  switch (Decide(route, request.method, role)) {
    case Decision::kAllow:
      break;
    case Decision::kRedirectToLogin: {
      std::string next = request.path;
      if (!request.query.empty()) next += "?" + request.query;
      response.Redirect("/login?next=" + UrlEncode(next));
      return response;
    }
    case Decision::kUnauthenticated:
      RenderMessage(ctx, HttpStatusFor(ErrorCode::kUnauthenticated), "error.unauthenticated_title",
                    "error.unauthenticated");
      return response;
    case Decision::kForbidden:
      RenderMessage(ctx, HttpStatusFor(ErrorCode::kPermissionDenied), "error.forbidden_title",
                    "error.forbidden");
      return response;
  }
  if (request.method == "POST") {
    if (request.content_type.starts_with("application/x-www-form-urlencoded")) {
      ctx.form = ParseUrlEncoded(request.body);
    }
    if (route.access == Access::kRoles) {
      std::string_view given = ctx.Form("csrf");
      if (given.empty()) given = request.csrf_header;
      if (!CsrfMatches(ctx.principal->session.csrf_token, given)) {
        RenderMessage(ctx, HttpStatusFor(ErrorCode::kPermissionDenied), "error.csrf_title",
                      "error.csrf");
        return response;
      }
    }
  }
  Dispatch(route.id, ctx);
  return response;
}

}  // namespace synlig::web
