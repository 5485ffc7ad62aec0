// The readers' start-page tiles of the follow-up: attitude work this school year (activities,
// persons reached, schools and grades reached) and contacts with the clinics per month over
// the last twelve months with the change from the twelve before — aggregates only, counts
// under k hidden.
#include "page.h"
#include "prevention_handlers.h"
#include "prevention_service.h"
#include "prevention_view.h"
#include "synlig/followup/clinic_statistics.h"
#include "synlig/followup/suppression.h"

namespace synlig::web {
namespace {

using std::chrono::months;

followup::YearMonth MonthOf(const Date& d) { return followup::YearMonth{d.year(), d.month()}; }

}  // namespace

std::string RenderFollowupTiles(RequestContext& ctx) {
  if (!ctx.principal || ctx.principal->user.role != Role::kReader) return {};
  storage::Database& db = ctx.app.db();
  const int k = ctx.app.options().min_cell_k;
  const Date today = TodayOf(ctx.app.clock());
  const followup::SchoolYear year = followup::SchoolYearOf(today);
  auto loaded = LoadPreventionYear(db, year);
  if (!loaded) return {};
  const followup::YearMonth last = MonthOf(today);
  const followup::YearMonth first = last - months{11};
  const followup::YearMonth before_first = first - months{12};
  const Period period{Date{before_first.year(), before_first.month(), std::chrono::day{1}}, today};
  auto contacts = db.clinics().ListContacts(std::nullopt, period);
  if (!contacts) return {};
  auto recent = followup::ClinicSummary(*contacts, first, last);
  auto earlier = followup::ClinicSummary(*contacts, before_first, first - months{1});
  if (!recent || !earlier) return {};

  TemplateData data;
  const bool en = ctx.lang == Lang::kEn;
  data.set("year_label", followup::SchoolYearLabel(year, en));
  data.set("year_code", followup::SchoolYearCode(year));
  const followup::Coverage& c = loaded->whole_year;
  data.set("activities", std::to_string(c.activities));
  data.set("reached", std::to_string(c.reached));
  data.set("schools", PartOf(ctx, c.schools_reached, c.schools));
  data.set("grades", PartOf(ctx, c.grade_slots_reached, c.grade_slots));
  const followup::SuppressedTable t = followup::SuppressOneWay(recent->month_totals, k);
  TemplateList rows;
  for (std::size_t m = 0; m < recent->months.size(); ++m) {
    TemplateData r;
    r.set("month", followup::MonthCode(recent->months[m]));
    r.set("count", t.cells[m]);
    rows.push_back(r);
  }
  data.set("months", rows);
  data.set("total", t.total);
  if (recent->total >= k && earlier->total >= k) {
    data.set("trend", std::string(ctx.T("prevention.tiles.trend_before")) + " " +
                          std::to_string(earlier->total) + " → " + std::to_string(recent->total) +
                          " (" + FormatRate(recent->total - earlier->total, earlier->total) + ")");
  } else {
    data.set("trend", std::string(ctx.T("prevention.tiles.trend_hidden")));
  }
  data.set("k", std::to_string(k));
  return ctx.app.templates().Render("prevention_tiles", ctx.lang, data);
}

}  // namespace synlig::web
