// Training register operations: parse, store, audit.
#include "training_service.h"

#include <charconv>

#include "audit.h"
#include "synlig/training/swedish_date.h"

namespace synlig::web {
namespace {

Status Audit(const TrainingContext& ctx, std::string_view action, std::string_view object,
             std::string_view detail = {}) {
  return AppendAudit(ctx.db, ctx.clock, ctx.actor, action, object, detail);
}

// Runs a store call returning an id, then audits it.
Result<training::Id> Created(const TrainingContext& ctx, Result<training::Id> id,
                             std::string_view action, std::string_view kind,
                             std::string_view detail = {}) {
  if (!id) return id;
  if (Status s = Audit(ctx, action, std::string(kind) + ":" + std::to_string(*id), detail); !s) {
    return Unexpected(s.error());
  }
  return id;
}

Status Changed(const TrainingContext& ctx, const Status& status, std::string_view action,
               std::string_view kind, training::Id id, std::string_view detail = {}) {
  if (!status) return status;
  return Audit(ctx, action, std::string(kind) + ":" + std::to_string(id), detail);
}

Result<training::OrgKind> KindOf(std::string_view kind) {
  return training::ParseOrgKind(kind.empty() ? std::string_view("department") : kind);
}

Result<training::Unit> UnitFrom(const UnitInput& input) {
  auto department = ParseFormId(input.department, "department");
  if (!department) return Unexpected(department.error());
  return training::Unit{0, *department, input.name, input.manager_email, input.active};
}

Result<training::Employee> EmployeeFrom(const EmployeeInput& input) {
  auto unit = ParseFormId(input.unit, "unit");
  if (!unit) return Unexpected(unit.error());
  auto role = ParseFormId(input.role, "role");
  if (!role) return Unexpected(role.error());
  return training::Employee{0, input.name, input.email, *unit, *role, true};
}

Result<training::Course> CourseFrom(const CourseInput& input) {
  training::Course c;
  c.code = input.code;
  c.name = input.name;
  c.provider = input.provider;
  c.url = input.url;
  auto track = training::ParseCourseTrack(input.track);
  if (!track) return Unexpected(track.error());
  c.track = *track;
  c.local = input.local;
  c.counts = input.counts;
  c.active = input.active;
  c.aliases = training::SplitAliases(input.aliases);
  return c;
}

}  // namespace

Result<training::Id> ParseFormId(std::string_view text, std::string_view field) {
  training::Id id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return InvalidArgument("'" + std::string(text.substr(0, 20)) + "' is not a choice",
                           std::string(field));
  }
  return id;
}

Result<training::Id> CreateDepartment(const TrainingContext& ctx, std::string_view name,
                                      std::string_view kind) {
  auto k = KindOf(kind);
  if (!k) return Unexpected(k.error());
  return Created(ctx, ctx.db.training().CreateDepartment({0, std::string(name), *k}),
                 "training_department_create", "training_department", training::OrgKindCode(*k));
}

Status UpdateDepartment(const TrainingContext& ctx, training::Id id, std::string_view name,
                        std::string_view kind) {
  auto k = KindOf(kind);
  if (!k) return Unexpected(k.error());
  return Changed(ctx, ctx.db.training().UpdateDepartment({id, std::string(name), *k}),
                 "training_department_update", "training_department", id);
}

Result<training::Id> CreateTrainingUnit(const TrainingContext& ctx, const UnitInput& input) {
  auto unit = UnitFrom(input);
  if (!unit) return Unexpected(unit.error());
  return Created(ctx, ctx.db.training().CreateUnit(*unit), "training_unit_create", "training_unit");
}

Status UpdateTrainingUnit(const TrainingContext& ctx, training::Id id, const UnitInput& input) {
  auto unit = UnitFrom(input);
  if (!unit) return Unexpected(unit.error());
  unit->id = id;
  return Changed(ctx, ctx.db.training().UpdateUnit(*unit), "training_unit_update", "training_unit",
                 id, input.active ? "active" : "inactive");
}

Result<training::Id> CreateJobRole(const TrainingContext& ctx, std::string_view name,
                                   bool target_group) {
  return Created(ctx, ctx.db.training().CreateRole({0, std::string(name), target_group}),
                 "training_role_create", "training_role",
                 target_group ? "target group" : "not target group");
}

Status UpdateJobRole(const TrainingContext& ctx, training::Id id, std::string_view name,
                     bool target_group) {
  return Changed(ctx, ctx.db.training().UpdateRole({id, std::string(name), target_group}),
                 "training_role_update", "training_role", id,
                 target_group ? "target group" : "not target group");
}

Result<training::Id> CreateEmployee(const TrainingContext& ctx, const EmployeeInput& input) {
  auto employee = EmployeeFrom(input);
  if (!employee) return Unexpected(employee.error());
  return Created(ctx, ctx.db.training().CreateEmployee(*employee, ctx.clock.NowUnix()),
                 "training_employee_create", "training_employee");
}

