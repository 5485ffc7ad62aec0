// The clinic staff's contact log: log a contact (coded values only), see the clinic's own
// monthly statistics and its latest rows (each view audit-logged), delete a mistaken row.
// Another clinic's pages answer 404, exactly as a clinic that does not exist.
#include "clinic_handlers.h"

#include <algorithm>
#include <set>

#include "audit.h"
#include "clinic_service.h"
#include "error_status.h"
#include "page.h"
#include "prevention_service.h"
#include "prevention_view.h"
#include "synlig/followup/clinic_statistics.h"
#include "synlig/followup/suppression.h"

namespace synlig::web {
namespace {

using std::chrono::month;
using std::chrono::year;

constexpr std::size_t kRecentRows = 25;

bool En(const RequestContext& ctx) { return ctx.lang == Lang::kEn; }

// The clinic of the route if the user staffs it; renders 404 (or the store's error) otherwise.
std::optional<followup::Clinic> OwnClinicOrRender(RequestContext& ctx) {
  const std::int64_t clinic_id = ArgId(ctx);
  if (auto s = CheckStaffOf(ctx.app.db(), ctx.principal->user.id, clinic_id); !s) {
    RenderError(ctx, s.error());
    return std::nullopt;
  }
  auto clinic = ctx.app.db().clinics().FindClinic(clinic_id);
  if (!clinic) {
    RenderError(ctx, clinic.error());
    return std::nullopt;
  }
  return *clinic;
}

void RenderLog(RequestContext& ctx, const followup::Clinic& clinic,
               const followup::ContactInput& input, const Error* error, bool saved) {
  storage::Database& db = ctx.app.db();
  const auto chosen = ChosenCalendarYear(ctx);
  if (!chosen) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument),
                         "error.bad_request_title", "clinic.error.year");
  }
  const int y = *chosen;
  const Period period{year{y} / month{1} / std::chrono::day{1},
                      year{y} / month{12} / std::chrono::day{31}};
  auto contacts = db.clinics().ListContacts(clinic.id, period);
  if (!contacts) return RenderError(ctx, contacts.error());
  // Rows of single contacts are about to be shown: audit first, or they are not shown.
  if (auto s = AppendAudit(db, ctx.app.clock(), ctx.actor(), "contact_rows_view",
                           "clinic:" + std::to_string(clinic.id),
                           std::to_string(std::min(contacts->size(), kRecentRows)) + " rows of " +
                               std::to_string(y));
      !s) {
    return RenderError(ctx, s.error());
  }
  auto stats = followup::MonthlyStatistics(*contacts, year{y} / month{1}, year{y} / month{12});
  if (!stats) return RenderError(ctx, stats.error());

  TemplateData data;
  data.set("clinic_id", std::to_string(clinic.id));
  data.set("clinic_name", clinic.name);
  data.set("year", std::to_string(y));
  data.set("years", CalendarYearOptions(ctx, y));
  data.set("date", input.date.empty() ? FormatDate(TodayOf(ctx.app.clock())) : input.date);
  data.set("max_date", FormatDate(TodayOf(ctx.app.clock())));
  TemplateList fields;
  for (const followup::ContactDimension& dim : followup::ContactDimensions()) {
    TemplateData f;
    f.set("field", std::string(dim.id));
    f.set("legend", std::string(En(ctx) ? dim.en : dim.sv));
    const std::string& chosen_value = input.values[static_cast<std::size_t>(dim.field)];
    f.set("options", CodeOptions(dim.codes, ctx.lang, {chosen_value}));
    if (error && error->field() == dim.id) {
      f.set("error", std::string(ctx.T(FieldErrorKey("clinic.contact", *error))));
    }
    fields.push_back(f);
  }
  data.set("fields", fields);

  // Months: total, new, and by kind of contact.
  const auto kind = static_cast<std::size_t>(followup::ContactField::kKind);
  const auto visit = static_cast<std::size_t>(followup::ContactField::kVisit);
  TemplateList kind_heads;
  for (std::size_t o = 0; o < followup::DimensionOf(followup::ContactField::kKind).codes.size();
       ++o) {
    TemplateData h;
    h.set("label", std::string(followup::Label(
                       followup::DimensionOf(followup::ContactField::kKind).codes, o, En(ctx))));
    kind_heads.push_back(h);
  }
  data.set("kind_heads", kind_heads);
  TemplateList months;
  for (std::size_t m = 0; m < stats->months.size(); ++m) {
    TemplateData r;
    r.set("month", followup::MonthCode(stats->months[m]));
    r.set("total", std::to_string(stats->month_totals[m]));
    r.set("new", std::to_string(stats->by_month[visit][m][0]));
    TemplateList cells;
    for (const std::int64_t c : stats->by_month[kind][m]) {
      TemplateData cell;
      cell.set("count", std::to_string(c));
      cells.push_back(cell);
    }
    r.set("kinds", cells);
    months.push_back(r);
  }
  data.set("months", months);
  data.set("total", std::to_string(stats->total));
  data.set("field_tables", ContactFieldTables(ctx, stats->by_option, 0));

  TemplateList rows;
  std::size_t shown = 0;
  for (auto it = contacts->rbegin(); it != contacts->rend() && shown < kRecentRows; ++it, ++shown) {
    TemplateData r;
    r.set("id", std::to_string(it->id));
    r.set("date", FormatDate(it->date));
    TemplateList cells;
    for (const followup::ContactDimension& dim : followup::ContactDimensions()) {
      TemplateData cell;
      cell.set("value",
               std::string(followup::Label(dim.codes, it->Value(dim.field), En(ctx))));
      cells.push_back(cell);
    }
    r.set("cells", cells);
    rows.push_back(r);
  }
  data.set("rows", rows);
  if (rows.empty()) data.set("no_rows", true);
  TemplateList heads;
  for (const followup::ContactDimension& dim : followup::ContactDimensions()) {
    TemplateData h;
    h.set("label", std::string(En(ctx) ? dim.en : dim.sv));
    heads.push_back(h);
  }
  data.set("heads", heads);
  if (saved) data.set("saved", true);
  if (ctx.Query("deleted") == "1") data.set("deleted", true);
  PageOptions options;
  if (error) options.status = SetFormError(ctx, data, "clinic.contact", "contact-", *error);
  RenderPage(ctx, "clinic_log", clinic.name, std::move(data), options);
}

}  // namespace

