// The organisation page of the training register: departments (förvaltningar and municipal
// companies), their units and the job roles, each added and edited in place.
#include <map>

#include "page.h"
#include "training_handlers.h"
#include "training_view.h"

namespace synlig::web {
namespace {

TrainingContext Ctx(RequestContext& ctx) {
  return TrainingContext{ctx.app.db(), ctx.app.clock(), ctx.actor()};
}

std::vector<std::pair<std::string, std::string>> KindOptions(const RequestContext& ctx) {
  return {{"department", std::string(KindName(ctx, training::OrgKind::kDepartment))},
          {"company", std::string(KindName(ctx, training::OrgKind::kCompany))}};
}

// Renders the page; `failed` names the add form whose input is shown again with `error`.
void RenderOrganisation(RequestContext& ctx, const TrainingFormError* error,
                        std::string_view failed) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  TemplateData data;
  std::vector<std::pair<std::string, std::string>> departments;
  std::map<training::Id, int> units_per_department;
  for (const training::Unit& u : reg->units) ++units_per_department[u.department_id];
  TemplateList department_rows;
  for (const training::Department& d : reg->departments) {
    departments.emplace_back(std::to_string(d.id), d.name);
    TemplateData row;
    row.set("id", std::to_string(d.id));
    row.set("name", d.name);
    row.set("units", std::to_string(units_per_department[d.id]));
    PutOptions(row, "kinds", KindOptions(ctx), training::OrgKindCode(d.kind));
    department_rows.push_back(row);
  }
  data.set("departments", department_rows);
  if (reg->departments.empty()) data.set("no_departments", true);
  TemplateList unit_rows;
  for (const training::Unit& u : reg->units) {
    TemplateData row;
    row.set("id", std::to_string(u.id));
    row.set("name", u.name);
    row.set("manager_email", u.manager_email);
    if (u.active) row.set("active", true);
    PutOptions(row, "department_options", departments, std::to_string(u.department_id));
    unit_rows.push_back(row);
  }
  data.set("units", unit_rows);
  if (reg->units.empty()) data.set("no_units", true);
  TemplateList role_rows;
  for (const training::JobRole& r : reg->roles) {
    TemplateData row;
    row.set("id", std::to_string(r.id));
    row.set("name", r.name);
    if (r.target_group) row.set("target_group", true);
    role_rows.push_back(row);
  }
  data.set("roles", role_rows);
  // The add forms, with what was typed when one of them failed.
  const bool dept_failed = failed == "department";
  const bool unit_failed = failed == "unit";
  const bool role_failed = failed == "role";
  data.set("department_name", std::string(dept_failed ? ctx.Form("name") : ""));
  PutOptions(data, "kind_options", KindOptions(ctx), dept_failed ? ctx.Form("kind") : "department");
  data.set("unit_name", std::string(unit_failed ? ctx.Form("name") : ""));
  data.set("unit_manager_email", std::string(unit_failed ? ctx.Form("manager_email") : ""));
  PutOptions(data, "unit_department_options", departments,
             unit_failed ? ctx.Form("department") : "");
  data.set("role_name", std::string(role_failed ? ctx.Form("name") : ""));
  if (role_failed ? ctx.Form("target_group") == "1" : true) data.set("role_target_group", true);
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (const std::string_view saved = ctx.Query("saved"); !saved.empty()) {
    data.set("notice", std::string(ctx.T("training.saved")));
  }
  RenderTraining(ctx, "training_organisation", "training.org.title", std::move(data), status);
}

// After a change: 303 back to the page; an input error renders the page again.
void Finish(RequestContext& ctx, const Status& status, std::string_view form,
            std::string_view failed) {
  if (status) {
    ctx.res.Redirect("/training/organisation?saved=1");
    return;
  }
  const ErrorCode code = status.error().code();
  if (code != ErrorCode::kInvalidArgument && code != ErrorCode::kAlreadyExists) {
    return RenderError(ctx, status.error());
  }
  const TrainingFormError error = TrainingErrorFor(ctx, form, status.error());
  RenderOrganisation(ctx, &error, failed);
}

Status AsStatus(const Result<training::Id>& r) {
  if (r) return Ok();
  return Unexpected(r.error());
}

UnitInput UnitFromForm(const RequestContext& ctx) {
  return UnitInput{std::string(ctx.Form("name")), std::string(ctx.Form("department")),
                   std::string(ctx.Form("manager_email")), ctx.Form("active") == "1"};
}

}  // namespace

void HandleTrainingOrganisation(RequestContext& ctx) { RenderOrganisation(ctx, nullptr, ""); }

void HandleTrainingDepartmentCreate(RequestContext& ctx) {
  Finish(ctx, AsStatus(CreateDepartment(Ctx(ctx), ctx.Form("name"), ctx.Form("kind"))),
         "department", "department");
}

void HandleTrainingDepartmentUpdate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  Finish(ctx, UpdateDepartment(Ctx(ctx), id, ctx.Form("name"), ctx.Form("kind")),
         "department-" + std::to_string(id), "");
}

void HandleTrainingUnitCreate(RequestContext& ctx) {
  Finish(ctx, AsStatus(CreateTrainingUnit(Ctx(ctx), UnitFromForm(ctx))), "unit", "unit");
}

void HandleTrainingUnitUpdate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  Finish(ctx, UpdateTrainingUnit(Ctx(ctx), id, UnitFromForm(ctx)), "unit-" + std::to_string(id),
         "");
}

void HandleTrainingRoleCreate(RequestContext& ctx) {
  Finish(ctx, AsStatus(CreateJobRole(Ctx(ctx), ctx.Form("name"), ctx.Form("target_group") == "1")),
         "role", "role");
}

void HandleTrainingRoleUpdate(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  Finish(ctx, UpdateJobRole(Ctx(ctx), id, ctx.Form("name"), ctx.Form("target_group") == "1"),
         "role-" + std::to_string(id), "");
}

}  // namespace synlig::web
