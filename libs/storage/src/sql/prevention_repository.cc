// Schools, activities, their grades and aggregated attitude answers.
#include <algorithm>
#include <map>
#include <string>

#include "sql/followup_repositories.h"

namespace synlig::storage::sql {
namespace {

using followup::Activity;
using followup::AttitudeResult;
using followup::School;

constexpr std::string_view kSelectActivity =
    "SELECT id, activity_date, kind, school_id, unit_id, target, age_from, age_to, reached,"
    " method, partner FROM prevention_activities ";

bool ValidGrade(int g) { return g >= followup::kMinGrade && g <= followup::kMaxGrade; }

Status CheckAttitudes(const std::vector<AttitudeResult>& results, std::int64_t reached) {
  for (const AttitudeResult& r : results) {
    if (r.question >= followup::AttitudeQuestions().size()) {
      return InvalidArgument("attitude question " + std::to_string(r.question) + " is unknown",
                             "attitudes");
    }
    for (const auto* counts : {&r.before, &r.after}) {
      for (const std::int64_t c : *counts) {
        if (c < 0) return InvalidArgument("an attitude count is negative", "attitudes");
      }
      if (followup::Sum(*counts) > reached) {
        return InvalidArgument(
            "answers to " + std::string(followup::AttitudeQuestions()[r.question].code) +
                " add up to more than the " + std::to_string(reached) + " reached",
            "attitudes");
      }
    }
  }
  return Ok();
}

Status InsertAttitudes(Tx& tx, std::int64_t activity_id,
                       const std::vector<AttitudeResult>& results) {
  for (const AttitudeResult& r : results) {
    const std::string_view question = followup::AttitudeQuestions()[r.question].code;
    for (const auto& [phase, c] :
         {std::pair<std::string_view, const followup::LikertCounts*>{"before", &r.before},
          {"after", &r.after}}) {
      auto done = Exec(tx,
                       "INSERT INTO prevention_attitudes (activity_id, question, phase,"
                       " agree_fully, agree_partly, disagree_partly, disagree_fully, dont_know)"
                       " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                       {activity_id, question, phase, (*c)[0], (*c)[1], (*c)[2], (*c)[3], (*c)[4]});
      if (!done) return Unexpected(done.error());
    }
  }
  return Ok();
}

RowSink CollectActivities(std::vector<Activity>& out) {
  return [&out](const Row& row) -> Status {
    Activity a;
    a.id = row.Int(0);
    auto date = ParseDate(row.Text(1));
    auto kind = followup::ParseCode(followup::ActivityKinds(), row.Text(2), "kind");
    auto target = followup::ParseCode(followup::TargetGroups(), row.Text(5), "target");
    if (!date || !kind || !target) {
      return Internal("stored activity " + std::to_string(a.id) + " is malformed");
    }
    a.date = *date;
    a.kind = static_cast<followup::ActivityKind>(*kind);
    if (!row.IsNull(3)) a.school_id = row.Int(3);
    if (!row.IsNull(4)) a.unit_id = row.Int(4);
    a.target = static_cast<followup::TargetGroup>(*target);
    a.age_from = static_cast<int>(row.Int(6));
    a.age_to = static_cast<int>(row.Int(7));
    a.reached = row.Int(8);
    a.method = std::string(row.Text(9));
    a.partner = std::string(row.Text(10));
    out.push_back(std::move(a));
    return Ok();
  };
}

// Fills grades and attitude results of `activities` (ids in [min, max] read in one query
// each, then matched by id).
Status LoadDetails(Tx& tx, std::vector<Activity>& activities) {
  if (activities.empty()) return Ok();
  std::int64_t lo = activities.front().id, hi = lo;
  std::map<std::int64_t, Activity*> by_id;
  for (Activity& a : activities) {
    lo = std::min(lo, a.id);
    hi = std::max(hi, a.id);
    by_id[a.id] = &a;
  }
  Status s = Query(tx,
                   "SELECT activity_id, grade FROM prevention_activity_grades"
                   " WHERE activity_id BETWEEN $1 AND $2 ORDER BY activity_id, grade",
                   {lo, hi}, [&](const Row& row) -> Status {
                     const auto it = by_id.find(row.Int(0));
                     if (it != by_id.end()) {
                       it->second->grades.push_back(static_cast<int>(row.Int(1)));
                     }
                     return Ok();
                   });
  if (!s) return s;
  return Query(
      tx,
      "SELECT activity_id, question, phase, agree_fully, agree_partly, disagree_partly,"
      " disagree_fully, dont_know FROM prevention_attitudes"
      " WHERE activity_id BETWEEN $1 AND $2 ORDER BY activity_id, question, phase",
      {lo, hi}, [&](const Row& row) -> Status {
        const auto it = by_id.find(row.Int(0));
        if (it == by_id.end()) return Ok();
        auto q = followup::ParseCode(followup::AttitudeQuestions(), row.Text(1), "question");
        if (!q)
          return Internal("stored attitude question '" + std::string(row.Text(1)) + "' is unknown");
        std::vector<AttitudeResult>& results = it->second->attitudes;
        auto r = std::find_if(results.begin(), results.end(),
                              [&](const AttitudeResult& x) { return x.question == *q; });
        if (r == results.end()) {
          results.push_back(AttitudeResult{*q, {}, {}});
          r = results.end() - 1;
        }
        followup::LikertCounts& c = row.Text(2) == "before" ? r->before : r->after;
        for (std::size_t o = 0; o < followup::kLikertOptions; ++o) {
          c[o] = row.Int(3 + static_cast<int>(o));
        }
        return Ok();
      });
}

void SortAttitudes(std::vector<Activity>& activities) {
  for (Activity& a : activities) {
    std::sort(
        a.attitudes.begin(), a.attitudes.end(),
        [](const AttitudeResult& x, const AttitudeResult& y) { return x.question < y.question; });
  }
}

}  // namespace

Result<std::int64_t> SqlPreventionRepository::CreateSchool(const School& school) {
  if (school.name.empty()) return InvalidArgument("a school needs a name", "name");
  if (school.grades.empty()) return InvalidArgument("a school needs grades", "grades");
  for (const int g : school.grades) {
    if (!ValidGrade(g)) {
      return InvalidArgument("grade " + std::to_string(g) + " is not 0..12", "grades");
    }
  }
  std::vector<int> grades = school.grades;
  std::sort(grades.begin(), grades.end());
  grades.erase(std::unique(grades.begin(), grades.end()), grades.end());
  std::int64_t id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(tx,
                           "INSERT INTO prevention_schools (name, active) VALUES ($1, $2)"
                           " RETURNING id",
                           {std::string_view(school.name), std::int64_t{school.active ? 1 : 0}});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    for (const int g : grades) {
      auto done =
          Exec(tx, "INSERT INTO prevention_school_grades (school_id, grade) VALUES ($1, $2)",
               {id, std::int64_t{g}});
      if (!done) return Unexpected(done.error());
    }
    return Ok();
  });
  if (!status) {
    if (status.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "school name '" + school.name + "' is already taken",
                  "name");
    }
    return Annotate(status.error(), "creating school '" + school.name + "'");
  }
  return id;
}

