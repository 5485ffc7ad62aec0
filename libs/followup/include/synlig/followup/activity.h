// The attitude-work log's records: schools with the grades they teach, and activities
// (lesson, workshop, theme day, ...) with date, place (a school or a unit), target group,
// number reached, method or material and partner, validated from what a form posted. Holds
// no personal data: an activity is counted, never its participants. Usage:
//   auto activity = followup::ValidateActivity(input, schools, unit_ids, today);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/followup/attitude.h"
#include "synlig/followup/codes.h"

namespace synlig::followup {

inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxNoteBytes = 200;
inline constexpr std::int64_t kMaxReached = 100000;

struct School {
  std::int64_t id = 0;
  std::string name;         // unique
  std::vector<int> grades;  // ascending, unique, kMinGrade..kMaxGrade
  bool active = true;
  friend bool operator==(const School&, const School&) = default;
};

// Name trimmed, 1..kMaxNameBytes of printable UTF-8 (field "name"); grades given as codes of
// Grades(), at least one (field "grades"). kInvalidArgument naming the value.
Result<School> ValidateSchool(std::string_view name, std::span<const std::string> grade_codes);

struct Activity {
  std::int64_t id = 0;
  Date date;
  ActivityKind kind = ActivityKind::kLesson;
  // Exactly one of the two: where it took place or which unit held it.
  std::optional<std::int64_t> school_id;
  std::optional<std::int64_t> unit_id;
  TargetGroup target = TargetGroup::kGrade;
  std::vector<int> grades;  // target kGrade: ascending, unique, taught at the school
  int age_from = 0;         // target kAge: 6..99, age_from <= age_to
  int age_to = 0;
  std::int64_t reached = 0;               // persons reached, 1..kMaxReached
  std::string method;                     // method or material used, may be empty
  std::string partner;                    // partner organisation; required for kPartnership
  std::vector<AttitudeResult> attitudes;  // by question; may be empty
  friend bool operator==(const Activity&, const Activity&) = default;
};

// An activity as typed into the form.
struct ActivityInput {
  std::string date;                 // YYYY-MM-DD
  std::string kind;                 // a code of ActivityKinds()
  std::string place;                // "school:<id>" or "unit:<id>"
  std::string target;               // a code of TargetGroups()
  std::vector<std::string> grades;  // codes of Grades()
  std::string age_from, age_to;
  std::string reached;
  std::string method;
  std::string partner;
};

// Validates an activity against the known schools and unit ids, on `today` (dates after today
// are refused, so are dates before 2000-01-01). kInvalidArgument with the field: "date",
// "kind", "place" (malformed, unknown or inactive school, unknown unit), "target" (unknown,
// or grades at a unit: a grade target needs a school), "grades" (none for a grade target, or
// one the school does not teach), "age" (not 6..99 or from > to), "reached" (not
// 1..kMaxReached), "method" /
// "partner" (over kMaxNoteBytes, control characters; partner missing for a partnership).
// Grades are ignored unless the target is kGrade, ages unless it is kAge.
Result<Activity> ValidateActivity(const ActivityInput& input, std::span<const School> schools,
                                  std::span<const std::int64_t> unit_ids, const Date& today);

}  // namespace synlig::followup
