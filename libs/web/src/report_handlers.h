// The page handlers of the council report's workflow (routes.h: kReport*): the analyst's
// editor, preview, submit and publish, the SPSS export, the manager's approvals, and the
// published report with its stored files for readers, managers and analysts.
#pragma once

#include "app.h"

namespace synlig::web {

void HandleReportEditor(RequestContext& ctx);      // GET  /rounds/{id}/report
void HandleReportEditorPost(RequestContext& ctx);  // POST /rounds/{id}/report
void HandleReportPublish(RequestContext& ctx);     // POST /rounds/{id}/report/publish
void HandleReportSav(RequestContext& ctx);         // GET  /rounds/{id}/report.sav
void HandleReportApprovals(RequestContext& ctx);   // GET  /approvals
void HandleReportReview(RequestContext& ctx);      // GET  /approvals/{id}
void HandleReportApprove(RequestContext& ctx);     // POST /approvals/{id}/approve
void HandleReportSendBack(RequestContext& ctx);    // POST /approvals/{id}/send-back
void HandleReportFile(RequestContext& ctx);        // GET  /reports/{id}/files/{file}
// HandleReportsList, HandleReport and HandleReportCsv (handlers.h) live in
// report_published_handlers.cc.

}  // namespace synlig::web
