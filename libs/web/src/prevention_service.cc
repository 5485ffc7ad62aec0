// Schools, activities and attitude answers: validation, storage, audit; the year's figures.
#include "prevention_service.h"


#include "audit.h"

namespace synlig::web {
namespace {

std::string ActivityObject(std::int64_t id) { return "activity:" + std::to_string(id); }

}  // namespace

Result<std::int64_t> AddSchool(storage::Database& db, const Clock& clock, std::string_view name,
                               const std::vector<std::string>& grade_codes, const Actor& actor) {
  auto school = followup::ValidateSchool(name, grade_codes);
  if (!school) return Unexpected(school.error());
  auto id = db.prevention().CreateSchool(*school);
  if (!id) return Unexpected(id.error());
  if (auto s = AppendAudit(db, clock, actor, "school_create", "school:" + std::to_string(*id),
                           std::to_string(school->grades.size()) + " grades");
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Result<std::int64_t> AddActivity(storage::Database& db, const Clock& clock,
                                 const followup::ActivityInput& input, const Actor& actor) {
  auto schools = db.prevention().ListSchools();
  if (!schools) return Unexpected(schools.error());
  auto units = db.units().List();
  if (!units) return Unexpected(units.error());
  std::vector<std::int64_t> unit_ids;
  for (const storage::Unit& u : *units) {
    if (u.active) unit_ids.push_back(u.id);
  }
  auto activity = followup::ValidateActivity(input, *schools, unit_ids, TodayOf(clock));
  if (!activity) return Unexpected(activity.error());
  auto id = db.prevention().CreateActivity(*activity, actor.user_id.value_or(0), clock.NowUnix());
  if (!id) return Unexpected(id.error());
  const auto kind = static_cast<std::size_t>(activity->kind);
  if (auto s = AppendAudit(db, clock, actor, "activity_create", ActivityObject(*id),
                           std::string(followup::ActivityKinds()[kind].code) + ", reached " +
                               std::to_string(activity->reached));
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status SaveAttitudes(storage::Database& db, const Clock& clock, std::int64_t activity_id,
                     const std::vector<followup::AttitudeInput>& inputs, const Actor& actor) {
  auto activity = db.prevention().FindActivity(activity_id);
  if (!activity) return Unexpected(activity.error());
  auto results = followup::ValidateAttitudes(inputs, activity->reached);
  if (!results) return Unexpected(results.error());
  if (auto s = db.prevention().SetAttitudes(activity_id, *results); !s) return s;
  return AppendAudit(db, clock, actor, "activity_attitudes", ActivityObject(activity_id),
                     std::to_string(results->size()) + " questions");
}

Status RemoveActivity(storage::Database& db, const Clock& clock, std::int64_t activity_id,
                      const Actor& actor) {
  if (auto s = db.prevention().DeleteActivity(activity_id); !s) return s;
  return AppendAudit(db, clock, actor, "activity_delete", ActivityObject(activity_id), "");
}

Result<PreventionYear> LoadPreventionYear(storage::Database& db, followup::SchoolYear year) {
  PreventionYear out;
  out.year = year;
  auto schools = db.prevention().ListSchools();
  if (!schools) return Unexpected(schools.error());
  out.schools = *std::move(schools);
  const Period period = followup::PeriodOf(year);
  auto activities = db.prevention().ListActivities(period);
  if (!activities) return Unexpected(activities.error());
  out.activities = *std::move(activities);
  out.whole_year = followup::ComputeCoverage(out.schools, out.activities, period);
  out.autumn = followup::ComputeCoverage(
      out.schools, out.activities,
      followup::PeriodOf(followup::Term{year.start_year, followup::TermKind::kAutumn}));
  out.spring = followup::ComputeCoverage(
      out.schools, out.activities,
      followup::PeriodOf(followup::Term{year.start_year + 1, followup::TermKind::kSpring}));
  out.attitudes = followup::AttitudeSummary(out.activities, period);
  return out;
}

Result<followup::SchoolYear> ChosenSchoolYear(std::string_view code, const Clock& clock) {
  if (code.empty()) return followup::SchoolYearOf(TodayOf(clock));
  return followup::ParseSchoolYear(code);
}

}  // namespace synlig::web
