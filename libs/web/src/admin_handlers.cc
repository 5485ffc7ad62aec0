// The admin pages: users (add, disable/enable, new password), units (add) and the audit log.
// The admin sees no case data.
#include <charconv>

#include "admin_service.h"
#include "error_status.h"
#include "handlers.h"
#include "page.h"

namespace synlig::web {
namespace {

const int kFormInvalid = HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm);

struct FormError {
  std::string field;
  std::string text;
};

void SetFormError(TemplateData& data, std::string_view id_prefix, const FormError& error) {
  data.set("error_" + error.field, error.text);
  TemplateData e;
  e.set("href", "#" + std::string(id_prefix) + error.field);
  e.set("text", error.text);
  data.set("errors", TemplateList{e});
  data.set("has_errors", true);
}

FormError ToFormError(const RequestContext& ctx, std::string_view form, const Error& error) {
  return FormError{error.field().empty() ? "general" : error.field(),
                   std::string(ctx.T(FieldErrorKey(form, error)))};
}

void RenderUsers(RequestContext& ctx, const Params* input, const FormError* error, int status,
                 std::string_view notice_key) {
  storage::Database& db = ctx.app.db();
  auto users = db.users().List();
  if (!users) return RenderError(ctx, users.error());
  auto units = db.units().List();
  if (!units) return RenderError(ctx, units.error());
  const std::int64_t now = ctx.app.clock().NowUnix();
  TemplateList rows;
  for (const storage::User& user : *users) {
    TemplateData u;
    u.set("id", std::to_string(user.id));
    u.set("username", user.username);
    u.set("display_name", user.display_name);
    u.set("role", std::string(RoleName(user.role, ctx.lang)));
    std::string unit_name;
    for (const storage::Unit& unit : *units) {
      if (user.unit_id && unit.id == *user.unit_id) unit_name = unit.name;
    }
    u.set("unit", unit_name);
    if (user.disabled) u.set("disabled", true);
    if (user.locked_until > now) u.set("locked", true);
    if (ctx.principal && user.id == ctx.principal->user.id) u.set("self", true);
    rows.push_back(u);
  }
  TemplateData data;
  data.set("users", rows);
  const std::string_view chosen_role = input ? FindParam(*input, "role").value_or("") : "";
  TemplateList roles;
  for (const Role role : kAllRoles) {
    TemplateData r;
    r.set("value", std::string(RoleCode(role)));
    r.set("label", std::string(RoleName(role, ctx.lang)));
    if (chosen_role == RoleCode(role)) r.set("selected", true);
    roles.push_back(r);
  }
  data.set("roles", roles);
  const std::string_view chosen_unit = input ? FindParam(*input, "unit").value_or("") : "";
  TemplateList unit_options;
  for (const storage::Unit& unit : *units) {
    TemplateData o;
    o.set("value", std::to_string(unit.id));
    o.set("label", unit.name);
    if (chosen_unit == std::to_string(unit.id)) o.set("selected", true);
    unit_options.push_back(o);
  }
  data.set("units", unit_options);
  if (input) {
    data.set("username", std::string(FindParam(*input, "username").value_or("")));
    data.set("display_name", std::string(FindParam(*input, "display_name").value_or("")));
    data.set("email", std::string(FindParam(*input, "email").value_or("")));
  }
  if (error) SetFormError(data, "user-", *error);
  if (!notice_key.empty()) data.set("notice", std::string(ctx.T(notice_key)));
  PageOptions options;
  options.status = status;
  RenderPage(ctx, "admin_users", ctx.T("users.title"), std::move(data), options);
}

void RenderUnits(RequestContext& ctx, const Params* input, const FormError* error, int status) {
  auto units = ctx.app.db().units().List();
  if (!units) return RenderError(ctx, units.error());
  TemplateList rows;
  for (const storage::Unit& unit : *units) {
    TemplateData u;
    u.set("id", std::to_string(unit.id));
    u.set("name", unit.name);
    u.set("sector", std::string(SectorName(unit.sector, ctx.lang)));
    u.set("department", unit.department);
    rows.push_back(u);
  }
  TemplateData data;
  data.set("units", rows);
  if (units->empty()) data.set("no_units", true);
  const std::string_view chosen = input ? FindParam(*input, "sector").value_or("") : "";
  TemplateList sectors;
  for (const Sector sector : kAllSectors) {
    TemplateData s;
    s.set("value", std::string(SectorCode(sector)));
    s.set("label", std::string(SectorName(sector, ctx.lang)));
    if (chosen == SectorCode(sector)) s.set("selected", true);
    sectors.push_back(s);
  }
  data.set("sectors", sectors);
  if (input) {
    data.set("name", std::string(FindParam(*input, "name").value_or("")));
    data.set("department", std::string(FindParam(*input, "department").value_or("")));
  }
  if (error) SetFormError(data, "unit-", *error);
  PageOptions options;
  options.status = status;
  RenderPage(ctx, "admin_units", ctx.T("units.title"), std::move(data), options);
}

void FinishUserChange(RequestContext& ctx, const Status& status) {
  if (!status) return RenderError(ctx, status.error());
  ctx.res.Redirect("/admin/users");
}

}  // namespace

void HandleAdminUsers(RequestContext& ctx) { RenderUsers(ctx, nullptr, nullptr, 200, ""); }

