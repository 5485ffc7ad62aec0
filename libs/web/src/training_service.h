// The training register's operations for the web pages: every change validated, stored and
// audit-logged ("training_<thing>_<verb>"), form text parsed into the register's records.
// Errors are those of storage/training.h, with the field of the form input at fault:
// "name", "kind", "department", "manager_email", "unit", "role", "email", "code", "url",
// "track", "provider", "aliases", "employee", "course", "date", "date_future",
// "share_percent", "due", "decision" (kInvalidArgument or kAlreadyExists).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/date.h"
#include "synlig/storage/database.h"
#include "synlig/training/register.h"
#include "synlig/web/accounts.h"
#include "today.h"

namespace synlig::web {

struct TrainingContext {
  storage::Database& db;
  const Clock& clock;
  Actor actor;
};

// A decimal id typed or posted in a form; kInvalidArgument with `field` otherwise.
Result<training::Id> ParseFormId(std::string_view text, std::string_view field);

Result<training::Id> CreateDepartment(const TrainingContext& ctx, std::string_view name,
                                      std::string_view kind);
Status UpdateDepartment(const TrainingContext& ctx, training::Id id, std::string_view name,
                        std::string_view kind);

struct UnitInput {
  std::string name;
  std::string department;  // id
  std::string manager_email;
  bool active = true;
};
Result<training::Id> CreateTrainingUnit(const TrainingContext& ctx, const UnitInput& input);
Status UpdateTrainingUnit(const TrainingContext& ctx, training::Id id, const UnitInput& input);

Result<training::Id> CreateJobRole(const TrainingContext& ctx, std::string_view name,
                                   bool target_group);
Status UpdateJobRole(const TrainingContext& ctx, training::Id id, std::string_view name,
                     bool target_group);

struct EmployeeInput {
  std::string name;
  std::string email;
  std::string unit;  // id
  std::string role;  // id
};
Result<training::Id> CreateEmployee(const TrainingContext& ctx, const EmployeeInput& input);
// Keeps the active flag. kNotFound for an unknown employee.
Status UpdateEmployee(const TrainingContext& ctx, training::Id id, const EmployeeInput& input);
Status SetEmployeeActive(const TrainingContext& ctx, training::Id id, bool active);

struct CourseInput {
  std::string code, name, provider, url, track, aliases;
  bool local = false;
  bool counts = true;
  bool active = true;
};
Result<training::Id> CreateCourse(const TrainingContext& ctx, const CourseInput& input);
Status UpdateCourse(const TrainingContext& ctx, training::Id id, const CourseInput& input);

struct CompletionInput {
  std::string employee;  // id
  std::string course;    // id
  std::string date;      // a Swedish date format (training::ParseSwedishDate)
};
// "date" for a text that is not a date, "date_future" for a day after today, "date" with
// kAlreadyExists for a completion already registered.
Result<training::Id> AddCompletion(const TrainingContext& ctx, const CompletionInput& input);
Status DeleteCompletion(const TrainingContext& ctx, training::Id id);

struct TargetInput {
  std::string department;  // id, or "" for the whole municipality
  std::string share;       // 1..100
  std::string due;         // a date
  std::string decision;
};
Status SetTrainingTarget(const TrainingContext& ctx, const TargetInput& input);
Status RemoveTrainingTarget(const TrainingContext& ctx, std::string_view department);

// The register, for pages that show staff data: audit-logs `action` on `object` first.
Result<training::Register> LoadRegisterAudited(const TrainingContext& ctx, std::string_view action,
                                               std::string_view object);

}  // namespace synlig::web