std::optional<int> ChosenCalendarYear(const RequestContext& ctx) {
  const std::string_view text = ctx.Query("year");
  if (text.empty()) {
    return static_cast<int>(TodayOf(ctx.app.clock()).year());
  }
  const auto y = ParseFormId(text);
  if (!y || *y < 2000 || *y > 2199 || text.size() != 4) return std::nullopt;
  return static_cast<int>(*y);
}

TemplateList CalendarYearOptions(const RequestContext& ctx, int chosen) {
  const int current = static_cast<int>(TodayOf(ctx.app.clock()).year());
  TemplateList list;
  for (int y = current; y >= current - 4; --y) {
    TemplateData o;
    o.set("value", std::to_string(y));
    o.set("label", std::to_string(y));
    if (y == chosen) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

TemplateList ContactFieldTables(
    const RequestContext& ctx,
    const std::array<std::vector<std::int64_t>, followup::kContactFields>& by_option, int k) {
  TemplateList tables;
  for (const followup::ContactDimension& dim : followup::ContactDimensions()) {
    const auto f = static_cast<std::size_t>(dim.field);
    const followup::SuppressedTable t = followup::SuppressOneWay(by_option[f], k);
    TemplateData table;
    table.set("field", std::string(dim.id));
    table.set("title", std::string(En(ctx) ? dim.en : dim.sv));
    TemplateList rows;
    for (std::size_t o = 0; o < dim.codes.size(); ++o) {
      TemplateData r;
      r.set("label", std::string(followup::Label(dim.codes, o, En(ctx))));
      r.set("count", t.cells[o]);
      rows.push_back(r);
    }
    table.set("rows", rows);
    table.set("total", t.total);
    tables.push_back(table);
  }
  return tables;
}

void HandleClinicHome(RequestContext& ctx) {
  auto own = ctx.app.db().clinics().ClinicOfUser(ctx.principal->user.id);
  if (!own) return RenderError(ctx, own.error());
  if (!*own) return RenderMessage(ctx, 200, "clinic.none_title", "clinic.none");
  ctx.res.Redirect("/clinics/" + std::to_string(**own));
}

void HandleClinicLog(RequestContext& ctx) {
  const auto clinic = OwnClinicOrRender(ctx);
  if (!clinic) return;
  RenderLog(ctx, *clinic, followup::ContactInput{}, nullptr, ctx.Query("saved") == "1");
}

void HandleClinicContactCreate(RequestContext& ctx) {
  const auto clinic = OwnClinicOrRender(ctx);
  if (!clinic) return;
  followup::ContactInput input;
  input.date = std::string(ctx.Form("date"));
  std::set<std::string_view> allowed = {"csrf", "date"};
  for (const followup::ContactDimension& dim : followup::ContactDimensions()) {
    input.values[static_cast<std::size_t>(dim.field)] = std::string(ctx.Form(dim.id));
    allowed.insert(dim.id);
  }
  // Only coded fields exist: anything else posted (a name, a number, a note) is refused whole.
  for (const auto& [name, value] : ctx.form) {
    if (!allowed.contains(name)) {
      const Error unknown(ErrorCode::kInvalidArgument, "field is not part of the form", "general");
      return RenderLog(ctx, *clinic, input, &unknown, false);
    }
  }
  auto id = LogContact(ctx.app.db(), ctx.app.clock(), clinic->id, input, ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument) {
      return RenderLog(ctx, *clinic, input, &id.error(), false);
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/clinics/" + std::to_string(clinic->id) + "?saved=1");
}

void HandleClinicContactDelete(RequestContext& ctx) {
  const auto clinic = OwnClinicOrRender(ctx);
  if (!clinic) return;
  if (auto s = RemoveContact(ctx.app.db(), ctx.app.clock(), clinic->id, ArgId(ctx, 1),
                             ctx.actor());
      !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/clinics/" + std::to_string(clinic->id) + "?deleted=1");
}

}  // namespace synlig::web
