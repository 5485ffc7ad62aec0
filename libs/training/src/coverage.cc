// Coverage counts, the monthly trend and reader protection.
#include "synlig/training/coverage.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace synlig::training {
namespace {

int DayNumber(const Date& d) {
  return static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count());
}

Date MonthEnd(int year, unsigned month) {
  return Date{std::chrono::year(year) / std::chrono::month(month) / std::chrono::last};
}

// The target-group employees and the day each first completed a counting course.
struct Population {
  struct Member {
    const Employee* employee;
    const Unit* unit;
    const Department* department;
    const JobRole* role;
    std::optional<int> first_day;  // day number of the first counting completion <= as_of
  };
  std::vector<Member> members;
  std::vector<std::pair<int, Id>> completion_days;  // counting completions by members
};

Population Build(const Register& reg, const Date& as_of) {
  std::unordered_map<Id, const Unit*> units;
  for (const Unit& u : reg.units) units[u.id] = &u;
  std::unordered_map<Id, const Department*> departments;
  for (const Department& d : reg.departments) departments[d.id] = &d;
  std::unordered_map<Id, const JobRole*> roles;
  for (const JobRole& r : reg.roles) roles[r.id] = &r;
  std::unordered_map<Id, bool> counts;
  for (const Course& c : reg.courses) counts[c.id] = c.counts;

  Population pop;
  std::unordered_map<Id, std::size_t> index;
  for (const Employee& e : reg.employees) {
    if (!e.active) continue;
    auto r = roles.find(e.role_id);
    auto u = units.find(e.unit_id);
    if (r == roles.end() || !r->second->target_group || u == units.end()) continue;
    auto d = departments.find(u->second->department_id);
    if (d == departments.end()) continue;
    index[e.id] = pop.members.size();
    pop.members.push_back({&e, u->second, d->second, r->second, std::nullopt});
  }
  const int limit = DayNumber(as_of);
  for (const Completion& c : reg.completions) {
    auto m = index.find(c.employee_id);
    auto counting = counts.find(c.course_id);
    if (m == index.end() || counting == counts.end() || !counting->second) continue;
    const int day = DayNumber(c.date);
    if (day > limit) continue;
    pop.completion_days.emplace_back(day, c.employee_id);
    auto& first = pop.members[m->second].first_day;
    if (!first || day < *first) first = day;
  }
  return pop;
}

std::optional<TargetProgress> TargetFor(const Register& reg, std::optional<Id> department,
                                        const Count& count) {
  const Target* overall = nullptr;
  const Target* own = nullptr;
  for (const Target& t : reg.targets) {
    if (!t.department_id) overall = &t;
    if (department && t.department_id == department) own = &t;
  }
  if (own) return ProgressTowards(*own, count, true);
  if (overall) return ProgressTowards(*overall, count, false);
  return std::nullopt;
}

CoverageSummary Summarise(const Register& reg, const Population& pop, const Date& as_of) {
  CoverageSummary s;
  s.as_of = as_of;
  std::map<Id, Count> per_department;
  for (const auto& m : pop.members) {
    Count& c = per_department[m.department->id];
    ++c.target_group;
    if (m.first_day) ++c.covered;
    ++s.overall.target_group;
    if (m.first_day) ++s.overall.covered;
  }
  for (const Department& d : reg.departments) {
    DepartmentCoverage dc;
    dc.department_id = d.id;
    dc.name = d.name;
    dc.kind = d.kind;
    dc.count = per_department[d.id];
    dc.target = TargetFor(reg, d.id, dc.count);
    s.departments.push_back(std::move(dc));
  }
  std::sort(s.departments.begin(), s.departments.end(),
            [](const DepartmentCoverage& a, const DepartmentCoverage& b) {
              return a.name < b.name || (a.name == b.name && a.department_id < b.department_id);
            });
  s.target = TargetFor(reg, std::nullopt, s.overall);
  if (s.target) s.target->department_specific = false;
  return s;
}

bool Small(int value, int k) { return value > 0 && value < k; }

PublishedCount Publish(const Count& c, int k) {
  PublishedCount p;
  if (Small(c.target_group, k) || Small(c.covered, k) || Small(c.missing(), k)) {
    p.suppressed = true;
    if (c.target_group >= k) p.target_group = c.target_group;
    return p;
  }
  p.covered = c.covered;
  p.target_group = c.target_group;
  if (c.target_group > 0) p.share_percent = c.SharePercent();
  return p;
}

}  // namespace

int Count::SharePercent() const {
  if (target_group <= 0) return 0;
  return (covered * 200 + target_group) / (2 * target_group);
}

TargetProgress ProgressTowards(const Target& target, const Count& count, bool department_specific) {
  TargetProgress p;
  p.target = target;
  p.department_specific = department_specific;
  const long long need_total =
      (static_cast<long long>(target.share_percent) * count.target_group + 99) / 100;
  p.met = static_cast<long long>(count.covered) * 100 >=
          static_cast<long long>(target.share_percent) * count.target_group;
  p.needed = p.met ? 0 : static_cast<int>(need_total - count.covered);
  return p;
}

