// The route table: every route names the roles it admits; whatever is not in the table is
// denied. docs/routes.md is this table in prose (a unit test keeps them in step).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/role.h"

namespace synlig::web {

enum class RouteId {
  kHealthz,
  kStatic,
  kLang,
  kHome,
  kLoginForm,
  kLogin,
  kLogout,
  kRespondentForm,
  kRespondentPost,
  kRoundsList,
  kRoundNew,
  kRoundCreate,
  kRoundDashboard,
  kRoundOpen,
  kRoundClose,
  kRoundLinks,
  kRoundLinksCsv,
  kRoundTablesCsv,
  kRoundAds,
  kRoundAdsUpload,
  kRoundAdsReport,
  kReportsList,
  kReport,
  kReportCsv,
  kMyUnit,
  kAdminUsers,
  kAdminUserCreate,
  kAdminUserDisable,
  kAdminUserEnable,
  kAdminUserPassword,
  kAdminUnits,
  kAdminUnitCreate,
  kAdminAudit,
  // attitude-work log and MIKA/KAST (prevention_handlers.h, clinic_handlers.h)
  kPreventionLog,
  kPreventionActivityNew,
  kPreventionActivityCreate,
  kPreventionActivity,
  kPreventionAttitudes,
  kPreventionActivityDelete,
  kPreventionSchools,
  kPreventionSchoolCreate,
  kPreventionCoverage,
  kClinicHome,
  kClinicStatistics,
  kClinicLog,
  kClinicContactCreate,
  kClinicContactDelete,
  kAdminClinics,
  kAdminClinicCreate,
  kAdminClinicStaff,
  kFeasibility,
  kFeasibilityAssumptions,
  kFeasibilityReferenceCreate,
  kFeasibilityReferenceDelete,
  // training register (training_handlers.h)
  kTrainingCoverage,
  kTrainingTargetPost,
  kTrainingUnit,
  kTrainingOrganisation,
  kTrainingDepartmentCreate,
  kTrainingDepartmentUpdate,
  kTrainingUnitCreate,
  kTrainingUnitUpdate,
  kTrainingRoleCreate,
  kTrainingRoleUpdate,
  kTrainingEmployees,
  kTrainingEmployeeCreate,
  kTrainingEmployee,
  kTrainingEmployeeUpdate,
  kTrainingEmployeeDeactivate,
  kTrainingEmployeeActivate,
  kTrainingCourses,
  kTrainingCourseCreate,
  kTrainingCourse,
  kTrainingCourseUpdate,
  kTrainingCompletions,
  kTrainingCompletionCreate,
  kTrainingCompletionDelete,
  kTrainingImport,
  kTrainingImportUpload,
  kTrainingImportPreview,
  kTrainingImportConfirm,
  kTrainingImportDiscard,
  kTrainingReminders,
  kTrainingRemindersSend,
  // the council report's workflow (report_handlers.h)
  kReportEditor,
  kReportEditorPost,
  kReportPublish,
  kReportSav,
  kReportApprovals,
  kReportReview,
  kReportApprove,
  kReportSendBack,
  kReportFile,
};

enum class Access {
  kAnonymous,   // anyone, logged in or not
  kRespondent,  // anyone holding the link's token (checked by the handler)
  kRoles,       // a logged-in user whose role is in `roles`
};

using RoleMask = std::uint32_t;
constexpr RoleMask RoleBit(Role role) { return RoleMask{1} << static_cast<int>(role); }
constexpr RoleMask kEveryRole = (RoleMask{1} << kAllRoles.size()) - 1;

struct Route {
  RouteId id;
  std::string_view method;   // "GET" (also answers HEAD) or "POST"
  std::string_view pattern;  // segments; {id} = decimal id, {token} / {file} = one segment
  Access access;
  RoleMask roles;            // for kRoles
  std::string_view summary;  // what it does, for docs/routes.md
};

std::span<const Route> RouteTable();

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> args;  // the placeholders' values, in order
};

// The route for method and path, or nullopt (-> 404). HEAD matches GET routes.
std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path);

enum class Decision {
  kAllow,
  kRedirectToLogin,  // anonymous on a GET page that needs a role
  kUnauthenticated,  // anonymous on any other request that needs a role (401)
  kForbidden,        // logged in without the role (403)
};
// `role` is nullopt for an anonymous request.
Decision Decide(const Route& route, std::string_view method, std::optional<Role> role);

// "admin, analyst" / "anonymous" / "respondent token", as written in docs/routes.md.
std::string AccessText(const Route& route);

}  // namespace synlig::web
