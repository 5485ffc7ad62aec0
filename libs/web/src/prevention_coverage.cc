// Coverage of schools and grades per term and school year, activities and reach by kind and
// target group, and the before/after attitude summary; readers see the answers suppressed.
#include "error_status.h"
#include "page.h"
#include "prevention_handlers.h"
#include "prevention_service.h"
#include "prevention_view.h"
#include "synlig/followup/suppression.h"

namespace synlig::web {
namespace {

bool En(const RequestContext& ctx) { return ctx.lang == Lang::kEn; }

TemplateData CoverageRow(const RequestContext& ctx, std::string label,
                         const followup::Coverage& c) {
  TemplateData r;
  r.set("label", std::move(label));
  r.set("activities", std::to_string(c.activities));
  r.set("reached", std::to_string(c.reached));
  r.set("schools", PartOf(ctx, c.schools_reached, c.schools));
  r.set("grades", PartOf(ctx, c.grade_slots_reached, c.grade_slots));
  return r;
}

// One attitude question: its distribution before and after, the share agreeing and the change,
// with cells under k hidden when k > 1.
TemplateData QuestionData(const RequestContext& ctx, const followup::QuestionSummary& q, int k) {
  TemplateData d;
  const followup::Code& question = followup::AttitudeQuestions()[q.question];
  d.set("qcode", std::string(question.code));
  d.set("text", std::string(En(ctx) ? question.en : question.sv));
  d.set("activities", std::to_string(q.activities));
  const followup::SuppressedTable before = followup::SuppressOneWay(q.before, k);
  const followup::SuppressedTable after = followup::SuppressOneWay(q.after, k);
  TemplateList rows;
  for (std::size_t o = 0; o < followup::kLikertOptions; ++o) {
    TemplateData r;
    r.set("label", std::string(followup::Label(followup::LikertOptions(), o, En(ctx))));
    r.set("before", before.cells[o]);
    r.set("after", after.cells[o]);
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("total_before", before.total);
  d.set("total_after", after.total);
  const bool safe = k <= 1 || (q.before_total >= k && q.after_total >= k);
  d.set("agree_before",
        safe && q.agree_before ? SharePercent(*q.agree_before) : std::string("–"));
  d.set("agree_after", safe && q.agree_after ? SharePercent(*q.agree_after) : std::string("–"));
  d.set("change", safe && q.change_points ? PointsText(*q.change_points, ctx.lang) + " " +
                                                 std::string(ctx.T("prevention.points"))
                                           : std::string("–"));
  return d;
}

}  // namespace

void HandlePreventionCoverage(RequestContext& ctx) {
  auto year = ChosenSchoolYear(ctx.Query("year"), ctx.app.clock());
  if (!year) return RenderError(ctx, year.error());
  auto loaded = LoadPreventionYear(ctx.app.db(), *year);
  if (!loaded) return RenderError(ctx, loaded.error());
  const bool reader = ctx.principal->user.role == Role::kReader;
  const int k = reader ? ctx.app.options().min_cell_k : 0;

  TemplateData data;
  data.set("year_code", followup::SchoolYearCode(*year));
  data.set("year_label", followup::SchoolYearLabel(*year, En(ctx)));
  data.set("years", SchoolYearOptions(ctx, year->start_year));
  if (ctx.principal->user.role == Role::kPreventionCoordinator) data.set("can_log", true);
  if (reader) {
    data.set("suppressed", true);
    data.set("k", std::to_string(k));
  }
  const followup::Term autumn{year->start_year, followup::TermKind::kAutumn};
  const followup::Term spring{year->start_year + 1, followup::TermKind::kSpring};
  data.set("coverage_rows",
           TemplateList{CoverageRow(ctx, followup::TermLabel(autumn, En(ctx)), loaded->autumn),
                        CoverageRow(ctx, followup::TermLabel(spring, En(ctx)), loaded->spring)});
  data.set("coverage_total", CoverageRow(ctx, followup::SchoolYearLabel(*year, En(ctx)),
                                         loaded->whole_year));
  const followup::Coverage& c = loaded->whole_year;
  TemplateList kinds;
  for (std::size_t i = 0; i < followup::kActivityKindCount; ++i) {
    TemplateData r;
    r.set("label", std::string(followup::Label(followup::ActivityKinds(), i, En(ctx))));
    r.set("activities", std::to_string(c.activities_by_kind[i]));
    r.set("reached", std::to_string(c.reached_by_kind[i]));
    kinds.push_back(r);
  }
  data.set("kinds", kinds);
  TemplateList targets;
  for (std::size_t i = 0; i < followup::kTargetGroupCount; ++i) {
    TemplateData r;
    r.set("label", std::string(followup::Label(followup::TargetGroups(), i, En(ctx))));
    r.set("activities", std::to_string(c.activities_by_target[i]));
    r.set("reached", std::to_string(c.reached_by_target[i]));
    targets.push_back(r);
  }
  data.set("targets", targets);
  data.set("total_activities", std::to_string(c.activities));
  data.set("total_reached", std::to_string(c.reached));
  TemplateList schools;
  for (const followup::SchoolCoverage& s : c.by_school) {
    TemplateData r;
    r.set("id", std::to_string(s.school_id));
    r.set("name", s.name);
    std::string reached;
    for (const int g : s.grades_reached) {
      if (!reached.empty()) reached += ", ";
      reached += followup::Label(followup::Grades(), static_cast<std::size_t>(g), En(ctx));
    }
    r.set("grades_reached", reached.empty() ? std::string("–") : reached);
    r.set("grade_share", PartOf(ctx, static_cast<std::int64_t>(s.grades_reached.size()),
                                static_cast<std::int64_t>(s.grades.size())));
    r.set("activities", std::to_string(s.activities));
    schools.push_back(r);
  }
  data.set("schools", schools);
  if (schools.empty()) data.set("no_schools", true);
  TemplateList questions;
  for (const followup::QuestionSummary& q : loaded->attitudes.questions) {
    questions.push_back(QuestionData(ctx, q, k));
  }
  data.set("questions", questions);
  if (questions.empty()) data.set("no_questions", true);
  RenderPage(ctx, "prevention_coverage", ctx.T("prevention.coverage_title"), std::move(data));
}

}  // namespace synlig::web
