// Shared view helpers of the training pages.
#include "training_view.h"

#include "error_status.h"
#include "page.h"
#include "synlig/training/coverage.h"

namespace synlig::web {
namespace {

struct SubnavItem {
  std::string_view href;
  std::string_view label_key;
};

constexpr SubnavItem kSubnav[] = {
    {"/training", "training.nav.coverage"},
    {"/training/employees", "training.nav.employees"},
    {"/training/completions", "training.nav.completions"},
    {"/training/import", "training.nav.import"},
    {"/training/courses", "training.nav.courses"},
    {"/training/organisation", "training.nav.organisation"},
    {"/training/reminders", "training.nav.reminders"},
};

bool IsCurrent(std::string_view path, std::string_view href) {
  if (href == "/training") return path == href || path.starts_with("/training/units/");
  return path == href ||
         (path.starts_with(href) && path.size() > href.size() && path[href.size()] == '/');
}

// Which input a field's error points at.
std::string_view AnchorOf(std::string_view field) {
  if (field == "date_future") return "date";
  if (field.starts_with("file")) return "file";
  return field;
}

}  // namespace

TrainingFormError TrainingErrorFor(const RequestContext& ctx, std::string_view form,
                                   const Error& error) {
  const std::string field = error.field().empty() ? "general" : error.field();
  const std::string suffix = error.code() == ErrorCode::kAlreadyExists ? "_taken" : "";
  const std::string specific = "training." + std::string(form) + ".error." + field + suffix;
  const std::string general = "training.error." + field + suffix;
  std::string text;
  if (ctx.app.catalog().Has(ctx.lang, specific)) {
    text = std::string(ctx.T(specific));
  } else if (ctx.app.catalog().Has(ctx.lang, general)) {
    text = std::string(ctx.T(general));
  } else {
    text = std::string(ctx.T("training.error.general"));
  }
  return {std::string(form), std::string(AnchorOf(field)), std::move(text),
          HttpStatusFor(error.code(), ErrorContext::kForm)};
}

void SetTrainingError(TemplateData& data, const TrainingFormError& error) {
  std::string key = "error_" + error.form + "_" + error.field;
  for (char& c : key) {
    if (c == '-') c = '_';
  }
  data.set(key, error.text);
  TemplateData e;
  e.set("href", "#" + error.form + "-" + error.field);
  e.set("text", error.text);
  data.set("errors", TemplateList{e});
  data.set("has_errors", true);
  data.set(error.form + "_failed", true);
}

void RenderTraining(RequestContext& ctx, std::string_view name, std::string_view title_key,
                    TemplateData data, int status) {
  TemplateList nav;
  for (const SubnavItem& item : kSubnav) {
    TemplateData d;
    d.set("href", std::string(item.href));
    d.set("label", std::string(ctx.T(item.label_key)));
    if (IsCurrent(ctx.req.path, item.href)) d.set("current", true);
    nav.push_back(d);
  }
  data.set("subnav", nav);
  PageOptions options;
  options.status = status;
  RenderPage(ctx, name, ctx.T(title_key), std::move(data), options);
}

void PutOptions(TemplateData& data, const std::string& key,
                const std::vector<std::pair<std::string, std::string>>& options,
                std::string_view selected) {
  TemplateList list;
  for (const auto& [value, label] : options) {
    TemplateData o;
    o.set("value", value);
    o.set("label", label);
    if (value == selected) o.set("selected", true);
    list.push_back(o);
  }
  data.set(key, list);
}

std::string_view KindName(const RequestContext& ctx, training::OrgKind kind) {
  return ctx.T(kind == training::OrgKind::kCompany ? "training.kind.company"
                                                   : "training.kind.department");
}

std::string_view TrackName(const RequestContext& ctx, training::CourseTrack track) {
  return ctx.T("training.track." + std::string(training::CourseTrackCode(track)));
}

std::string RowProblemText(const RequestContext& ctx, const training::RowError& error) {
  std::string text = ctx.app.catalog().Format(
      ctx.lang, "training.import.problem." + std::string(training::RowProblemCode(error.problem)),
      "value", error.value);
  if (error.problem == training::RowProblem::kDuplicateRow) {
    const std::size_t at = text.find("{row}");
    if (at != std::string::npos) text.replace(at, 5, std::to_string(error.other_row));
  }
  std::string prefix =
      ctx.app.catalog().Format(ctx.lang, "training.import.row", "row", std::to_string(error.row));
  return prefix + " " + text;
}

std::string ShareText(const training::Count& count) {
  if (count.target_group <= 0) return "–";
  return std::to_string(count.SharePercent()) + " %";
}

std::vector<std::pair<std::string, std::string>> UnitOptions(const training::Register& reg,
                                                             bool with_inactive) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const training::Unit& u : reg.units) {
    if (!u.active && !with_inactive) continue;
    const training::Department* d = ById(reg.departments, u.department_id);
    out.emplace_back(std::to_string(u.id), u.name + (d ? " (" + d->name + ")" : std::string()));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> RoleOptions(const training::Register& reg) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const training::JobRole& r : reg.roles) out.emplace_back(std::to_string(r.id), r.name);
  return out;
}

}  // namespace synlig::web
