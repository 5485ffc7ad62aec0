// Employees (staff data: every view is audit-logged) and the course catalogue.
#include <map>
#include <set>

#include "page.h"
#include "synlig/training/coverage.h"
#include "training_handlers.h"
#include "training_view.h"

namespace synlig::web {
namespace {

TrainingContext Ctx(RequestContext& ctx) {
  return TrainingContext{ctx.app.db(), ctx.app.clock(), ctx.actor()};
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return training::FoldForMatch(haystack).find(training::FoldForMatch(needle)) != std::string::npos;
}

// ---- employees

void RenderEmployees(RequestContext& ctx, const TrainingFormError* error) {
  auto reg = LoadRegisterAudited(Ctx(ctx), "training_employees_view", "training_employees");
  if (!reg) return RenderError(ctx, reg.error());
  const std::string_view unit_filter = ctx.Query("unit");
  std::string status_filter(ctx.Query("status"));
  if (status_filter != "inactive" && status_filter != "all") status_filter = "active";
  const std::string_view q = ctx.Query("q").substr(0, 100);
  std::set<training::Id> trained;
  std::set<training::Id> counting;
  for (const auto& c : reg->courses) {
    if (c.counts) counting.insert(c.id);
  }
  for (const auto& c : reg->completions) {
    if (counting.count(c.course_id)) trained.insert(c.employee_id);
  }
  TemplateData data;
  TemplateList rows;
  for (const training::Employee& e : reg->employees) {
    if (status_filter == "active" && !e.active) continue;
    if (status_filter == "inactive" && e.active) continue;
    if (!unit_filter.empty() && std::to_string(e.unit_id) != unit_filter) continue;
    if (!q.empty() && !Contains(e.name, q) && !Contains(e.email, q)) continue;
    const training::Unit* unit = ById(reg->units, e.unit_id);
    const training::JobRole* role = ById(reg->roles, e.role_id);
    TemplateData row;
    row.set("id", std::to_string(e.id));
    row.set("name", e.name);
    row.set("email", e.email);
    row.set("unit", unit ? unit->name : std::string());
    row.set("role", role ? role->name : std::string());
    if (role && role->target_group) row.set("target_group", true);
    if (e.active) row.set("active", true);
    if (trained.count(e.id)) row.set("trained", true);
    rows.push_back(row);
  }
  data.set("count_text", ctx.app.catalog().Format(ctx.lang, "training.employees.count", "n",
                                                  std::to_string(rows.size())));
  if (rows.empty()) data.set("no_employees", true);
  data.set("employees", rows);
  auto filter_units = UnitOptions(*reg, true);
  filter_units.insert(filter_units.begin(), {"", std::string(ctx.T("training.all_units"))});
  PutOptions(data, "filter_units", filter_units, unit_filter);
  PutOptions(data, "filter_status",
             {{"active", std::string(ctx.T("training.employees.active"))},
              {"inactive", std::string(ctx.T("training.employees.inactive"))},
              {"all", std::string(ctx.T("training.employees.all"))}},
             status_filter);
  data.set("filter_q", std::string(q));
  const bool failed = error != nullptr;
  data.set("employee_name", std::string(failed ? ctx.Form("name") : ""));
  data.set("employee_email", std::string(failed ? ctx.Form("email") : ""));
  auto units = UnitOptions(*reg, false);
  if (units.empty()) data.set("no_units", true);
  PutOptions(data, "unit_options", units, failed ? ctx.Form("unit") : "");
  PutOptions(data, "role_options", RoleOptions(*reg), failed ? ctx.Form("role") : "");
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (!ctx.Query("added").empty())
    data.set("notice", std::string(ctx.T("training.employees.added")));
  RenderTraining(ctx, "training_employees", "training.employees.title", std::move(data), status);
}

EmployeeInput EmployeeFromForm(const RequestContext& ctx) {
  return EmployeeInput{std::string(ctx.Form("name")), std::string(ctx.Form("email")),
                       std::string(ctx.Form("unit")), std::string(ctx.Form("role"))};
}

bool IsFormError(const Error& e) {
  return e.code() == ErrorCode::kInvalidArgument || e.code() == ErrorCode::kAlreadyExists;
}

}  // namespace

// Shared with training_completion_handlers.cc: the employee page, with a form error of the
// employee form or of the completion form.
void RenderTrainingEmployee(RequestContext& ctx, training::Id id, const TrainingFormError* error,
                            std::string_view notice_key) {
  auto reg = LoadRegisterAudited(Ctx(ctx), "training_employee_view",
                                 "training_employee:" + std::to_string(id));
  if (!reg) return RenderError(ctx, reg.error());
  const training::Employee* e = ById(reg->employees, id);
  if (e == nullptr) return RenderNotFound(ctx);
  TemplateData data;
  data.set("id", std::to_string(id));
  data.set("heading", e->name);
  if (e->active) data.set("active", true);
  const bool employee_failed = error && error->form == "employee";
  const bool completion_failed = error && error->form == "completion";
  data.set("employee_name", employee_failed ? std::string(ctx.Form("name")) : e->name);
  data.set("employee_email", employee_failed ? std::string(ctx.Form("email")) : e->email);
  PutOptions(data, "unit_options", UnitOptions(*reg, true),
             employee_failed ? std::string(ctx.Form("unit")) : std::to_string(e->unit_id));
  PutOptions(data, "role_options", RoleOptions(*reg),
             employee_failed ? std::string(ctx.Form("role")) : std::to_string(e->role_id));
  TemplateList completions;
  for (const training::Completion& c : reg->completions) {
    if (c.employee_id != id) continue;
    const training::Course* course = ById(reg->courses, c.course_id);
    TemplateData row;
    row.set("id", std::to_string(c.id));
    row.set("date", FormatDate(c.date));
    row.set("course", course ? course->name : std::string());
    row.set("source", std::string(ctx.T("training.source." +
                                        std::string(training::CompletionSourceCode(c.source)))));
    completions.insert(completions.begin(), row);  // newest first
  }
  if (completions.empty()) data.set("no_completions", true);
  data.set("completions", completions);
  std::vector<std::pair<std::string, std::string>> courses;
  for (const training::Course& c : reg->courses) {
    if (c.active) courses.emplace_back(std::to_string(c.id), c.name);
  }
  PutOptions(data, "course_options", courses, completion_failed ? ctx.Form("course") : "");
  data.set("completion_date", std::string(completion_failed ? ctx.Form("date") : ""));
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (!notice_key.empty()) data.set("notice", std::string(ctx.T(notice_key)));
  RenderTraining(ctx, "training_employee", "training.employee.title", std::move(data), status);
}

void HandleTrainingEmployees(RequestContext& ctx) { RenderEmployees(ctx, nullptr); }

void HandleTrainingEmployeeCreate(RequestContext& ctx) {
  auto id = CreateEmployee(Ctx(ctx), EmployeeFromForm(ctx));
  if (!id) {
    if (!IsFormError(id.error())) return RenderError(ctx, id.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "employee", id.error());
    return RenderEmployees(ctx, &error);
  }
  ctx.res.Redirect("/training/employees?added=1");
}

void HandleTrainingEmployee(RequestContext& ctx) {
  std::string_view notice;
  if (ctx.Query("saved") == "1") notice = "training.saved";
  if (ctx.Query("added") == "1") notice = "training.completions.added";
  RenderTrainingEmployee(ctx, ArgId(ctx), nullptr, notice);
}

void HandleTrainingEmployeeUpdate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  Status s = UpdateEmployee(Ctx(ctx), id, EmployeeFromForm(ctx));
  if (!s) {
    if (!IsFormError(s.error())) return RenderError(ctx, s.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "employee", s.error());
    return RenderTrainingEmployee(ctx, id, &error, "");
  }
  ctx.res.Redirect("/training/employees/" + std::to_string(id) + "?saved=1");
}