Status UpdateEmployee(const TrainingContext& ctx, training::Id id, const EmployeeInput& input) {
  auto employee = EmployeeFrom(input);
  if (!employee) return Unexpected(employee.error());
  auto current = ctx.db.training().FindEmployee(id);
  if (!current) return Unexpected(current.error());
  employee->id = id;
  employee->active = current->active;
  return Changed(ctx, ctx.db.training().UpdateEmployee(*employee, ctx.clock.NowUnix()),
                 "training_employee_update", "training_employee", id);
}

Status SetEmployeeActive(const TrainingContext& ctx, training::Id id, bool active) {
  auto current = ctx.db.training().FindEmployee(id);
  if (!current) return Unexpected(current.error());
  current->active = active;
  return Changed(ctx, ctx.db.training().UpdateEmployee(*current, ctx.clock.NowUnix()),
                 active ? "training_employee_activate" : "training_employee_deactivate",
                 "training_employee", id);
}

Result<training::Id> CreateCourse(const TrainingContext& ctx, const CourseInput& input) {
  auto course = CourseFrom(input);
  if (!course) return Unexpected(course.error());
  return Created(ctx, ctx.db.training().CreateCourse(*course), "training_course_create",
                 "training_course", course->code);
}

Status UpdateCourse(const TrainingContext& ctx, training::Id id, const CourseInput& input) {
  auto course = CourseFrom(input);
  if (!course) return Unexpected(course.error());
  course->id = id;
  return Changed(ctx, ctx.db.training().UpdateCourse(*course), "training_course_update",
                 "training_course", id, course->code);
}

Result<training::Id> AddCompletion(const TrainingContext& ctx, const CompletionInput& input) {
  auto employee = ParseFormId(input.employee, "employee");
  if (!employee) return Unexpected(employee.error());
  auto course = ParseFormId(input.course, "course");
  if (!course) return Unexpected(course.error());
  auto date = training::ParseSwedishDate(input.date);
  if (!date) return Unexpected(date.error());
  if (TodayOf(ctx.clock) < *date) {
    return InvalidArgument("the date " + FormatDate(*date) + " is after today", "date_future");
  }
  training::Completion c;
  c.employee_id = *employee;
  c.course_id = *course;
  c.date = *date;
  return Created(ctx, ctx.db.training().AddCompletion(c, ctx.actor.user_id, ctx.clock.NowUnix()),
                 "training_completion_create", "training_completion",
                 "employee:" + std::to_string(*employee) + " course:" + std::to_string(*course));
}

Status DeleteCompletion(const TrainingContext& ctx, training::Id id) {
  return Changed(ctx, ctx.db.training().DeleteCompletion(id), "training_completion_delete",
                 "training_completion", id);
}

Status SetTrainingTarget(const TrainingContext& ctx, const TargetInput& input) {
  training::Target t;
  if (!input.department.empty()) {
    auto department = ParseFormId(input.department, "department");
    if (!department) return Unexpected(department.error());
    t.department_id = *department;
  }
  int share = 0;
  const auto [ptr, ec] =
      std::from_chars(input.share.data(), input.share.data() + input.share.size(), share);
  if (input.share.empty() || ec != std::errc() || ptr != input.share.data() + input.share.size()) {
    return InvalidArgument("'" + input.share + "' is not a whole per cent", "share_percent");
  }
  t.share_percent = share;
  auto due = training::ParseSwedishDate(input.due);
  if (!due) return InvalidArgument(due.error().message(), "due");
  t.due = *due;
  t.decision = input.decision;
  if (Status s = ctx.db.training().SetTarget(t); !s) return s;
  const std::string scope =
      t.department_id ? "department:" + std::to_string(*t.department_id) : std::string("all");
  return Audit(ctx, "training_target_set", "training_target:" + scope,
               std::to_string(t.share_percent) + " % by " + FormatDate(t.due));
}

Status RemoveTrainingTarget(const TrainingContext& ctx, std::string_view department) {
  std::optional<training::Id> id;
  if (!department.empty()) {
    auto parsed = ParseFormId(department, "department");
    if (!parsed) return Unexpected(parsed.error());
    id = *parsed;
  }
  if (Status s = ctx.db.training().RemoveTarget(id); !s) return s;
  return Audit(
      ctx, "training_target_remove",
      "training_target:" + (id ? "department:" + std::to_string(*id) : std::string("all")));
}

Result<training::Register> LoadRegisterAudited(const TrainingContext& ctx, std::string_view action,
                                               std::string_view object) {
  if (Status s = Audit(ctx, action, object); !s) return Unexpected(s.error());
  return ctx.db.training().LoadRegister();
}

}  // namespace synlig::web
