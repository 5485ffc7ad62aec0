// The prevention coordinator's pages: the activity log of a school year, logging an activity,
// an activity with its aggregated attitude answers, and the schools with their grades.
#include "prevention_handlers.h"

#include <algorithm>

#include "error_status.h"
#include "page.h"
#include "prevention_service.h"
#include "prevention_view.h"

namespace synlig::web {
namespace {

using followup::Activity;
using followup::School;

bool En(const RequestContext& ctx) { return ctx.lang == Lang::kEn; }

std::string GradeList(const std::vector<int>& grades, bool english) {
  std::string out;
  for (const int g : grades) {
    if (!out.empty()) out += ", ";
    out += followup::Label(followup::Grades(), static_cast<std::size_t>(g), english);
  }
  return out;
}

// Where an activity took place, by name.
std::string PlaceName(const Activity& a, const std::vector<School>& schools,
                      const std::vector<storage::Unit>& units) {
  if (a.school_id) {
    for (const School& s : schools) {
      if (s.id == *a.school_id) return s.name;
    }
  } else if (a.unit_id) {
    for (const storage::Unit& u : units) {
      if (u.id == *a.unit_id) return u.name;
    }
  }
  return "–";
}

std::string TargetText(const RequestContext& ctx, const Activity& a) {
  std::string text(followup::Label(followup::TargetGroups(), static_cast<std::size_t>(a.target),
                                   En(ctx)));
  if (a.target == followup::TargetGroup::kGrade) text += ": " + GradeList(a.grades, En(ctx));
  if (a.target == followup::TargetGroup::kAge) {
    text += ": " + std::to_string(a.age_from) + "–" + std::to_string(a.age_to) + " " +
            std::string(ctx.T("prevention.years_old"));
  }
  return text;
}

void RenderActivityForm(RequestContext& ctx, const followup::ActivityInput& input,
                        const Error* error) {
  auto schools = ctx.app.db().prevention().ListSchools();
  if (!schools) return RenderError(ctx, schools.error());
  auto units = ctx.app.db().units().List();
  if (!units) return RenderError(ctx, units.error());
  TemplateData data;
  data.set("date", input.date.empty() ? FormatDate(TodayOf(ctx.app.clock())) : input.date);
  data.set("max_date", FormatDate(TodayOf(ctx.app.clock())));
  data.set("kinds", CodeOptions(followup::ActivityKinds(), ctx.lang, {input.kind}));
  TemplateList school_options;
  for (const School& s : *schools) {
    if (!s.active) continue;
    TemplateData o;
    o.set("value", "school:" + std::to_string(s.id));
    o.set("label", s.name + " (" + GradeList(s.grades, En(ctx)) + ")");
    if (input.place == "school:" + std::to_string(s.id)) o.set("selected", true);
    school_options.push_back(o);
  }
  data.set("schools", school_options);
  TemplateList unit_options;
  for (const storage::Unit& u : *units) {
    if (!u.active) continue;
    TemplateData o;
    o.set("value", "unit:" + std::to_string(u.id));
    o.set("label", u.name);
    if (input.place == "unit:" + std::to_string(u.id)) o.set("selected", true);
    unit_options.push_back(o);
  }
  data.set("units", unit_options);
  data.set("targets", CodeOptions(followup::TargetGroups(), ctx.lang,
                                  {input.target.empty() ? std::string_view("grade")
                                                        : std::string_view(input.target)}));
  std::vector<std::string_view> grades(input.grades.begin(), input.grades.end());
  data.set("grades", CodeOptions(followup::Grades(), ctx.lang, grades));
  data.set("age_from", input.age_from);
  data.set("age_to", input.age_to);
  data.set("reached", input.reached);
  data.set("method", input.method);
  data.set("partner", input.partner);
  PageOptions options;
  if (error) options.status = SetFormError(ctx, data, "prevention.activity", "activity-", *error);
  RenderPage(ctx, "prevention_activity_new", ctx.T("prevention.new_title"), std::move(data),
             options);
}

// The attitude form's inputs as posted ("<question>.<phase>.<option>").
std::vector<followup::AttitudeInput> PostedAttitudes(const RequestContext& ctx) {
  std::vector<followup::AttitudeInput> inputs;
  for (const followup::Code& q : followup::AttitudeQuestions()) {
    followup::AttitudeInput in;
    in.question = std::string(q.code);
    for (std::size_t o = 0; o < followup::kLikertOptions; ++o) {
      const std::string option(followup::LikertOptions()[o].code);
      in.before[o] = std::string(ctx.Form(in.question + ".before." + option));
      in.after[o] = std::string(ctx.Form(in.question + ".after." + option));
    }
    inputs.push_back(std::move(in));
  }
  return inputs;
}

void RenderActivity(RequestContext& ctx, std::int64_t id,
                    const std::vector<followup::AttitudeInput>* posted, const Error* error,
                    bool saved) {
  storage::Database& db = ctx.app.db();
  auto activity = db.prevention().FindActivity(id);
  if (!activity) return RenderError(ctx, activity.error());
  auto schools = db.prevention().ListSchools();
  if (!schools) return RenderError(ctx, schools.error());
  auto units = db.units().List();
  if (!units) return RenderError(ctx, units.error());
  const Activity& a = *activity;
  TemplateData data;
  data.set("id", std::to_string(a.id));
  data.set("date", FormatDate(a.date));
  data.set("kind", std::string(followup::Label(followup::ActivityKinds(),
                                               static_cast<std::size_t>(a.kind), En(ctx))));
  data.set("place", PlaceName(a, *schools, *units));
  data.set("target", TargetText(ctx, a));
  data.set("reached", std::to_string(a.reached));
  data.set("method", a.method.empty() ? "–" : a.method);
  data.set("partner", a.partner.empty() ? "–" : a.partner);
  TemplateList questions;
  for (std::size_t q = 0; q < followup::AttitudeQuestions().size(); ++q) {
    const followup::Code& question = followup::AttitudeQuestions()[q];
    const followup::AttitudeResult* stored = nullptr;
    for (const auto& r : a.attitudes) {
      if (r.question == q) stored = &r;
    }
    TemplateData qd;
    qd.set("qcode", std::string(question.code));
    qd.set("text", std::string(En(ctx) ? question.en : question.sv));
    if (error && error->field() == "attitude_" + std::string(question.code)) {
      qd.set("error", std::string(ctx.T("prevention.error.attitude")));
    }
    TemplateList options;
    for (std::size_t o = 0; o < followup::kLikertOptions; ++o) {
      TemplateData od;
      od.set("ocode", std::string(followup::LikertOptions()[o].code));
      od.set("label", std::string(followup::Label(followup::LikertOptions(), o, En(ctx))));
      std::string before, after;
      if (posted) {
        before = (*posted)[q].before[o];
        after = (*posted)[q].after[o];
      } else if (stored) {
        before = std::to_string(stored->before[o]);
        after = std::to_string(stored->after[o]);
      }
      od.set("before", before);
      od.set("after", after);
      options.push_back(od);
    }
    qd.set("options", options);
    if (stored) {
      const std::int64_t nb = followup::Sum(stored->before);
      const std::int64_t na = followup::Sum(stored->after);
      qd.set("answered", true);
      qd.set("n_before", std::to_string(nb));
      qd.set("n_after", std::to_string(na));
    }
    questions.push_back(qd);
  }
  data.set("questions", questions);
  data.set("max_count", std::to_string(a.reached));
  if (saved) data.set("saved", true);
  PageOptions options;
  if (error) {
    options.status = SetFormError(ctx, data, "prevention.attitude", "att-", *error);
  }
  RenderPage(ctx, "prevention_activity", ctx.T("prevention.activity_title"), std::move(data),
             options);
}

void RenderSchools(RequestContext& ctx, const std::string& name,
                   const std::vector<std::string>& grades, const Error* error) {
  auto schools = ctx.app.db().prevention().ListSchools();
  if (!schools) return RenderError(ctx, schools.error());
  TemplateList rows;
  for (const School& s : *schools) {
    TemplateData r;
    r.set("id", std::to_string(s.id));
    r.set("name", s.name);
    r.set("grades", GradeList(s.grades, En(ctx)));
    if (!s.active) r.set("inactive", true);
    rows.push_back(r);
  }
  TemplateData data;
  data.set("schools", rows);
  if (schools->empty()) data.set("no_schools", true);
  data.set("name", name);
  std::vector<std::string_view> chosen(grades.begin(), grades.end());
  data.set("grades", CodeOptions(followup::Grades(), ctx.lang, chosen));
  PageOptions options;
  if (error) options.status = SetFormError(ctx, data, "prevention.school", "school-", *error);
  RenderPage(ctx, "prevention_schools", ctx.T("prevention.schools_title"), std::move(data),
             options);
}

}  // namespace

void HandlePreventionLog(RequestContext& ctx) {
  auto year = ChosenSchoolYear(ctx.Query("year"), ctx.app.clock());
  if (!year) return RenderError(ctx, year.error());
  auto loaded = LoadPreventionYear(ctx.app.db(), *year);
  if (!loaded) return RenderError(ctx, loaded.error());
  auto units = ctx.app.db().units().List();
  if (!units) return RenderError(ctx, units.error());
  TemplateData data;
  data.set("year_code", followup::SchoolYearCode(*year));
  data.set("year_label", followup::SchoolYearLabel(*year, En(ctx)));
  data.set("years", SchoolYearOptions(ctx, year->start_year));
  const followup::Coverage& c = loaded->whole_year;
  data.set("activities_count", std::to_string(c.activities));
  data.set("reached", std::to_string(c.reached));
  data.set("schools_reached", PartOf(ctx, c.schools_reached, c.schools));
  data.set("grades_reached", PartOf(ctx, c.grade_slots_reached, c.grade_slots));
  TemplateList rows;
  for (const Activity& a : loaded->activities) {
    TemplateData r;
    r.set("id", std::to_string(a.id));
    r.set("date", FormatDate(a.date));
    r.set("kind", std::string(followup::Label(followup::ActivityKinds(),
                                              static_cast<std::size_t>(a.kind), En(ctx))));
    r.set("place", PlaceName(a, loaded->schools, *units));
    r.set("target", TargetText(ctx, a));
    r.set("reached", std::to_string(a.reached));
    r.set("attitudes", std::string(ctx.T(a.attitudes.empty() ? "prevention.no" : "prevention.yes")));
    rows.push_back(r);
  }
  data.set("activities", rows);
  if (rows.empty()) data.set("no_activities", true);
  if (loaded->schools.empty()) data.set("no_schools", true);
  if (ctx.Query("deleted") == "1") data.set("deleted", true);
  RenderPage(ctx, "prevention_log", ctx.T("prevention.log_title"), std::move(data));
}

void HandlePreventionActivityNew(RequestContext& ctx) {
  RenderActivityForm(ctx, followup::ActivityInput{}, nullptr);
}

void HandlePreventionActivityCreate(RequestContext& ctx) {
  followup::ActivityInput input;
  input.date = ctx.Form("date");
  input.kind = ctx.Form("kind");
  input.place = ctx.Form("place");
  input.target = ctx.Form("target");
  for (const std::string_view g : FindAllParams(ctx.form, "grades")) input.grades.emplace_back(g);
  input.age_from = ctx.Form("age_from");
  input.age_to = ctx.Form("age_to");
  input.reached = ctx.Form("reached");
  input.method = ctx.Form("method");
  input.partner = ctx.Form("partner");
  auto id = AddActivity(ctx.app.db(), ctx.app.clock(), input, ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument) {
      return RenderActivityForm(ctx, input, &id.error());
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/prevention/activities/" + std::to_string(*id) + "?saved=1");
}

void HandlePreventionActivity(RequestContext& ctx) {
  RenderActivity(ctx, ArgId(ctx), nullptr, nullptr, ctx.Query("saved") == "1");
}

void HandlePreventionAttitudes(RequestContext& ctx) {
  const std::int64_t id = ArgId(ctx);
  const std::vector<followup::AttitudeInput> inputs = PostedAttitudes(ctx);
  if (auto s = SaveAttitudes(ctx.app.db(), ctx.app.clock(), id, inputs, ctx.actor()); !s) {
    if (s.error().code() == ErrorCode::kInvalidArgument) {
      return RenderActivity(ctx, id, &inputs, &s.error(), false);
    }
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/prevention/activities/" + std::to_string(id) + "?saved=1");
}

void HandlePreventionActivityDelete(RequestContext& ctx) {
  if (auto s = RemoveActivity(ctx.app.db(), ctx.app.clock(), ArgId(ctx), ctx.actor()); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/prevention?deleted=1");
}

void HandlePreventionSchools(RequestContext& ctx) { RenderSchools(ctx, "", {}, nullptr); }

void HandlePreventionSchoolCreate(RequestContext& ctx) {
  const std::string name(ctx.Form("name"));
  std::vector<std::string> grades;
  for (const std::string_view g : FindAllParams(ctx.form, "grades")) grades.emplace_back(g);
  auto id = AddSchool(ctx.app.db(), ctx.app.clock(), name, grades, ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument ||
        id.error().code() == ErrorCode::kAlreadyExists) {
      return RenderSchools(ctx, name, grades, &id.error());
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/prevention/schools");
}

}  // namespace synlig::web
