// Shared template helpers of the follow-up pages.
#include "prevention_view.h"

#include <cmath>
#include <cstdio>

#include "error_status.h"
#include "page.h"
#include "prevention_service.h"
#include "synlig/followup/school_year.h"

namespace synlig::web {

TemplateList CodeOptions(std::span<const followup::Code> codes, Lang lang,
                         const std::vector<std::string_view>& chosen) {
  TemplateList list;
  for (const followup::Code& c : codes) {
    TemplateData o;
    o.set("value", std::string(c.code));
    o.set("label", std::string(lang == Lang::kEn ? c.en : c.sv));
    for (const std::string_view v : chosen) {
      if (v == c.code) o.set("selected", true);
    }
    list.push_back(o);
  }
  return list;
}

int SetFormError(const RequestContext& ctx, TemplateData& data, std::string_view form,
                 std::string_view id_prefix, const Error& error) {
  const std::string field = error.field().empty() ? "general" : error.field();
  const std::string text(ctx.T(FieldErrorKey(form, error)));
  data.set("error_" + field, text);
  TemplateData e;
  e.set("href", "#" + std::string(id_prefix) + field);
  e.set("text", text);
  data.set("errors", TemplateList{e});
  data.set("has_errors", true);
  return HttpStatusFor(error.code(), ErrorContext::kForm);
}

std::string PartOf(const RequestContext& ctx, std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "–";
  return std::to_string(part) + " " + std::string(ctx.T("prevention.of")) + " " +
         std::to_string(whole) + " (" + FormatRate(part, whole) + ")";
}

std::string SharePercent(double share) {
  return std::to_string(static_cast<long long>(std::lround(share * 100.0))) + " %";
}

std::string PointsText(double points, Lang lang) {
  const double rounded = std::round(points * 10.0) / 10.0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::fabs(rounded));
  std::string text(buf);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  if (lang == Lang::kSv) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  if (rounded > 0) return "+" + text;
  if (rounded < 0) return "−" + text;
  return text;
}

TemplateList SchoolYearOptions(const RequestContext& ctx, int chosen_start_year) {
  const int current = followup::SchoolYearOf(TodayOf(ctx.app.clock())).start_year;
  TemplateList list;
  for (int y = current; y >= current - 4; --y) {
    const followup::SchoolYear year{y};
    TemplateData o;
    o.set("value", followup::SchoolYearCode(year));
    o.set("label", followup::SchoolYearLabel(year, ctx.lang == Lang::kEn));
    if (y == chosen_start_year) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

}  // namespace synlig::web
