// Coverage of the training register against the council's targets (by department, role,
// unit and month), the targets themselves, a unit's missing list for its manager, and the
// reminder e-mails.
#include "error_status.h"
#include "page.h"
#include "synlig/training/coverage.h"
#include "synlig/training/swedish_date.h"
#include "training_handlers.h"
#include "training_reminder_service.h"
#include "training_view.h"

namespace synlig::web {
namespace {

TrainingContext Ctx(RequestContext& ctx) {
  return TrainingContext{ctx.app.db(), ctx.app.clock(), ctx.actor()};
}

std::string TargetText(const RequestContext& ctx,
                       const std::optional<training::TargetProgress>& t) {
  if (!t) return std::string(ctx.T("training.coverage.no_target"));
  std::string text = ctx.app.catalog().Format(ctx.lang, "training.coverage.target_short", "share",
                                              std::to_string(t->target.share_percent));
  const std::size_t at = text.find("{due}");
  if (at != std::string::npos) text.replace(at, 5, FormatDate(t->target.due));
  return text;
}

std::string MonthLabel(const RequestContext& ctx, int year, unsigned month) {
  return std::string(ctx.T("training.month." + std::to_string(month))) + " " + std::to_string(year);
}

void RenderCoverage(RequestContext& ctx, const TrainingFormError* error) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  TemplateData data;
  Date as_of = TodayOf(ctx.app.clock());
  if (const std::string_view text = ctx.Query("date"); !text.empty()) {
    if (auto d = training::ParseSwedishDate(text.substr(0, 40))) {
      as_of = *d;
    } else {
      data.set("date_error", std::string(ctx.T("training.error.date")));
    }
  }
  data.set("as_of", FormatDate(as_of));
  const training::CoverageReport report = training::ComputeCoverage(*reg, as_of, 12);
  const training::CoverageSummary& s = report.summary;
  std::string overall = ctx.app.catalog().Format(ctx.lang, "training.coverage.overall_text",
                                                 "covered", std::to_string(s.overall.covered));
  for (const auto& [slot, value] :
       {std::pair<std::string, std::string>{"{group}", std::to_string(s.overall.target_group)},
        {"{share}", ShareText(s.overall)}}) {
    if (const std::size_t at = overall.find(slot); at != std::string::npos) {
      overall.replace(at, slot.size(), value);
    }
  }
  data.set("overall_text", overall);
  if (s.overall.target_group > 0) {
    data.set("has_group", true);
    data.set("overall_share", std::to_string(s.overall.SharePercent()));
  }
  std::string target = TargetText(ctx, s.target);
  if (s.target) {
    target +=
        " " + (s.target->met ? std::string(ctx.T("training.coverage.met"))
                             : ctx.app.catalog().Format(ctx.lang, "training.coverage.needed_text",
                                                        "n", std::to_string(s.target->needed)));
  }
  data.set("target_text", target);
  TemplateList departments;
  for (const training::DepartmentCoverage& d : s.departments) {
    TemplateData row;
    row.set("name", d.name);
    row.set("kind", std::string(KindName(ctx, d.kind)));
    row.set("covered", std::to_string(d.count.covered));
    row.set("group", std::to_string(d.count.target_group));
    row.set("share", ShareText(d.count));
    row.set("target", TargetText(ctx, d.target));
    row.set("needed", d.target ? std::to_string(d.target->needed) : std::string("–"));
    departments.push_back(row);
  }
  data.set("departments", departments);
  TemplateList roles;
  for (const training::RoleCoverage& r : report.roles) {
    TemplateData row;
    row.set("name", r.name);
    row.set("covered", std::to_string(r.count.covered));
    row.set("group", std::to_string(r.count.target_group));
    row.set("share", ShareText(r.count));
    roles.push_back(row);
  }
  data.set("roles", roles);
  TemplateList units;
  for (const training::UnitCoverage& u : report.units) {
    TemplateData row;
    row.set("id", std::to_string(u.unit_id));
    row.set("name", u.name);
    row.set("department", u.department_name);
    row.set("missing", std::to_string(u.count.missing()));
    row.set("group", std::to_string(u.count.target_group));
    row.set("share", ShareText(u.count));
    units.push_back(row);
  }
  data.set("units", units);
  TemplateList trend;
  for (const training::MonthPoint& p : report.trend) {
    TemplateData row;
    row.set("month", MonthLabel(ctx, p.year, p.month));
    row.set("completions", std::to_string(p.completions));
    row.set("covered", std::to_string(p.covered_at_end));
    row.set("share", ShareText({p.covered_at_end, s.overall.target_group}));
    trend.push_back(row);
  }
  data.set("trend", trend);
  // Targets and the form to set one.
  std::vector<std::pair<std::string, std::string>> scopes = {
      {"", std::string(ctx.T("training.targets.all"))}};
  for (const training::Department& d : reg->departments) {
    scopes.emplace_back(std::to_string(d.id), d.name);
  }
  TemplateList targets;
  for (const training::Target& t : reg->targets) {
    TemplateData row;
    const training::Department* d =
        t.department_id ? ById(reg->departments, *t.department_id) : nullptr;
    row.set("key", t.department_id ? std::to_string(*t.department_id) : std::string("all"));
    row.set("department", t.department_id ? std::to_string(*t.department_id) : std::string());
    row.set("scope", d ? d->name : std::string(ctx.T("training.targets.all")));
    row.set("share", std::to_string(t.share_percent));
    row.set("due", FormatDate(t.due));
    row.set("decision", t.decision);
    targets.push_back(row);
  }
  if (targets.empty()) data.set("no_targets", true);
  data.set("targets", targets);
  const bool failed = error != nullptr;
  PutOptions(data, "target_department_options", scopes, failed ? ctx.Form("department") : "");
  data.set("target_share_percent", std::string(failed ? ctx.Form("share_percent") : "80"));
  data.set("target_due", std::string(failed ? ctx.Form("due") : ""));
  data.set("target_decision", std::string(failed ? ctx.Form("decision") : ""));
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  }
  if (const std::string_view n = ctx.Query("imported"); !n.empty()) {
    std::string text = ctx.app.catalog().Format(ctx.lang, "training.coverage.imported", "n",
                                                std::string(n.substr(0, 9)));
    if (const std::size_t at = text.find("{known}"); at != std::string::npos) {
      text.replace(at, 7, std::string(ctx.Query("skipped").substr(0, 9)));
    }
    data.set("notice", text);
  } else if (!ctx.Query("saved").empty()) {
    data.set("notice", std::string(ctx.T("training.saved")));
  }
  RenderTraining(ctx, "training_coverage", "training.coverage.title", std::move(data), status);
}

}  // namespace

