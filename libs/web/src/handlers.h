// The page handlers, one per route (see routes.h). Each is thin: parse the request, call a
// service or library, map the error, render. Access and CSRF of logged-in users are checked
// by App::Handle before a handler runs.
#pragma once

#include "app.h"

namespace synlig::web {

// auth_handlers.cc: health, static files, language, home, login, logout
void HandleHealthz(RequestContext& ctx);
void HandleStatic(RequestContext& ctx);
void HandleLang(RequestContext& ctx);
void HandleHome(RequestContext& ctx);
void HandleLoginForm(RequestContext& ctx);
void HandleLogin(RequestContext& ctx);
void HandleLogout(RequestContext& ctx);

// respondent_handlers.cc: the questionnaire behind an anonymous link
void HandleRespondentForm(RequestContext& ctx);
void HandleRespondentPost(RequestContext& ctx);

// rounds_handlers.cc: rounds and links (analyst)
void HandleRoundsList(RequestContext& ctx);
void HandleRoundNew(RequestContext& ctx);
void HandleRoundCreate(RequestContext& ctx);
void HandleRoundOpen(RequestContext& ctx);
void HandleRoundClose(RequestContext& ctx);
void HandleRoundLinks(RequestContext& ctx);
void HandleRoundLinksCsv(RequestContext& ctx);

// dashboard_handlers.cc: dashboard, tables, reports, the coordinator's view
void HandleRoundDashboard(RequestContext& ctx);
void HandleRoundTablesCsv(RequestContext& ctx);
void HandleReportsList(RequestContext& ctx);
void HandleReport(RequestContext& ctx);
void HandleReportCsv(RequestContext& ctx);
void HandleMyUnit(RequestContext& ctx);

// admin_handlers.cc: users, units, audit log
void HandleAdminUsers(RequestContext& ctx);
void HandleAdminUserCreate(RequestContext& ctx);
void HandleAdminUserDisable(RequestContext& ctx);
void HandleAdminUserEnable(RequestContext& ctx);
void HandleAdminUserPassword(RequestContext& ctx);
void HandleAdminUnits(RequestContext& ctx);
void HandleAdminUnitCreate(RequestContext& ctx);
void HandleAdminAudit(RequestContext& ctx);

}  // namespace synlig::web
