// Request dispatch: route lookup, authentication, the role check, CSRF, then the handler.
#include "app.h"

#include <array>

#include "ads_handlers.h"
#include "csrf.h"
#include "embedded.h"
#include "error_status.h"
#include "clinic_handlers.h"
#include "handlers.h"
#include "multipart.h"
#include "page.h"
#include "prevention_handlers.h"
#include "report_handlers.h"
#include "training_handlers.h"
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
    "round_ads",
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
    "training_tile",
    "training_coverage",
    "training_unit",
    "training_organisation",
    "training_employees",
    "training_employee",
    "training_courses",
    "training_course",
    "training_completions",
    "training_import",
    "training_import_preview",
    "training_reminders",
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
    case RouteId::kRoundAds:
      return HandleRoundAds(ctx);
    case RouteId::kRoundAdsUpload:
      return HandleRoundAdsUpload(ctx);
    case RouteId::kRoundAdsReport:
      return HandleRoundAdsReport(ctx);
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
    case RouteId::kTrainingCoverage:
      return HandleTrainingCoverage(ctx);
    case RouteId::kTrainingTargetPost:
      return HandleTrainingTargetPost(ctx);
    case RouteId::kTrainingUnit:
      return HandleTrainingUnit(ctx);
    case RouteId::kTrainingOrganisation:
      return HandleTrainingOrganisation(ctx);
    case RouteId::kTrainingDepartmentCreate:
      return HandleTrainingDepartmentCreate(ctx);
    case RouteId::kTrainingDepartmentUpdate:
      return HandleTrainingDepartmentUpdate(ctx);
    case RouteId::kTrainingUnitCreate:
      return HandleTrainingUnitCreate(ctx);
    case RouteId::kTrainingUnitUpdate:
      return HandleTrainingUnitUpdate(ctx);
    case RouteId::kTrainingRoleCreate:
      return HandleTrainingRoleCreate(ctx);
    case RouteId::kTrainingRoleUpdate:
      return HandleTrainingRoleUpdate(ctx);
    case RouteId::kTrainingEmployees:
      return HandleTrainingEmployees(ctx);
    case RouteId::kTrainingEmployeeCreate:
      return HandleTrainingEmployeeCreate(ctx);
    case RouteId::kTrainingEmployee:
      return HandleTrainingEmployee(ctx);
    case RouteId::kTrainingEmployeeUpdate:
      return HandleTrainingEmployeeUpdate(ctx);
    case RouteId::kTrainingEmployeeDeactivate:
      return HandleTrainingEmployeeDeactivate(ctx);
    case RouteId::kTrainingEmployeeActivate:
      return HandleTrainingEmployeeActivate(ctx);
    case RouteId::kTrainingCourses:
      return HandleTrainingCourses(ctx);
    case RouteId::kTrainingCourseCreate:
      return HandleTrainingCourseCreate(ctx);
    case RouteId::kTrainingCourse:
      return HandleTrainingCourse(ctx);
    case RouteId::kTrainingCourseUpdate:
      return HandleTrainingCourseUpdate(ctx);
    case RouteId::kTrainingCompletions:
      return HandleTrainingCompletions(ctx);
    case RouteId::kTrainingCompletionCreate:
      return HandleTrainingCompletionCreate(ctx);
    case RouteId::kTrainingCompletionDelete:
      return HandleTrainingCompletionDelete(ctx);
    case RouteId::kTrainingImport:
      return HandleTrainingImport(ctx);
    case RouteId::kTrainingImportUpload:
      return HandleTrainingImportUpload(ctx);
    case RouteId::kTrainingImportPreview:
      return HandleTrainingImportPreview(ctx);
    case RouteId::kTrainingImportConfirm:
      return HandleTrainingImportConfirm(ctx);
    case RouteId::kTrainingImportDiscard:
      return HandleTrainingImportDiscard(ctx);
    case RouteId::kTrainingReminders:
      return HandleTrainingReminders(ctx);
    case RouteId::kTrainingRemindersSend:
      return HandleTrainingRemindersSend(ctx);
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

bool App::HasSignedInUser(const std::string& cookie_header) {
  const auto cookie = FindCookie(cookie_header, cookie_names_.session);
  return cookie && auth_->Authenticate(*cookie).has_value();
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
    } else if (request.content_type.starts_with("multipart/form-data")) {
      // The plain fields (the CSRF token among them); handlers read files with ParseMultipart.
      if (auto parts = ParseMultipart(request.content_type, request.body)) {
        for (MultipartPart& part : *parts) {
          if (part.filename.empty()) ctx.form.emplace_back(part.name, std::move(part.data));
        }
      }
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
