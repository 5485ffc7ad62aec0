// The training register as plain values: departments (förvaltningar and municipal companies),
// their units, job roles marked in or out of the target group, employees (name, work e-mail,
// unit, role, active: nothing more), the course catalogue, completions and the council's
// targets. Pure validation of each record; storage keeps them, coverage.h computes on them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"

namespace synlig::training {

using Id = std::int64_t;

enum class OrgKind { kDepartment, kCompany };         // förvaltning, kommunalt bolag
std::string_view OrgKindCode(OrgKind kind);           // "department", "company"
Result<OrgKind> ParseOrgKind(std::string_view code);  // kInvalidArgument (field "kind")

struct Department {
  Id id = 0;
  std::string name;  // unique
  OrgKind kind = OrgKind::kDepartment;
};

struct Unit {
  Id id = 0;
  Id department_id = 0;
  std::string name;           // unique within the register
  std::string manager_email;  // where reminders about the unit go; may be empty
  bool active = true;
};

struct JobRole {
  Id id = 0;
  std::string name;           // unique, e.g. "Socialsekreterare"
  bool target_group = false;  // may meet people with experience of sex for compensation
};

struct Employee {
  Id id = 0;
  std::string name;
  std::string email;  // work e-mail, normalised (NormaliseEmail); unique
  Id unit_id = 0;
  Id role_id = 0;
  bool active = true;
};

enum class CourseTrack { kGeneral, kAdults, kChildrenYoung };
std::string_view CourseTrackCode(CourseTrack track);  // "general", "adults", "children_young"
Result<CourseTrack> ParseCourseTrack(std::string_view code);  // kInvalidArgument ("track")

struct Course {
  Id id = 0;
  std::string code;      // short unique code, [A-Za-z0-9_-]{1,40}, e.g. "SOS-VUXNA"
  std::string name;      // unique
  std::string provider;  // "Socialstyrelsen", "Jämställdhetsmyndigheten", the municipality ...
  std::string url;       // empty or http(s)://...
  CourseTrack track = CourseTrack::kGeneral;
  bool local = false;  // the municipality's own course
  bool counts = true;  // a completion counts towards the target
  bool active = true;  // offered in forms and reminders
  // Other names the course has in learning-platform exports (matched on import).
  std::vector<std::string> aliases;
};

enum class CompletionSource { kManual, kImport };
std::string_view CompletionSourceCode(CompletionSource source);  // "manual", "import"
Result<CompletionSource> ParseCompletionSource(std::string_view code);

struct Completion {
  Id id = 0;
  Id employee_id = 0;
  Id course_id = 0;
  Date date;
  CompletionSource source = CompletionSource::kManual;
  Id import_id = 0;  // the import that brought it, 0 for manual entries
};

// The council's target: share_percent of the target group trained by `due`, for one
// department or (department_id unset) the whole municipality.
struct Target {
  std::optional<Id> department_id;
  int share_percent = 80;
  Date due;
  std::string decision;  // e.g. "KF 2025-06-12 § 123"; may be empty
};

// Everything coverage needs, as loaded from storage.
struct Register {
  std::vector<Department> departments;
  std::vector<Unit> units;
  std::vector<JobRole> roles;
  std::vector<Employee> employees;
  std::vector<Course> courses;
  std::vector<Completion> completions;
  std::vector<Target> targets;
};

inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxUrlBytes = 500;

// Trims, collapses runs of white space to one space. Precondition: none.
std::string NormaliseName(std::string_view text);
// A name of 1..kMaxNameBytes bytes of valid UTF-8 without control characters, normalised.
// kInvalidArgument with `field` otherwise.
Result<std::string> CheckName(std::string_view text, std::string_view field);
// Trims and lower-cases an e-mail address and checks its shape (local@domain.tld, ASCII, at
// most kMaxEmailBytes). kInvalidArgument (field `field`) naming the text otherwise.
Result<std::string> NormaliseEmail(std::string_view text, std::string_view field = "email");
// Lower-cases ASCII and the Latin-1 capitals (Å Ä Ö É ...) of UTF-8 text, trims and collapses
// white space: the form names and course titles are compared in.
std::string FoldForMatch(std::string_view text);

// Checks and normalises a record in place. kInvalidArgument naming the field: "name",
// "email", "manager_email", "code", "url", "share_percent", "provider", "aliases".
Status ValidateDepartment(Department& department);
Status ValidateUnit(Unit& unit);
Status ValidateJobRole(JobRole& role);
Status ValidateEmployee(Employee& employee);
Status ValidateCourse(Course& course);
Status ValidateTarget(Target& target);

// "Socialstyrelsen; Kurs A" -> {"Socialstyrelsen", "Kurs A"}: aliases as typed in a form,
// separated by ';' or line breaks, normalised, empty ones dropped.
std::vector<std::string> SplitAliases(std::string_view text);
std::string JoinAliases(const std::vector<std::string>& aliases);

}  // namespace synlig::training
