// The admin's clinics page: clinics, which clinic_staff user works where, add a clinic, assign
// or unassign staff. The assignment lives in its own table (clinic_staff), so the user form
// is unchanged.
#include <map>

#include "clinic_handlers.h"
#include "clinic_service.h"
#include "error_status.h"
#include "page.h"
#include "prevention_view.h"

namespace synlig::web {
namespace {

void RenderClinics(RequestContext& ctx, const Params* input, const Error* error,
                   std::string_view form) {
  storage::Database& db = ctx.app.db();
  auto clinics = db.clinics().ListClinics();
  if (!clinics) return RenderError(ctx, clinics.error());
  auto staff = db.clinics().ListStaff();
  if (!staff) return RenderError(ctx, staff.error());
  auto users = db.users().List();
  if (!users) return RenderError(ctx, users.error());
  std::map<std::int64_t, std::int64_t> clinic_of;
  for (const storage::ClinicStaff& s : *staff) clinic_of[s.user_id] = s.clinic_id;
  const bool en = ctx.lang == Lang::kEn;
  TemplateList rows;
  TemplateList clinic_options;
  for (const followup::Clinic& c : *clinics) {
    TemplateData r;
    r.set("id", std::to_string(c.id));
    r.set("name", c.name);
    r.set("kind", std::string(followup::Label(followup::ClinicKinds(),
                                              static_cast<std::size_t>(c.kind), en)));
    r.set("city", c.city);
    std::string names;
    for (const storage::User& u : *users) {
      const auto it = clinic_of.find(u.id);
      if (it == clinic_of.end() || it->second != c.id) continue;
      if (!names.empty()) names += ", ";
      names += u.username;
    }
    r.set("staff", names.empty() ? std::string("–") : names);
    rows.push_back(r);
    TemplateData o;
    o.set("value", std::to_string(c.id));
    o.set("label", c.name);
    clinic_options.push_back(o);
  }
  TemplateList staff_options;
  for (const storage::User& u : *users) {
    if (u.role != Role::kClinicStaff) continue;
    TemplateData o;
    o.set("value", std::to_string(u.id));
    o.set("label", u.username + (u.display_name.empty() ? "" : " (" + u.display_name + ")"));
    staff_options.push_back(o);
  }
  TemplateData data;
  data.set("clinics", rows);
  if (rows.empty()) data.set("no_clinics", true);
  data.set("clinic_options", clinic_options);
  data.set("staff_options", staff_options);
  if (staff_options.empty()) data.set("no_staff", true);
  const std::string_view kind = input ? FindParam(*input, "kind").value_or("") : "";
  data.set("kinds", CodeOptions(followup::ClinicKinds(), ctx.lang, {kind}));
  if (input && form == "clinic") {
    data.set("name", std::string(FindParam(*input, "name").value_or("")));
    data.set("city", std::string(FindParam(*input, "city").value_or("")));
  }
  PageOptions options;
  if (error) {
    const std::string prefix = form == "clinic" ? "clinic-" : "staff-";
    options.status = SetFormError(ctx, data, "clinic." + std::string(form), prefix, *error);
  }
  RenderPage(ctx, "clinic_admin", ctx.T("clinic.admin_title"), std::move(data), options);
}

}  // namespace

void HandleAdminClinics(RequestContext& ctx) { RenderClinics(ctx, nullptr, nullptr, ""); }

void HandleAdminClinicCreate(RequestContext& ctx) {
  auto id = AddClinic(ctx.app.db(), ctx.app.clock(), ctx.Form("name"), ctx.Form("kind"),
                      ctx.Form("city"), ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument ||
        id.error().code() == ErrorCode::kAlreadyExists) {
      return RenderClinics(ctx, &ctx.form, &id.error(), "clinic");
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/admin/clinics");
}

void HandleAdminClinicStaff(RequestContext& ctx) {
  const auto user = ParseFormId(ctx.Form("user"));
  if (!user) {
    const Error e(ErrorCode::kInvalidArgument, "choose a user", "user");
    return RenderClinics(ctx, &ctx.form, &e, "staff");
  }
  std::optional<std::int64_t> clinic;
  if (const std::string_view text = ctx.Form("clinic"); text != "none") {
    clinic = ParseFormId(text);
    if (!clinic) {
      const Error e(ErrorCode::kInvalidArgument, "choose a clinic", "clinic");
      return RenderClinics(ctx, &ctx.form, &e, "staff");
    }
  }
  if (auto s = AssignClinicStaff(ctx.app.db(), ctx.app.clock(), *user, clinic, ctx.actor()); !s) {
    if (s.error().code() == ErrorCode::kInvalidArgument) {
      return RenderClinics(ctx, &ctx.form, &s.error(), "staff");
    }
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/admin/clinics");
}

}  // namespace synlig::web
