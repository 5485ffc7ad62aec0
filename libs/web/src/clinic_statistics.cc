// Contacts with every clinic as readers see them: per month of a calendar year, and per field
// over that year, each a one-way table with counts under k hidden (followup::SuppressOneWay).
// Only whole calendar years can be chosen, so no two views differ by a few contacts.
#include "clinic_handlers.h"
#include "error_status.h"
#include "page.h"
#include "prevention_service.h"
#include "synlig/followup/clinic_statistics.h"
#include "synlig/followup/suppression.h"

namespace synlig::web {

void HandleClinicStatistics(RequestContext& ctx) {
  using std::chrono::month;
  using std::chrono::year;
  const auto chosen = ChosenCalendarYear(ctx);
  if (!chosen) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument),
                         "error.bad_request_title", "clinic.error.year");
  }
  const int y = *chosen;
  const Period period{year{y} / month{1} / std::chrono::day{1},
                      year{y} / month{12} / std::chrono::day{31}};
  storage::Database& db = ctx.app.db();
  auto clinics = db.clinics().ListClinics();
  if (!clinics) return RenderError(ctx, clinics.error());
  auto contacts = db.clinics().ListContacts(std::nullopt, period);
  if (!contacts) return RenderError(ctx, contacts.error());
  auto summary = followup::ClinicSummary(*contacts, year{y} / month{1}, year{y} / month{12});
  if (!summary) return RenderError(ctx, summary.error());
  const int k = ctx.app.options().min_cell_k;

  TemplateData data;
  data.set("year", std::to_string(y));
  data.set("years", CalendarYearOptions(ctx, y));
  data.set("k", std::to_string(k));
  TemplateList names;
  for (const followup::Clinic& c : *clinics) {
    TemplateData n;
    n.set("name", c.name);
    names.push_back(n);
  }
  data.set("clinics", names);
  if (clinics->empty()) data.set("no_clinics", true);
  const followup::SuppressedTable months = followup::SuppressOneWay(summary->month_totals, k);
  TemplateList rows;
  for (std::size_t m = 0; m < summary->months.size(); ++m) {
    TemplateData r;
    r.set("month", followup::MonthCode(summary->months[m]));
    r.set("count", months.cells[m]);
    rows.push_back(r);
  }
  data.set("months", rows);
  data.set("total", months.total);
  data.set("field_tables", ContactFieldTables(ctx, summary->by_option, k));
  RenderPage(ctx, "clinic_statistics", ctx.T("clinic.statistics_title"), std::move(data));
}

}  // namespace synlig::web