void HandleAdminUserCreate(RequestContext& ctx) {
  NewUser user;
  user.username = ctx.Form("username");
  user.display_name = ctx.Form("display_name");
  user.email = ctx.Form("email");
  user.password = ctx.Form("password");
  auto role = ParseRole(ctx.Form("role"));
  if (!role) {
    const FormError error{"role", std::string(ctx.T("users.error.role"))};
    return RenderUsers(ctx, &ctx.form, &error, kFormInvalid, "");
  }
  user.role = *role;
  if (const std::string_view unit = ctx.Form("unit"); !unit.empty()) {
    storage::Id id = 0;
    const auto [ptr, ec] = std::from_chars(unit.data(), unit.data() + unit.size(), id);
    if (ec != std::errc() || ptr != unit.data() + unit.size()) {
      const FormError error{"unit", std::string(ctx.T("users.error.unit"))};
      return RenderUsers(ctx, &ctx.form, &error, kFormInvalid, "");
    }
    user.unit_id = id;
  }
  auto id =
      CreateUser(ctx.app.db(), ctx.app.clock(), user, ctx.app.options().password_cost, ctx.actor());
  if (!id) {
    const ErrorCode code = id.error().code();
    if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists) {
      const FormError error = ToFormError(ctx, "users", id.error());
      return RenderUsers(ctx, &ctx.form, &error, HttpStatusFor(code, ErrorContext::kForm), "");
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/admin/users");
}

void HandleAdminUserDisable(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  if (ctx.principal->user.id == id) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kFailedPrecondition), "error.conflict_title",
                         "users.error.disable_self");
  }
  FinishUserChange(ctx, SetDisabled(ctx.app.db(), ctx.app.clock(), id, true, ctx.actor()));
}

void HandleAdminUserEnable(RequestContext& ctx) {
  FinishUserChange(ctx, SetDisabled(ctx.app.db(), ctx.app.clock(), ArgId(ctx), false, ctx.actor()));
}

void HandleAdminUserPassword(RequestContext& ctx) {
  auto s = ResetPassword(ctx.app.db(), ctx.app.clock(), ArgId(ctx), ctx.Form("password"),
                         ctx.app.options().password_cost, ctx.actor());
  if (!s && s.error().code() == ErrorCode::kInvalidArgument) {
    const FormError error{"password", std::string(ctx.T("users.error.password"))};
    return RenderUsers(ctx, nullptr, &error, kFormInvalid, "");
  }
  if (!s) return RenderError(ctx, s.error());
  RenderUsers(ctx, nullptr, nullptr, 200, "users.password_set");
}

void HandleAdminUnits(RequestContext& ctx) { RenderUnits(ctx, nullptr, nullptr, 200); }

void HandleAdminUnitCreate(RequestContext& ctx) {
  UnitInput input{std::string(ctx.Form("name")), std::string(ctx.Form("sector")),
                  std::string(ctx.Form("department"))};
  auto id = CreateUnit(ctx.app.db(), ctx.app.clock(), input, ctx.actor());
  if (!id) {
    const ErrorCode code = id.error().code();
    if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists) {
      const FormError error = ToFormError(ctx, "units", id.error());
      return RenderUnits(ctx, &ctx.form, &error, HttpStatusFor(code, ErrorContext::kForm));
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/admin/units");
}

void HandleAdminAudit(RequestContext& ctx) {
  AuditQuery query;
  query.action = ctx.Query("action").substr(0, 64);
  query.username = ctx.Query("user").substr(0, 64);
  query.from = ctx.Query("from").substr(0, 10);
  query.to = ctx.Query("to").substr(0, 10);
  const std::string_view page = ctx.Query("page");
  std::from_chars(page.data(), page.data() + page.size(), query.page);
  if (query.page < 1 || query.page > 100000) query.page = 1;

  TemplateData data;
  data.set("action", query.action);
  data.set("user", query.username);
  data.set("from", query.from);
  data.set("to", query.to);
  auto result = QueryAudit(ctx.app.db(), query);
  int status = 200;
  if (!result) {
    if (result.error().code() != ErrorCode::kInvalidArgument) {
      return RenderError(ctx, result.error());
    }
    SetFormError(data, "audit-", ToFormError(ctx, "audit", result.error()));
    status = HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm);
  } else {
    TemplateList events;
    for (const storage::AuditEvent& e : result->events) {
      TemplateData row;
      row.set("at", FormatTime(e.at));
      row.set("username", e.username);
      row.set("action", e.action);
      row.set("object", e.object);
      row.set("detail", e.detail);
      row.set("ip", e.ip);
      events.push_back(row);
    }
    if (events.empty()) data.set("no_events", true);
    data.set("events", events);
    const std::string filters = "action=" + UrlEncode(query.action) +
                                "&user=" + UrlEncode(query.username) +
                                "&from=" + UrlEncode(query.from) + "&to=" + UrlEncode(query.to);
    if (query.page > 1) {
      data.set("prev_href", "/admin/audit?" + filters + "&page=" + std::to_string(query.page - 1));
    }
    if (result->has_next) {
      data.set("next_href", "/admin/audit?" + filters + "&page=" + std::to_string(query.page + 1));
    }
    data.set("page", std::to_string(query.page));
  }
  PageOptions options;
  options.status = status;
  RenderPage(ctx, "admin_audit", ctx.T("audit.title"), std::move(data), options);
}

}  // namespace synlig::web
