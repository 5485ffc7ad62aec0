// Coverage of the attitude work in a period (a term or a school year): how many schools were
// reached at all, and how many of their grades (school × grade pairs) were reached by an
// activity aimed at pupils of that grade; with activities and persons reached by kind and
// target group. Pure. Usage:
//   followup::Coverage c = followup::ComputeCoverage(schools, activities, PeriodOf(term));
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/followup/activity.h"
#include "synlig/followup/codes.h"

namespace synlig::followup {

inline constexpr std::size_t kActivityKindCount = 7;
inline constexpr std::size_t kTargetGroupCount = 5;

struct SchoolCoverage {
  std::int64_t school_id = 0;
  std::string name;
  std::vector<int> grades;          // the school's grades
  std::vector<int> grades_reached;  // those reached in the period, ascending
  int activities = 0;               // activities at the school in the period
  std::int64_t reached = 0;         // persons they reached
};

struct Coverage {
  Period period;
  int activities = 0;
  std::int64_t reached = 0;
  std::array<int, kActivityKindCount> activities_by_kind{};
  std::array<std::int64_t, kActivityKindCount> reached_by_kind{};
  std::array<int, kTargetGroupCount> activities_by_target{};
  std::array<std::int64_t, kTargetGroupCount> reached_by_target{};
  // Denominators are the active schools and their grades; activities at an inactive school
  // count in the totals above but not in the coverage below.
  int schools = 0;
  int schools_reached = 0;  // active schools with at least one activity in the period
  int grade_slots = 0;      // school × grade pairs of the active schools
  int grade_slots_reached = 0;
  std::vector<SchoolCoverage> by_school;  // the active schools, by name
};

// Activities dated outside `period` are ignored. A school counts as reached by any activity
// held there (any target group); a grade only by an activity with target kGrade naming it.
// O(activities × grades + schools log schools).
Coverage ComputeCoverage(std::span<const School> schools, std::span<const Activity> activities,
                         const Period& period);

}  // namespace synlig::followup
