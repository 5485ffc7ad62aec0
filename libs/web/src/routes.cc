// The route table and its matcher. Patterns are matched segment by segment: no regular
// expressions on the request path.
#include "routes.h"

#include <array>

namespace synlig::web {
namespace {

constexpr RoleMask kAdmin = RoleBit(Role::kAdmin);
constexpr RoleMask kAnalyst = RoleBit(Role::kAnalyst);
constexpr RoleMask kCoordinator = RoleBit(Role::kCoordinator);
constexpr RoleMask kReader = RoleBit(Role::kReader);
constexpr RoleMask kManager = RoleBit(Role::kManager);
constexpr RoleMask kTraining = RoleBit(Role::kTrainingCoordinator) | kAdmin;
constexpr RoleMask kPrevention = RoleBit(Role::kPreventionCoordinator);
constexpr RoleMask kClinicStaff = RoleBit(Role::kClinicStaff);

constexpr std::array kRoutes = {
    Route{RouteId::kHealthz, "GET", "/healthz", Access::kAnonymous, 0, "liveness: 200 \"ok\""},
    Route{RouteId::kStatic, "GET", "/static/{file}", Access::kAnonymous, 0,
          "embedded CSS and images"},
    Route{RouteId::kLang, "GET", "/lang", Access::kAnonymous, 0,
          "sets the language cookie (lang=sv|en), 303 to the local path in next"},
    Route{RouteId::kHome, "GET", "/", Access::kRoles, kEveryRole,
          "home page with the role's links"},
    Route{RouteId::kLoginForm, "GET", "/login", Access::kAnonymous, 0,
          "login form; sets the login-form cookie"},
    Route{RouteId::kLogin, "POST", "/login", Access::kAnonymous, 0,
          "log in (login-form CSRF); 303 to next or /"},
    Route{RouteId::kLogout, "POST", "/logout", Access::kRoles, kEveryRole,
          "log out; 303 to /login"},
    Route{RouteId::kRespondentForm, "GET", "/r/{token}", Access::kRespondent, 0,
          "the questionnaire of an anonymous link"},
    Route{RouteId::kRespondentPost, "POST", "/r/{token}", Access::kRespondent, 0,
          "save / add entry / remove entry / submit the questionnaire"},
    Route{RouteId::kRoundsList, "GET", "/rounds", Access::kRoles, kAnalyst, "list of rounds"},
    Route{RouteId::kRoundNew, "GET", "/rounds/new", Access::kRoles, kAnalyst,
          "form to create a round"},
    Route{RouteId::kRoundCreate, "POST", "/rounds", Access::kRoles, kAnalyst,
          "create a round; 303 to /rounds/{id}"},
    Route{RouteId::kRoundDashboard, "GET", "/rounds/{id}", Access::kRoles, kAnalyst,
          "dashboard: response status, persons known, tables (audit: case_rows_view)"},
    Route{RouteId::kRoundOpen, "POST", "/rounds/{id}/open", Access::kRoles, kAnalyst,
          "draft -> open"},
    Route{RouteId::kRoundClose, "POST", "/rounds/{id}/close", Access::kRoles, kAnalyst,
          "open -> closed"},
    Route{RouteId::kRoundLinks, "POST", "/rounds/{id}/links", Access::kRoles, kAnalyst,
          "generate anonymous links; the page shows them once"},
    Route{RouteId::kRoundLinksCsv, "POST", "/rounds/{id}/links.csv", Access::kRoles, kAnalyst,
          "CSV of the links just generated (tokens posted back from that page)"},
    Route{RouteId::kRoundTablesCsv, "GET", "/rounds/{id}/tables.csv", Access::kRoles, kAnalyst,
          "tables as CSV, lang=sv|en (audit: case_rows_export)"},
    Route{RouteId::kRoundAds, "GET", "/rounds/{id}/ads", Access::kRoles, kAnalyst,
          "online-ad imports of the round: upload form, counts and tables"},
    Route{RouteId::kRoundAdsUpload, "POST", "/rounds/{id}/ads", Access::kRoles, kAnalyst,
          "upload an ad file (multipart); stores aggregate counts only"},
    Route{RouteId::kRoundAdsReport, "POST", "/rounds/{id}/ads/report", Access::kRoles,
          kAnalyst, "choose the ad import the council report uses (import=ID)"},
    Route{RouteId::kReportsList, "GET", "/reports", Access::kRoles,
          kReader | kAnalyst | kManager, "published reports"},
    Route{RouteId::kReport, "GET", "/reports/{id}", Access::kRoles, kReader | kAnalyst | kManager,
          "the published report as stored, downloads with checksums (published only)"},
    Route{RouteId::kReportCsv, "GET", "/reports/{id}/tables.csv", Access::kRoles,
          kReader | kAnalyst | kManager, "the published report's stored CSV"},
    Route{RouteId::kReportFile, "GET", "/reports/{id}/files/{file}", Access::kRoles,
          kReader | kAnalyst | kManager, "download of a stored export (html, csv, pdf, ...)"},
    Route{RouteId::kReportEditor, "GET", "/rounds/{id}/report", Access::kRoles, kAnalyst,
          "report editor: a text per section beside the protected tables"},
    Route{RouteId::kReportEditorPost, "POST", "/rounds/{id}/report", Access::kRoles, kAnalyst,
          "save, preview or submit the report's texts"},
    Route{RouteId::kReportPublish, "POST", "/rounds/{id}/report/publish", Access::kRoles,
          kAnalyst, "publish an approved report; destroys the round's matching key"},
    Route{RouteId::kReportSav, "GET", "/rounds/{id}/report.sav", Access::kRoles, kAnalyst,
          "SPSS .sav of the round's protected aggregate tables"},
    Route{RouteId::kReportApprovals, "GET", "/approvals", Access::kRoles, kManager,
          "reports submitted for approval"},
    Route{RouteId::kReportReview, "GET", "/approvals/{id}", Access::kRoles, kManager,
          "a submitted report with approve / send back"},
    Route{RouteId::kReportApprove, "POST", "/approvals/{id}/approve", Access::kRoles, kManager,
          "submitted -> approved"},
    Route{RouteId::kReportSendBack, "POST", "/approvals/{id}/send-back", Access::kRoles,
          kManager, "submitted -> draft with a comment"},
    Route{RouteId::kMyUnit, "GET", "/my-unit", Access::kRoles, kCoordinator,
          "response status of the coordinator's own unit"},
    Route{RouteId::kAdminUsers, "GET", "/admin/users", Access::kRoles, kAdmin, "list of users"},
    Route{RouteId::kAdminUserCreate, "POST", "/admin/users", Access::kRoles, kAdmin, "add a user"},
    Route{RouteId::kAdminUserDisable, "POST", "/admin/users/{id}/disable", Access::kRoles, kAdmin,
          "disable a user (ends their sessions)"},
    Route{RouteId::kAdminUserEnable, "POST", "/admin/users/{id}/enable", Access::kRoles, kAdmin,
          "enable a user"},
    Route{RouteId::kAdminUserPassword, "POST", "/admin/users/{id}/password", Access::kRoles, kAdmin,
          "set a new password (clears the lock-out)"},
    Route{RouteId::kAdminUnits, "GET", "/admin/units", Access::kRoles, kAdmin, "list of units"},
    Route{RouteId::kAdminUnitCreate, "POST", "/admin/units", Access::kRoles, kAdmin, "add a unit"},
    Route{RouteId::kAdminAudit, "GET", "/admin/audit", Access::kRoles, kAdmin,
          "audit log with filters and paging"},
    Route{RouteId::kPreventionLog, "GET", "/prevention", Access::kRoles, kPrevention,
          "attitude-work log of a school year"},
    Route{RouteId::kPreventionActivityNew, "GET", "/prevention/activities/new", Access::kRoles,
          kPrevention, "form to log an activity"},
    Route{RouteId::kPreventionActivityCreate, "POST", "/prevention/activities", Access::kRoles,
          kPrevention, "log an activity; 303 to /prevention/activities/{id}"},
    Route{RouteId::kPreventionActivity, "GET", "/prevention/activities/{id}", Access::kRoles,
          kPrevention, "an activity with its aggregated attitude answers"},
    Route{RouteId::kPreventionAttitudes, "POST", "/prevention/activities/{id}/attitudes",
          Access::kRoles, kPrevention, "replace the activity's attitude answer counts"},
    Route{RouteId::kPreventionActivityDelete, "POST", "/prevention/activities/{id}/delete",
          Access::kRoles, kPrevention, "delete an activity"},
    Route{RouteId::kPreventionSchools, "GET", "/prevention/schools", Access::kRoles, kPrevention,
          "schools and their grades"},
    Route{RouteId::kPreventionSchoolCreate, "POST", "/prevention/schools", Access::kRoles,
          kPrevention, "add a school"},
    Route{RouteId::kPreventionCoverage, "GET", "/prevention/coverage", Access::kRoles,
          kPrevention | kAnalyst | kReader,
          "coverage per term and school year; attitude answers (readers: under k hidden)"},
    Route{RouteId::kClinicHome, "GET", "/clinic", Access::kRoles, kClinicStaff,
          "303 to the staff member's own clinic"},
    Route{RouteId::kClinicStatistics, "GET", "/clinics/statistics", Access::kRoles,
          kAnalyst | kReader, "contacts of all clinics per month and field, under k hidden"},
    Route{RouteId::kClinicLog, "GET", "/clinics/{id}", Access::kRoles, kClinicStaff,
          "own clinic's contact log (audit: contact_rows_view)"},
    Route{RouteId::kClinicContactCreate, "POST", "/clinics/{id}/contacts", Access::kRoles,
          kClinicStaff, "log an anonymous contact (coded values only)"},
    Route{RouteId::kClinicContactDelete, "POST", "/clinics/{id}/contacts/{id}/delete",
          Access::kRoles, kClinicStaff, "delete a contact of the own clinic"},
    Route{RouteId::kAdminClinics, "GET", "/admin/clinics", Access::kRoles, kAdmin,
          "clinics and their staff"},
    Route{RouteId::kAdminClinicCreate, "POST", "/admin/clinics", Access::kRoles, kAdmin,
          "add a clinic"},
    Route{RouteId::kAdminClinicStaff, "POST", "/admin/clinics/staff", Access::kRoles, kAdmin,
          "assign a clinic_staff user to a clinic"},
    Route{RouteId::kFeasibility, "GET", "/feasibility", Access::kRoles, kAnalyst | kReader,
          "MIKA/KAST feasibility basis (audit: feasibility_view)"},
    Route{RouteId::kFeasibilityAssumptions, "POST", "/feasibility/assumptions", Access::kRoles,
          kAnalyst, "save the cost and staffing assumptions"},
    Route{RouteId::kFeasibilityReferenceCreate, "POST", "/feasibility/references",
          Access::kRoles, kAnalyst, "add a cited reference figure"},
    Route{RouteId::kFeasibilityReferenceDelete, "POST", "/feasibility/references/{id}/delete",
          Access::kRoles, kAnalyst, "delete a reference figure"},
    Route{RouteId::kTrainingCoverage, "GET", "/training", Access::kRoles, kTraining,
          "coverage by department, role, unit and month against the targets; `?date=`"},
    Route{RouteId::kTrainingTargetPost, "POST", "/training/targets", Access::kRoles, kTraining,
          "`action=set` (department, share_percent, due, decision) or `action=remove` "
          "(department) a target"},
    Route{RouteId::kTrainingUnit, "GET", "/training/units/{id}", Access::kRoles, kTraining,
          "who in a unit's target group has no counting course (audit: training_unit_view)"},
    Route{RouteId::kTrainingOrganisation, "GET", "/training/organisation",
          Access::kRoles, kTraining, "departments, units and job roles with forms to add and edit"},
    Route{RouteId::kTrainingDepartmentCreate, "POST", "/training/departments",
          Access::kRoles, kTraining, "add a department or municipal company"},
    Route{RouteId::kTrainingDepartmentUpdate, "POST", "/training/departments/{id}",
          Access::kRoles, kTraining, "rename a department, change its kind"},
    Route{RouteId::kTrainingUnitCreate, "POST", "/training/units", Access::kRoles, kTraining,
          "add a unit of a department"},
    Route{RouteId::kTrainingUnitUpdate, "POST", "/training/units/{id}", Access::kRoles, kTraining,
          "change a unit (name, department, manager e-mail, active)"},
    Route{RouteId::kTrainingRoleCreate, "POST", "/training/roles", Access::kRoles, kTraining,
          "add a job role (in the target group or not)"},
    Route{RouteId::kTrainingRoleUpdate, "POST", "/training/roles/{id}", Access::kRoles, kTraining,
          "rename a job role, set its target-group flag"},
    Route{RouteId::kTrainingEmployees, "GET", "/training/employees", Access::kRoles, kTraining,
          "employees with filters and a form to add one (audit: training_employees_view)"},
    Route{RouteId::kTrainingEmployeeCreate, "POST", "/training/employees",
          Access::kRoles, kTraining, "add an employee (name, e-mail, unit, role)"},
    Route{RouteId::kTrainingEmployee, "GET", "/training/employees/{id}", Access::kRoles, kTraining,
          "an employee with their completions (audit: training_employee_view)"},
    Route{RouteId::kTrainingEmployeeUpdate, "POST", "/training/employees/{id}",
          Access::kRoles, kTraining, "change an employee"},
    Route{RouteId::kTrainingEmployeeDeactivate, "POST", "/training/employees/{id}/deactivate",
          Access::kRoles, kTraining, "deactivate an employee (left the target group)"},
    Route{RouteId::kTrainingEmployeeActivate, "POST", "/training/employees/{id}/activate",
          Access::kRoles, kTraining, "activate an employee again"},
    Route{RouteId::kTrainingCourses, "GET", "/training/courses", Access::kRoles, kTraining,
          "the course catalogue with a form to add a course"},
    Route{RouteId::kTrainingCourseCreate, "POST", "/training/courses", Access::kRoles, kTraining,
          "add a course"},
    Route{RouteId::kTrainingCourse, "GET", "/training/courses/{id}", Access::kRoles, kTraining,
          "form to change a course"},
    Route{RouteId::kTrainingCourseUpdate, "POST", "/training/courses/{id}",
          Access::kRoles, kTraining, "change a course"},
    Route{RouteId::kTrainingCompletions, "GET", "/training/completions", Access::kRoles, kTraining,
          "enter a completion by hand; the latest completions (audit: training_completions_view)"},
    Route{RouteId::kTrainingCompletionCreate, "POST", "/training/completions",
          Access::kRoles, kTraining, "add a completion (employee, course, date in a Swedish "
          "format)"},
    Route{RouteId::kTrainingCompletionDelete, "POST", "/training/completions/{id}/delete",
          Access::kRoles, kTraining, "remove a completion entered by mistake"},
    Route{RouteId::kTrainingImport, "GET", "/training/import", Access::kRoles, kTraining,
          "upload form for a learning-platform export; recent imports"},
    Route{RouteId::kTrainingImportUpload, "POST", "/training/import", Access::kRoles, kTraining,
          "upload (multipart/form-data, field `file`); 303 to the preview"},
    Route{RouteId::kTrainingImportPreview, "GET", "/training/import/{id}",
          Access::kRoles, kTraining, "column mapping, first rows, every row's problem (audit: "
          "training_import_view)"},
    Route{RouteId::kTrainingImportConfirm, "POST", "/training/import/{id}",
          Access::kRoles, kTraining, "import all rows in one transaction, or 422 with every row's "
          "problem"},
    Route{RouteId::kTrainingImportDiscard, "POST", "/training/import/{id}/discard",
          Access::kRoles, kTraining, "discard an upload"},
    Route{RouteId::kTrainingReminders, "GET", "/training/reminders", Access::kRoles, kTraining,
          "reminder form; with `audience` a preview of the messages"},
    Route{RouteId::kTrainingRemindersSend, "POST", "/training/reminders", Access::kRoles, kTraining,
          "send the reminders over SMTP (409 when mail is not configured)"},
};

bool IsDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsFileName(std::string_view s) {
  if (s.empty() || s.size() > 128 || s.front() == '.') return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Splits off the next segment of a path or pattern starting after a '/'.
std::string_view NextSegment(std::string_view& rest) {
  const std::size_t slash = rest.find('/');
  const std::string_view seg = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  return seg;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::vector<std::string>& args) {
  if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/')
    return false;
  if (pattern == "/" || path == "/") return pattern == path;
  std::string_view p = pattern.substr(1);
  std::string_view s = path.substr(1);
  args.clear();
  bool more_p = true;
  bool more_s = true;
  while (more_p && more_s) {
    more_p = p.find('/') != std::string_view::npos;
    more_s = s.find('/') != std::string_view::npos;
    const std::string_view ps = NextSegment(p);
    const std::string_view ss = NextSegment(s);
    if (ps == "{id}") {
      if (!IsDigits(ss)) return false;
      args.emplace_back(ss);
    } else if (ps == "{token}") {
      if (ss.empty() || ss.size() > 256) return false;
      args.emplace_back(ss);
    } else if (ps == "{file}") {
      if (!IsFileName(ss)) return false;
      args.emplace_back(ss);
    } else if (ps != ss) {
      return false;
    }
  }
  return more_p == more_s;
}

}  // namespace

std::span<const Route> RouteTable() { return kRoutes; }

std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path) {
  const std::string_view m = method == "HEAD" ? std::string_view("GET") : method;
  RouteMatch match;
  for (const Route& route : kRoutes) {
    if (route.method != m) continue;
    if (MatchPattern(route.pattern, path, match.args)) {
      match.route = &route;
      return match;
    }
  }
  return std::nullopt;
}

Decision Decide(const Route& route, std::string_view method, std::optional<Role> role) {
  if (route.access != Access::kRoles) return Decision::kAllow;
  if (!role) {
    return method == "GET" || method == "HEAD" ? Decision::kRedirectToLogin
                                               : Decision::kUnauthenticated;
  }
  return (route.roles & RoleBit(*role)) != 0 ? Decision::kAllow : Decision::kForbidden;
}

std::string AccessText(const Route& route) {
  switch (route.access) {
    case Access::kAnonymous:
      return "anonymous";
    case Access::kRespondent:
      return "respondent token";
    case Access::kRoles:
      break;
  }
  if (route.roles == kEveryRole) return "any role";
  std::string out;
  for (const Role role : kAllRoles) {
    if ((route.roles & RoleBit(role)) == 0) continue;
    if (!out.empty()) out.append(", ");
    out.append(RoleCode(role));
  }
  return out;
}

}  // namespace synlig::web