void HandleTrainingCoverage(RequestContext& ctx) { RenderCoverage(ctx, nullptr); }

void HandleTrainingTargetPost(RequestContext& ctx) {
  Status s;
  if (ctx.Form("action") == "remove") {
    s = RemoveTrainingTarget(Ctx(ctx), ctx.Form("department"));
  } else {
    s = SetTrainingTarget(
        Ctx(ctx),
        TargetInput{std::string(ctx.Form("department")), std::string(ctx.Form("share_percent")),
                    std::string(ctx.Form("due")), std::string(ctx.Form("decision"))});
  }
  if (!s) {
    if (s.error().code() != ErrorCode::kInvalidArgument) return RenderError(ctx, s.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "target", s.error());
    return RenderCoverage(ctx, &error);
  }
  ctx.res.Redirect("/training?saved=1#targets-heading");
}

void HandleTrainingUnit(RequestContext& ctx) {
  const training::Id id = ArgId(ctx);
  auto reg =
      LoadRegisterAudited(Ctx(ctx), "training_unit_view", "training_unit:" + std::to_string(id));
  if (!reg) return RenderError(ctx, reg.error());
  const training::Unit* unit = ById(reg->units, id);
  if (unit == nullptr) return RenderNotFound(ctx);
  const training::CoverageReport report =
      training::ComputeCoverage(*reg, TodayOf(ctx.app.clock()), 1);
  const training::Department* department = ById(reg->departments, unit->department_id);
  TemplateData data;
  data.set("id", std::to_string(id));
  data.set("heading",
           ctx.app.catalog().Format(ctx.lang, "training.unit.heading", "unit", unit->name));
  data.set("department", department ? department->name : std::string());
  data.set("manager_email", unit->manager_email);
  training::Count count;
  TemplateList missing;
  for (const training::UnitCoverage& u : report.units) {
    if (u.unit_id != id) continue;
    count = u.count;
    for (const training::Employee& e : u.missing) {
      const training::JobRole* role = ById(reg->roles, e.role_id);
      TemplateData row;
      row.set("name", e.name);
      row.set("email", e.email);
      row.set("role", role ? role->name : std::string());
      missing.push_back(row);
    }
  }
  data.set("group", std::to_string(count.target_group));
  data.set("share", ShareText(count));
  if (missing.empty()) data.set("no_missing", true);
  data.set("missing", missing);
  RenderTraining(ctx, "training_unit", "training.unit.title", std::move(data));
}