Result<std::vector<School>> SqlPreventionRepository::ListSchools() {
  std::vector<School> schools;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s = Query(tx, "SELECT id, name, active FROM prevention_schools ORDER BY name, id", {},
                     [&](const Row& row) -> Status {
                       School school;
                       school.id = row.Int(0);
                       school.name = std::string(row.Text(1));
                       school.active = row.Int(2) != 0;
                       schools.push_back(std::move(school));
                       return Ok();
                     });
    if (!s) return s;
    std::map<std::int64_t, School*> by_id;
    for (School& school : schools) by_id[school.id] = &school;
    return Query(tx,
                 "SELECT school_id, grade FROM prevention_school_grades ORDER BY school_id, grade",
                 {}, [&](const Row& row) -> Status {
                   const auto it = by_id.find(row.Int(0));
                   if (it != by_id.end())
                     it->second->grades.push_back(static_cast<int>(row.Int(1)));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "listing schools");
  return schools;
}

Result<std::int64_t> SqlPreventionRepository::CreateActivity(const Activity& a,
                                                             std::int64_t created_by,
                                                             std::int64_t now) {
  if (a.school_id.has_value() == a.unit_id.has_value()) {
    return InvalidArgument("an activity is held at a school or by a unit, exactly one", "place");
  }
  if (a.reached < 1) return InvalidArgument("reached must be at least 1", "reached");
  for (const int g : a.grades) {
    if (!ValidGrade(g)) {
      return InvalidArgument("grade " + std::to_string(g) + " is not 0..12", "grades");
    }
  }
  if (Status s = CheckAttitudes(a.attitudes, a.reached); !s) return Unexpected(s.error());
  std::vector<int> grades = a.grades;
  std::sort(grades.begin(), grades.end());
  grades.erase(std::unique(grades.begin(), grades.end()), grades.end());
  const std::string date = FormatDate(a.date);
  std::int64_t id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (a.school_id) {
      auto found = QueryInt(tx, "SELECT id FROM prevention_schools WHERE id = $1", {*a.school_id});
      if (!found) return Unexpected(found.error());
      if (!*found) {
        return InvalidArgument("school " + std::to_string(*a.school_id) + " does not exist",
                               "place");
      }
    } else {
      auto found = QueryInt(tx, "SELECT id FROM units WHERE id = $1", {*a.unit_id});
      if (!found) return Unexpected(found.error());
      if (!*found) {
        return InvalidArgument("unit " + std::to_string(*a.unit_id) + " does not exist", "place");
      }
    }
    if (created_by != 0) {
      if (Status s = RequireUser(tx, created_by, "created_by"); !s) return s;
    }
    const std::size_t kind = static_cast<std::size_t>(a.kind);
    const std::size_t target = static_cast<std::size_t>(a.target);
    auto new_id = QueryInt(
        tx,
        "INSERT INTO prevention_activities (activity_date, kind, school_id, unit_id, target,"
        " age_from, age_to, reached, method, partner, created_by, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        {std::string_view(date), followup::ActivityKinds()[kind].code,
         a.school_id ? Param(*a.school_id) : kNull, a.unit_id ? Param(*a.unit_id) : kNull,
         followup::TargetGroups()[target].code, std::int64_t{a.age_from}, std::int64_t{a.age_to},
         a.reached, std::string_view(a.method), std::string_view(a.partner),
         created_by != 0 ? Param(created_by) : kNull, now});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    for (const int g : grades) {
      auto done =
          Exec(tx, "INSERT INTO prevention_activity_grades (activity_id, grade) VALUES ($1, $2)",
               {id, std::int64_t{g}});
      if (!done) return Unexpected(done.error());
    }
    return InsertAttitudes(tx, id, a.attitudes);
  });
  if (!status) return Annotate(status.error(), "creating an activity");
  return id;
}

