// Coverage of the training register: of the target group (active employees in a role marked
// as target group), how many have completed at least one course that counts towards the
// target, on or before a date; per department, per role, per unit (with who is still
// missing, for the unit's manager), the trend by month, and the council's targets.
// CoverageSummary is what the council report shows; ProtectForReaders is what a reader sees.
//   training::CoverageSummary s = training::SummariseCoverage(reg, as_of);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/training/register.h"

namespace synlig::training {

struct Count {
  int covered = 0;
  int target_group = 0;
  int missing() const { return target_group - covered; }
  // Whole per cent, rounded half up; 0 for an empty target group.
  int SharePercent() const;
};

// How far a count is from a target: `needed` more trained employees reach it.
struct TargetProgress {
  Target target;
  bool department_specific = false;  // the department's own target, not the overall one
  bool met = false;                  // covered / target_group >= share_percent / 100
  int needed = 0;
};
TargetProgress ProgressTowards(const Target& target, const Count& count, bool department_specific);

struct DepartmentCoverage {
  Id department_id = 0;
  std::string name;
  OrgKind kind = OrgKind::kDepartment;
  Count count;
  std::optional<TargetProgress> target;  // the department's target, else the overall one
};

// What the council report shows for a date.
struct CoverageSummary {
  Date as_of;
  std::vector<DepartmentCoverage> departments;  // by name
  Count overall;
  std::optional<TargetProgress> target;  // the municipality-wide target
};

struct RoleCoverage {
  Id role_id = 0;
  std::string name;
  Count count;
};

struct DepartmentRoleCell {
  Id department_id = 0;
  Id role_id = 0;
  Count count;
};

// One unit's target group and who in it has not completed a counting course.
struct UnitCoverage {
  Id unit_id = 0;
  std::string name;
  Id department_id = 0;
  std::string department_name;
  std::string manager_email;
  Count count;
  std::vector<Employee> missing;  // by name
};

struct MonthPoint {
  int year = 0;
  unsigned month = 0;
  int completions = 0;     // counting completions by the target group in the month
  int covered_at_end = 0;  // of today's target group, covered at the end of the month
};

struct CoverageReport {
  CoverageSummary summary;
  std::vector<RoleCoverage> roles;        // the target-group roles, by name
  std::vector<DepartmentRoleCell> cells;  // department × role, where the target group is > 0
  std::vector<UnitCoverage> units;        // units with a target group, by department and name
  std::vector<MonthPoint> trend;          // `trend_months` months ending with as_of's month
};

// Completions dated after as_of do not count. Inactive employees, roles outside the target
// group and courses that do not count are left out; an employee whose unit or role is
// missing from the register is left out too. Departments without target group are listed
// with 0 of 0. Precondition: none (any register).
CoverageSummary SummariseCoverage(const Register& reg, const Date& as_of);
CoverageReport ComputeCoverage(const Register& reg, const Date& as_of, int trend_months = 12);

// A count as a reader may see it: nullopt where the value is withheld.
struct PublishedCount {
  std::optional<int> covered;
  std::optional<int> target_group;
  std::optional<int> share_percent;
  bool suppressed = false;  // covered, missing and share are withheld
};

struct PublishedDepartment {
  std::string name;
  PublishedCount count;
  std::optional<TargetProgress> target;  // targets are public decisions
};

struct PublishedCoverage {
  int k = 5;
  Date as_of;
  std::vector<PublishedDepartment> departments;
  PublishedCount overall;
  std::optional<TargetProgress> target;
  int suppressed_rows = 0;
};

// Disclosure control for readers: a row is suppressed when its target group, its covered
// count or its missing count is between 1 and k-1 (the share would tell how few did or did
// not take a course); its target group is still shown when >= k. When exactly one
// department row is suppressed, the one with the smallest target group among the others is
// suppressed as well, so the overall totals cannot recover it. The overall row obeys the
// same rule. Precondition: k >= 1.
PublishedCoverage ProtectForReaders(const CoverageSummary& summary, int k);

}  // namespace synlig::training
