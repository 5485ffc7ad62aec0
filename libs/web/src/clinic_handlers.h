// MIKA/KAST pages (routes.h): the clinic staff's anonymous contact log of their own clinic,
// the readers' suppressed contact statistics, the admin's clinics and staff assignments, and
// the feasibility page (analyst edits, readers read). Access and CSRF are checked by
// App::Handle; a clinic's own pages are further limited to its staff here.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "app.h"
#include "synlig/followup/codes.h"
#include "templates.h"

namespace synlig::web {

// clinic_handlers.cc: the contact log (clinic staff, own clinic only)
void HandleClinicHome(RequestContext& ctx);
void HandleClinicLog(RequestContext& ctx);
void HandleClinicContactCreate(RequestContext& ctx);
void HandleClinicContactDelete(RequestContext& ctx);

// clinic_statistics.cc: contacts of all clinics per month and field, suppressed (reader,
// analyst)
void HandleClinicStatistics(RequestContext& ctx);

// clinic_admin_handlers.cc: clinics and their staff (admin)
void HandleAdminClinics(RequestContext& ctx);
void HandleAdminClinicCreate(RequestContext& ctx);
void HandleAdminClinicStaff(RequestContext& ctx);

// clinic_feasibility.cc: the MIKA/KAST feasibility basis (analyst, reader)
void HandleFeasibility(RequestContext& ctx);
void HandleFeasibilityAssumptions(RequestContext& ctx);
void HandleFeasibilityReferenceCreate(RequestContext& ctx);
void HandleFeasibilityReferenceDelete(RequestContext& ctx);

// One table per contact field ({field, title, rows: {label, count}, total}) of the counts per
// option; counts under k suppressed one-way when k > 1 (followup::SuppressOneWay).
TemplateList ContactFieldTables(const RequestContext& ctx,
                                const std::array<std::vector<std::int64_t>,
                                                 followup::kContactFields>& by_option,
                                int k);

// The calendar year of ?year=YYYY (2000..2199), or this year when absent; nullopt when the
// parameter is malformed.
std::optional<int> ChosenCalendarYear(const RequestContext& ctx);
// This year and the four before it, for a year selector ({value, label, selected}).
TemplateList CalendarYearOptions(const RequestContext& ctx, int chosen);

}  // namespace synlig::web