Result<Activity> SqlPreventionRepository::FindActivity(std::int64_t id) {
  std::vector<Activity> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s =
        Query(tx, std::string(kSelectActivity) + "WHERE id = $1", {id}, CollectActivities(found));
    if (!s) return s;
    return LoadDetails(tx, found);
  });
  if (!status) return Annotate(status.error(), "reading activity " + std::to_string(id));
  if (found.empty()) return NotFound("activity " + std::to_string(id) + " not found");
  SortAttitudes(found);
  return std::move(found.front());
}

Result<std::vector<Activity>> SqlPreventionRepository::ListActivities(const Period& period) {
  const std::string from = FormatDate(period.from);
  const std::string to = FormatDate(period.to);
  std::vector<Activity> activities;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s =
        Query(tx,
              std::string(kSelectActivity) +
                  "WHERE activity_date BETWEEN $1 AND $2 ORDER BY activity_date DESC, id DESC",
              {std::string_view(from), std::string_view(to)}, CollectActivities(activities));
    if (!s) return s;
    return LoadDetails(tx, activities);
  });
  if (!status) return Annotate(status.error(), "listing activities");
  SortAttitudes(activities);
  return activities;
}

Status SqlPreventionRepository::SetAttitudes(std::int64_t activity_id,
                                             const std::vector<AttitudeResult>& results) {
  for (std::size_t i = 0; i < results.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (results[i].question == results[j].question) {
        return InvalidArgument("an attitude question is given twice", "attitudes");
      }
    }
  }
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto reached =
        QueryInt(tx, "SELECT reached FROM prevention_activities WHERE id = $1", {activity_id});
    if (!reached) return Unexpected(reached.error());
    if (!*reached) return NotFound("activity " + std::to_string(activity_id) + " not found");
    if (Status s = CheckAttitudes(results, **reached); !s) return s;
    auto gone = Exec(tx, "DELETE FROM prevention_attitudes WHERE activity_id = $1", {activity_id});
    if (!gone) return Unexpected(gone.error());
    return InsertAttitudes(tx, activity_id, results);
  });
  if (!status) {
    return Annotate(status.error(), "saving attitudes of activity " + std::to_string(activity_id));
  }
  return Ok();
}

Status SqlPreventionRepository::DeleteActivity(std::int64_t id) {
  std::int64_t changed = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto n = Exec(tx, "DELETE FROM prevention_activities WHERE id = $1", {id});
    if (!n) return Unexpected(n.error());
    changed = *n;
    return Ok();
  });
  if (!status) return Annotate(status.error(), "deleting activity " + std::to_string(id));
  if (changed == 0) return NotFound("activity " + std::to_string(id) + " not found");
  return Ok();
}

}  // namespace synlig::storage::sql
