// Completions entered by hand, and their removal.
#include "page.h"
#include "training_handlers.h"
#include "training_view.h"

namespace synlig::web {
namespace {

constexpr std::size_t kLatestCompletions = 200;

TrainingContext Ctx(RequestContext& ctx) {
  return TrainingContext{ctx.app.db(), ctx.app.clock(), ctx.actor()};
}

void RenderCompletions(RequestContext& ctx, const TrainingFormError* error, int status) {
  auto reg = LoadRegisterAudited(Ctx(ctx), "training_completions_view", "training_completions");
  if (!reg) return RenderError(ctx, reg.error());
  TemplateData data;
  std::vector<std::pair<std::string, std::string>> employees;
  for (const training::Employee& e : reg->employees) {
    if (e.active) employees.emplace_back(std::to_string(e.id), e.name + " <" + e.email + ">");
  }
  if (employees.empty()) data.set("no_employees", true);
  std::vector<std::pair<std::string, std::string>> courses;
  for (const training::Course& c : reg->courses) {
    if (c.active) courses.emplace_back(std::to_string(c.id), c.name);
  }
  const bool failed = error != nullptr;
  PutOptions(data, "employee_options", employees, failed ? ctx.Form("employee") : "");
  PutOptions(data, "course_options", courses, failed ? ctx.Form("course") : "");
  data.set("completion_date", std::string(failed ? ctx.Form("date") : ""));
  TemplateList rows;
  // The register lists completions oldest first: walk it backwards for the latest.
  for (auto it = reg->completions.rbegin();
       it != reg->completions.rend() && rows.size() < kLatestCompletions; ++it) {
    const training::Employee* e = ById(reg->employees, it->employee_id);
    const training::Course* c = ById(reg->courses, it->course_id);
    TemplateData row;
    row.set("id", std::to_string(it->id));
    row.set("date", FormatDate(it->date));
    row.set("employee_id", std::to_string(it->employee_id));
    row.set("employee", e ? e->name : std::string());
    row.set("course", c ? c->name : std::string());
    row.set("source", std::string(ctx.T("training.source." +
                                        std::string(training::CompletionSourceCode(it->source)))));
    rows.push_back(row);
  }
  if (rows.empty()) data.set("no_completions", true);
  if (reg->completions.size() > kLatestCompletions) data.set("more", true);
  data.set("completions", rows);
  if (error) SetTrainingError(data, *error);
  if (ctx.Query("added") == "1")
    data.set("notice", std::string(ctx.T("training.completions.added")));
  if (ctx.Query("deleted") == "1") {
    data.set("notice", std::string(ctx.T("training.completions.deleted")));
  }
  RenderTraining(ctx, "training_completions", "training.completions.title", std::move(data),
                 status);
}

}  // namespace

void HandleTrainingCompletions(RequestContext& ctx) { RenderCompletions(ctx, nullptr, 200); }

void HandleTrainingCompletionCreate(RequestContext& ctx) {
  const bool from_employee = ctx.Form("back") == "employee";
  CompletionInput input{std::string(ctx.Form("employee")), std::string(ctx.Form("course")),
                        std::string(ctx.Form("date"))};
  auto id = AddCompletion(Ctx(ctx), input);
  if (!id) {
    const ErrorCode code = id.error().code();
    if (code != ErrorCode::kInvalidArgument && code != ErrorCode::kAlreadyExists) {
      return RenderError(ctx, id.error());
    }
    const TrainingFormError error = TrainingErrorFor(ctx, "completion", id.error());
    if (from_employee) {
      auto employee = ParseFormId(input.employee, "employee");
      if (!employee) return RenderError(ctx, employee.error());
      return RenderTrainingEmployee(ctx, *employee, &error, "");
    }
    return RenderCompletions(ctx, &error, error.status);
  }
  if (from_employee) {
    ctx.res.Redirect("/training/employees/" + input.employee + "?added=1");
    return;
  }
  ctx.res.Redirect("/training/completions?added=1");
}

void HandleTrainingCompletionDelete(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  training::Id employee = 0;
  if (ctx.Form("back") == "employee") {
    auto all = ctx.app.db().training().ListCompletions(std::nullopt);
    if (!all) return RenderError(ctx, all.error());
    for (const auto& c : *all) {
      if (c.id == id) employee = c.employee_id;
    }
  }
  if (Status s = DeleteCompletion(Ctx(ctx), id); !s) return RenderError(ctx, s.error());
  if (employee != 0) {
    ctx.res.Redirect("/training/employees/" + std::to_string(employee) + "?saved=1");
    return;
  }
  ctx.res.Redirect("/training/completions?deleted=1");
}

}  // namespace synlig::web