void HandleTrainingEmployeeDeactivate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  if (Status s = SetEmployeeActive(Ctx(ctx), id, false); !s) return RenderError(ctx, s.error());
  ctx.res.Redirect("/training/employees/" + std::to_string(id) + "?saved=1");
}

void HandleTrainingEmployeeActivate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  if (Status s = SetEmployeeActive(Ctx(ctx), id, true); !s) return RenderError(ctx, s.error());
  ctx.res.Redirect("/training/employees/" + std::to_string(id) + "?saved=1");
}

// ---- courses

namespace {

std::vector<std::pair<std::string, std::string>> TrackOptions(const RequestContext& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto t : {training::CourseTrack::kGeneral, training::CourseTrack::kAdults,
                 training::CourseTrack::kChildrenYoung}) {
    out.emplace_back(std::string(training::CourseTrackCode(t)), std::string(TrackName(ctx, t)));
  }
  return out;
}

CourseInput CourseFromForm(const RequestContext& ctx) {
  CourseInput in;
  in.code = ctx.Form("code");
  in.name = ctx.Form("name");
  in.provider = ctx.Form("provider");
  in.url = ctx.Form("url");
  in.track = ctx.Form("track");
  in.aliases = ctx.Form("aliases");
  in.local = ctx.Form("local") == "1";
  in.counts = ctx.Form("counts") == "1";
  in.active = ctx.Form("active") == "1";
  return in;
}

