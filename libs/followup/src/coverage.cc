// Coverage of schools and grades by the attitude work in a period.
#include "synlig/followup/coverage.h"

#include <algorithm>
#include <map>

namespace synlig::followup {

Coverage ComputeCoverage(std::span<const School> schools, std::span<const Activity> activities,
                         const Period& period) {
  Coverage c;
  c.period = period;
  std::map<std::int64_t, SchoolCoverage> active;
  for (const School& s : schools) {
    if (!s.active) continue;
    SchoolCoverage sc;
    sc.school_id = s.id;
    sc.name = s.name;
    sc.grades = s.grades;
    active.emplace(s.id, std::move(sc));
  }
  for (const Activity& a : activities) {
    if (a.date < period.from || period.to < a.date) continue;
    ++c.activities;
    c.reached += a.reached;
    const auto kind = static_cast<std::size_t>(a.kind);
    const auto target = static_cast<std::size_t>(a.target);
    ++c.activities_by_kind[kind];
    c.reached_by_kind[kind] += a.reached;
    ++c.activities_by_target[target];
    c.reached_by_target[target] += a.reached;
    if (!a.school_id) continue;
    const auto it = active.find(*a.school_id);
    if (it == active.end()) continue;
    SchoolCoverage& sc = it->second;
    ++sc.activities;
    sc.reached += a.reached;
    if (a.target != TargetGroup::kGrade) continue;
    for (const int g : a.grades) {
      if (std::binary_search(sc.grades.begin(), sc.grades.end(), g)) sc.grades_reached.push_back(g);
    }
  }
  for (auto& [id, sc] : active) {
    std::sort(sc.grades_reached.begin(), sc.grades_reached.end());
    sc.grades_reached.erase(std::unique(sc.grades_reached.begin(), sc.grades_reached.end()),
                            sc.grades_reached.end());
    ++c.schools;
    if (sc.activities > 0) ++c.schools_reached;
    c.grade_slots += static_cast<int>(sc.grades.size());
    c.grade_slots_reached += static_cast<int>(sc.grades_reached.size());
    c.by_school.push_back(std::move(sc));
  }
  std::sort(c.by_school.begin(), c.by_school.end(),
            [](const SchoolCoverage& a, const SchoolCoverage& b) {
              return a.name != b.name ? a.name < b.name : a.school_id < b.school_id;
            });
  return c;
}

}  // namespace synlig::followup
