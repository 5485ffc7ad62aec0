// The training register's store: departments, units, job roles, employees, the course
// catalogue, completions, staged imports and the council's targets, with the records of
// synlig/training/register.h. Every method is thread-safe; errors as in database.h, and:
// kAlreadyExists with the field of the unique value ("name", "email", "code"), kInvalidArgument
// naming the field of a reference to something that does not exist ("department", "unit",
// "role", "employee", "course"), kNotFound for an unknown id. Nothing is half-saved.
//   auto reg = db.training().LoadRegister();
//   auto summary = training::SummariseCoverage(*reg, today);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/training/import.h"
#include "synlig/training/register.h"

namespace synlig::storage {

enum class ImportState { kPending, kApplied, kDiscarded };
std::string_view ImportStateCode(ImportState s);  // "pending", "applied", "discarded"

// An uploaded learning-platform export between upload and confirmation.
struct StagedImport {
  training::Id id = 0;
  std::int64_t created_at = 0;
  std::optional<training::Id> created_by;  // user id
  std::string file_name;
  std::string encoding;  // training::EncodingCode of the upload
  std::string content;   // the file as UTF-8 text; "" once applied or discarded
  ImportState state = ImportState::kPending;
  std::int64_t finished_at = 0;
  int rows_added = 0;    // completions stored
  int rows_skipped = 0;  // rows already in the register (same employee, course and day)
};

struct ImportOutcome {
  int added = 0;
  int skipped = 0;
};

class TrainingRepository {
 public:
  virtual ~TrainingRepository() = default;

  // Records are validated (training::Validate*) before they are stored.
  virtual Result<training::Id> CreateDepartment(const training::Department& department) = 0;
  virtual Status UpdateDepartment(const training::Department& department) = 0;
  virtual Result<training::Id> CreateUnit(const training::Unit& unit) = 0;
  virtual Status UpdateUnit(const training::Unit& unit) = 0;
  virtual Result<training::Id> CreateRole(const training::JobRole& role) = 0;
  virtual Status UpdateRole(const training::JobRole& role) = 0;

  virtual Result<training::Id> CreateEmployee(const training::Employee& employee,
                                              std::int64_t now) = 0;
  virtual Status UpdateEmployee(const training::Employee& employee, std::int64_t now) = 0;
  virtual Result<training::Employee> FindEmployee(training::Id id) = 0;
  virtual Result<std::vector<training::Employee>> ListEmployees() = 0;  // by name, then id

  virtual Result<training::Id> CreateCourse(const training::Course& course) = 0;
  virtual Status UpdateCourse(const training::Course& course) = 0;

  // A completion entered by hand (source and import_id of `completion` are ignored).
  // kAlreadyExists (field "date") when the employee already has the course on that day.
  virtual Result<training::Id> AddCompletion(const training::Completion& completion,
                                             std::optional<training::Id> created_by,
                                             std::int64_t now) = 0;
  virtual Status DeleteCompletion(training::Id id) = 0;  // kNotFound
  // Newest first (by date, then id); all when employee is unset.
  virtual Result<std::vector<training::Completion>> ListCompletions(
      std::optional<training::Id> employee) = 0;

  // Stages an upload (state pending). kInvalidArgument ("file") for empty content.
  virtual Result<training::Id> StageImport(const StagedImport& staged) = 0;
  virtual Result<StagedImport> FindImport(training::Id id) = 0;  // kNotFound
  // The newest `limit` imports (1..1000), without their content.
  virtual Result<std::vector<StagedImport>> ListImports(int limit) = 0;
  // In one transaction: stores every planned completion as source "import" of this import,
  // skipping those already registered (same employee, course and day), marks the import
  // applied with its counts and clears its content. kFailedPrecondition when the import is
  // not pending (applied twice, discarded); kNotFound; kInvalidArgument when a row names an
  // employee or course that does not exist (nothing is stored).
  virtual Result<ImportOutcome> ApplyImport(training::Id id,
                                            const std::vector<training::PlannedCompletion>& rows,
                                            std::int64_t now) = 0;
  // Pending -> discarded, content cleared. kFailedPrecondition when not pending; kNotFound.
  virtual Status DiscardImport(training::Id id, std::int64_t now) = 0;
  // Discards every pending import created before `before`; returns how many.
  virtual Result<int> DiscardStaleImports(std::int64_t before, std::int64_t now) = 0;

  // Replaces the target of its scope (the department, or the whole municipality).
  virtual Status SetTarget(const training::Target& target) = 0;
  // Removing what is not there is not an error.
  virtual Status RemoveTarget(std::optional<training::Id> department_id) = 0;

  // Everything coverage needs, each list in a stable order (by name, completions by date).
  virtual Result<training::Register> LoadRegister() = 0;
};

}  // namespace synlig::storage