CoverageSummary SummariseCoverage(const Register& reg, const Date& as_of) {
  return Summarise(reg, Build(reg, as_of), as_of);
}

CoverageReport ComputeCoverage(const Register& reg, const Date& as_of, int trend_months) {
  const Population pop = Build(reg, as_of);
  CoverageReport report;
  report.summary = Summarise(reg, pop, as_of);

  std::map<Id, Count> per_role;
  std::map<std::pair<Id, Id>, Count> per_cell;
  std::map<Id, UnitCoverage> per_unit;
  for (const auto& m : pop.members) {
    const bool covered = m.first_day.has_value();
    for (Count* c : {&per_role[m.role->id], &per_cell[{m.department->id, m.role->id}]}) {
      ++c->target_group;
      if (covered) ++c->covered;
    }
    UnitCoverage& u = per_unit[m.unit->id];
    u.unit_id = m.unit->id;
    u.name = m.unit->name;
    u.department_id = m.department->id;
    u.department_name = m.department->name;
    u.manager_email = m.unit->manager_email;
    ++u.count.target_group;
    if (covered) {
      ++u.count.covered;
    } else {
      u.missing.push_back(*m.employee);
    }
  }
  for (const JobRole& r : reg.roles) {
    if (!r.target_group) continue;
    report.roles.push_back({r.id, r.name, per_role[r.id]});
  }
  std::sort(report.roles.begin(), report.roles.end(),
            [](const RoleCoverage& a, const RoleCoverage& b) { return a.name < b.name; });
  for (const auto& [key, count] : per_cell) {
    report.cells.push_back({key.first, key.second, count});
  }
  for (auto& [id, unit] : per_unit) {
    std::sort(unit.missing.begin(), unit.missing.end(), [](const Employee& a, const Employee& b) {
      return a.name < b.name || (a.name == b.name && a.id < b.id);
    });
    report.units.push_back(std::move(unit));
  }
  std::sort(report.units.begin(), report.units.end(),
            [](const UnitCoverage& a, const UnitCoverage& b) {
              return std::tie(a.department_name, a.name, a.unit_id) <
                     std::tie(b.department_name, b.name, b.unit_id);
            });

  // The trend: month by month up to as_of's month.
  std::vector<int> first_days;
  for (const auto& m : pop.members) {
    if (m.first_day) first_days.push_back(*m.first_day);
  }
  std::sort(first_days.begin(), first_days.end());
  std::vector<int> days;
  for (const auto& [day, employee] : pop.completion_days) days.push_back(day);
  std::sort(days.begin(), days.end());
  int year = static_cast<int>(as_of.year());
  int month = static_cast<int>(static_cast<unsigned>(as_of.month()));
  std::vector<MonthPoint> trend;
  for (int i = 0; i < std::max(trend_months, 0); ++i) {
    const int end = DayNumber(MonthEnd(year, static_cast<unsigned>(month)));
    const int start = DayNumber(
        Date{std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) / 1});
    MonthPoint p;
    p.year = year;
    p.month = static_cast<unsigned>(month);
    p.completions = static_cast<int>(std::upper_bound(days.begin(), days.end(), end) -
                                     std::lower_bound(days.begin(), days.end(), start));
    p.covered_at_end = static_cast<int>(
        std::upper_bound(first_days.begin(), first_days.end(), end) - first_days.begin());
    trend.push_back(p);
    if (--month == 0) {
      month = 12;
      --year;
    }
  }
  std::reverse(trend.begin(), trend.end());
  report.trend = std::move(trend);
  return report;
}

PublishedCoverage ProtectForReaders(const CoverageSummary& summary, int k) {
  PublishedCoverage out;
  out.k = k;
  out.as_of = summary.as_of;
  out.target = summary.target;
  for (const DepartmentCoverage& d : summary.departments) {
    out.departments.push_back({d.name, Publish(d.count, k), d.target});
  }
  int suppressed = 0;
  for (const auto& d : out.departments) suppressed += d.count.suppressed ? 1 : 0;
  if (suppressed == 1 && out.departments.size() > 1) {
    // Secondary suppression: the smallest other department with a target group.
    std::size_t pick = out.departments.size();
    for (std::size_t i = 0; i < out.departments.size(); ++i) {
      const Count& c = summary.departments[i].count;
      if (out.departments[i].count.suppressed || c.target_group == 0) continue;
      if (pick == out.departments.size() ||
          c.target_group < summary.departments[pick].count.target_group) {
        pick = i;
      }
    }
    if (pick < out.departments.size()) {
      PublishedCount& p = out.departments[pick].count;
      p.suppressed = true;
      p.covered.reset();
      p.share_percent.reset();
      ++suppressed;
    }
  }
  out.suppressed_rows = suppressed;
  out.overall = Publish(summary.overall, k);
  return out;
}

}  // namespace synlig::training
