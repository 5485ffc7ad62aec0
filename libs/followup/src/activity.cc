// Validation of schools and activities from form input.
#include "synlig/followup/activity.h"

#include <algorithm>
#include <charconv>

#include "text.h"

namespace synlig::followup {
namespace {

using internal::CheckText;
using internal::ParseCount;
using internal::Shown;

Result<std::vector<int>> ParseGrades(std::span<const std::string> codes) {
  std::vector<int> grades;
  for (const std::string& code : codes) {
    auto grade = ParseCode(Grades(), code, "grades");
    if (!grade) return Unexpected(grade.error());
    grades.push_back(static_cast<int>(*grade));
  }
  std::sort(grades.begin(), grades.end());
  grades.erase(std::unique(grades.begin(), grades.end()), grades.end());
  return grades;
}

// "school:12" / "unit:3" -> the kind and id.
bool ParsePlace(std::string_view text, bool& is_school, std::int64_t& id) {
  std::string_view rest;
  if (text.starts_with("school:")) {
    is_school = true;
    rest = text.substr(7);
  } else if (text.starts_with("unit:")) {
    is_school = false;
    rest = text.substr(5);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 18) return false;
  const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  return ec == std::errc() && ptr == rest.data() + rest.size() && id > 0;
}

}  // namespace

Result<School> ValidateSchool(std::string_view name, std::span<const std::string> grade_codes) {
  School school;
  auto checked = CheckText(name, kMaxNameBytes, true, "name");
  if (!checked) return Unexpected(checked.error());
  school.name = *std::move(checked);
  auto grades = ParseGrades(grade_codes);
  if (!grades) return Unexpected(grades.error());
  if (grades->empty()) return InvalidArgument("a school needs at least one grade", "grades");
  school.grades = *std::move(grades);
  return school;
}

Result<Activity> ValidateActivity(const ActivityInput& input, std::span<const School> schools,
                                  std::span<const std::int64_t> unit_ids, const Date& today) {
  Activity a;
  auto date = ParseDate(internal::Trim(input.date));
  if (!date) return InvalidArgument(date.error().message(), "date");
  if (*date > today) {
    return InvalidArgument("date " + FormatDate(*date) + " is after today", "date");
  }
  if (*date < Date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}}) {
    return InvalidArgument("date " + FormatDate(*date) + " is before 2000", "date");
  }
  a.date = *date;

  auto kind = ParseCode(ActivityKinds(), input.kind, "kind");
  if (!kind) return Unexpected(kind.error());
  a.kind = static_cast<ActivityKind>(*kind);

  bool is_school = false;
  std::int64_t place_id = 0;
  if (!ParsePlace(input.place, is_school, place_id)) {
    return InvalidArgument("place '" + Shown(input.place) + "' is not a school or a unit", "place");
  }
  const School* school = nullptr;
  if (is_school) {
    const auto it = std::find_if(schools.begin(), schools.end(),
                                 [&](const School& s) { return s.id == place_id; });
    if (it == schools.end() || !it->active) {
      return InvalidArgument("school " + std::to_string(place_id) + " is unknown or inactive",
                             "place");
    }
    school = &*it;
    a.school_id = place_id;
  } else {
    if (std::find(unit_ids.begin(), unit_ids.end(), place_id) == unit_ids.end()) {
      return InvalidArgument("unit " + std::to_string(place_id) + " is unknown", "place");
    }
    a.unit_id = place_id;
  }

  auto target = ParseCode(TargetGroups(), input.target, "target");
  if (!target) return Unexpected(target.error());
  a.target = static_cast<TargetGroup>(*target);
  if (a.target == TargetGroup::kGrade) {
    if (!school)
      return InvalidArgument("pupils by grade can only be reached at a school", "target");
    auto grades = ParseGrades(input.grades);
    if (!grades) return Unexpected(grades.error());
    if (grades->empty()) return InvalidArgument("choose at least one grade", "grades");
    for (const int g : *grades) {
      if (!std::binary_search(school->grades.begin(), school->grades.end(), g)) {
        return InvalidArgument("grade " + std::string(Grades()[static_cast<std::size_t>(g)].code) +
                                   " is not taught at " + school->name,
                               "grades");
      }
    }
    a.grades = *std::move(grades);
  } else if (a.target == TargetGroup::kAge) {
    auto from = ParseCount(input.age_from, 6, 99, "age");
    if (!from) return Unexpected(from.error());
    auto to = ParseCount(input.age_to, 6, 99, "age");
    if (!to) return Unexpected(to.error());
    if (*from > *to) {
      return InvalidArgument(
          "age from " + std::to_string(*from) + " is above age to " + std::to_string(*to), "age");
    }
    a.age_from = static_cast<int>(*from);
    a.age_to = static_cast<int>(*to);
  }

  auto reached = ParseCount(input.reached, 1, kMaxReached, "reached");
  if (!reached) return Unexpected(reached.error());
  a.reached = *reached;

  auto method = CheckText(input.method, kMaxNoteBytes, false, "method");
  if (!method) return Unexpected(method.error());
  a.method = *std::move(method);
  auto partner =
      CheckText(input.partner, kMaxNoteBytes, a.kind == ActivityKind::kPartnership, "partner");
  if (!partner) return Unexpected(partner.error());
  a.partner = *std::move(partner);
  return a;
}

}  // namespace synlig::followup