namespace {

ReminderInput ReminderFrom(const RequestContext& ctx, const Params& params) {
  ReminderInput in;
  in.audience = FindParam(params, "audience").value_or("employees");
  in.unit = FindParam(params, "unit").value_or("");
  in.lang = FindParam(params, "lang").value_or("sv") == "en" ? "en" : "sv";
  in.note = FindParam(params, "note").value_or("");
  const storage::User& user = ctx.principal->user;
  in.sender_name = user.display_name.empty() ? user.username : user.display_name;
  return in;
}

void RenderReminders(RequestContext& ctx, const ReminderInput& input, bool preview,
                     const ReminderOutcome* outcome, const TrainingFormError* error) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) return RenderError(ctx, reg.error());
  TemplateData data;
  if (ctx.app.mail() == nullptr) data.set("no_mail", true);
  PutOptions(data, "audiences",
             {{"employees", std::string(ctx.T("training.reminders.to_employees"))},
              {"managers", std::string(ctx.T("training.reminders.to_managers"))}},
             input.audience);
  auto units = UnitOptions(*reg, false);
  units.insert(units.begin(), {"", std::string(ctx.T("training.all_units"))});
  PutOptions(data, "unit_options", units, input.unit);
  PutOptions(data, "lang_options", {{"sv", "Svenska"}, {"en", "English"}}, input.lang);
  data.set("reminder_note", input.note);
  int status = 200;
  if (error) {
    SetTrainingError(data, *error);
    status = error->status;
  } else if (preview) {
    auto batch = PrepareReminders(Ctx(ctx), input);
    if (!batch) {
      if (batch.error().code() != ErrorCode::kInvalidArgument) {
        return RenderError(ctx, batch.error());
      }
      const TrainingFormError e = TrainingErrorFor(ctx, "reminder", batch.error());
      SetTrainingError(data, e);
      status = e.status;
    } else {
      data.set("previewed", true);
      data.set("count_text", ctx.app.catalog().Format(ctx.lang, "training.reminders.count", "n",
                                                      std::to_string(batch->messages.size())));
      TemplateList messages;
      for (const training::Reminder& r : batch->messages) {
        TemplateData m;
        m.set("to", r.to);
        m.set("subject", r.subject);
        m.set("employees", std::to_string(r.employees));
        messages.push_back(m);
      }
      data.set("messages", messages);
      if (!batch->messages.empty()) {
        data.set("has_messages", true);
        data.set("sample", batch->messages.front().body);
      }
      if (!batch->units_without_manager.empty()) {
        data.set("without_manager_any", true);
        data.set("without_manager", training::JoinAliases(batch->units_without_manager));
      }
      data.set("audience", input.audience);
      data.set("unit", input.unit);
      data.set("mail_lang", input.lang);
      data.set("note", input.note);
      data.set("send_label", ctx.app.catalog().Format(ctx.lang, "training.reminders.send", "n",
                                                      std::to_string(batch->messages.size())));
    }
  }
  if (outcome) {
    data.set("result", true);
    data.set("sent_text", ctx.app.catalog().Format(ctx.lang, "training.reminders.sent", "n",
                                                   std::to_string(outcome->sent)));
    if (!outcome->failed.empty()) {
      data.set("failed_any", true);
      TemplateList failed;
      for (const std::string& to : outcome->failed) failed.push_back(TemplateData(to));
      data.set("failed", failed);
    }
  }
  RenderTraining(ctx, "training_reminders", "training.reminders.title", std::move(data), status);
}

}  // namespace

void HandleTrainingReminders(RequestContext& ctx) {
  const bool preview = FindParam(ctx.query, "audience").has_value();
  RenderReminders(ctx, ReminderFrom(ctx, ctx.query), preview, nullptr, nullptr);
}

void HandleTrainingRemindersSend(RequestContext& ctx) {
  const ReminderInput input = ReminderFrom(ctx, ctx.form);
  auto outcome = SendReminders(Ctx(ctx), ctx.app.mail(), input);
  if (!outcome) {
    const ErrorCode code = outcome.error().code();
    if (code == ErrorCode::kFailedPrecondition) {
      return RenderMessage(ctx, HttpStatusFor(code), "training.reminders.no_mail_title",
                           "training.reminders.no_mail");
    }
    if (code != ErrorCode::kInvalidArgument) return RenderError(ctx, outcome.error());
    const TrainingFormError error = TrainingErrorFor(ctx, "reminder", outcome.error());
    return RenderReminders(ctx, input, false, nullptr, &error);
  }
  RenderReminders(ctx, input, false, &*outcome, nullptr);
}

}  // namespace synlig::web