void PutCourseForm(RequestContext& ctx, TemplateData& data, const training::Course* course,
                   bool from_form) {
  CourseInput in;
  if (from_form) {
    in = CourseFromForm(ctx);
  } else if (course) {
    in = CourseInput{course->code,
                     course->name,
                     course->provider,
                     course->url,
                     std::string(training::CourseTrackCode(course->track)),
                     training::JoinAliases(course->aliases),
                     course->local,
                     course->counts,
                     course->active};
  }
  data.set("course_code", in.code);
  data.set("course_name", in.name);
  data.set("course_provider", in.provider);
  data.set("course_url", in.url);
  data.set("course_aliases", in.aliases);
  PutOptions(data, "track_options", TrackOptions(ctx), in.track.empty() ? "general" : in.track);
  if (in.local) data.set("course_local", true);
  if (in.counts) data.set("course_counts", true);
  if (in.active) data.set("course_active", true);
}

void RenderCourses(RequestContext& ctx, const TrainingFormError* error) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  TemplateData data;
  TemplateList rows;
  for (const training::Course& c : reg->courses) {
    TemplateData row;
    row.set("id", std::to_string(c.id));
    row.set("name", c.name);
    row.set("code", c.code);
    row.set("provider", c.provider);
    row.set("url", c.url);
    row.set("track", std::string(TrackName(ctx, c.track)));
    if (c.local) row.set("local", true);
    if (c.counts) row.set("counts", true);
    if (c.active) row.set("active", true);
    rows.push_back(row);
  }
  data.set("courses", rows);
  if (error) {
    PutCourseForm(ctx, data, nullptr, true);
  } else {
    training::Course fresh;  // a new local course counts and is offered by default
    fresh.local = true;
    PutCourseForm(ctx, data, &fresh, false);
  }
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (!ctx.Query("saved").empty()) data.set("notice", std::string(ctx.T("training.saved")));
  RenderTraining(ctx, "training_courses", "training.courses.title", std::move(data), status);
}

void RenderCourse(RequestContext& ctx, training::Id id, const TrainingFormError* error) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  const training::Course* course = ById(reg->courses, id);
  if (course == nullptr) return RenderNotFound(ctx);
  TemplateData data;
  data.set("id", std::to_string(id));
  data.set("heading", course->name);
  PutCourseForm(ctx, data, course, error != nullptr);
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  RenderTraining(ctx, "training_course", "training.course.title", std::move(data), status);
}

}  // namespace

void HandleTrainingCourses(RequestContext& ctx) { RenderCourses(ctx, nullptr); }

void HandleTrainingCourseCreate(RequestContext& ctx) {
  auto id = CreateCourse(Ctx(ctx), CourseFromForm(ctx));
  if (!id) {
    if (!IsFormError(id.error())) return RenderError(ctx, id.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "course", id.error());
    return RenderCourses(ctx, &error);
  }
  ctx.res.Redirect("/training/courses?saved=1");
}

void HandleTrainingCourse(RequestContext& ctx) { RenderCourse(ctx, ArgId(ctx), nullptr); }

void HandleTrainingCourseUpdate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  Status s = UpdateCourse(Ctx(ctx), id, CourseFromForm(ctx));
  if (!s) {
    if (!IsFormError(s.error())) return RenderError(ctx, s.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "course", s.error());
    return RenderCourse(ctx, id, &error);
  }
  ctx.res.Redirect("/training/courses?saved=1");
}

}  // namespace synlig::web
