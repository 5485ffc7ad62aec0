// TrainingRepository over the SQL seam (storage/training.h); the register's records in
// training_repository.cc, imports, targets and the whole register in
// training_register_queries.cc.
#pragma once

#include "sql/store.h"
#include "synlig/storage/training.h"

namespace synlig::storage::sql {

class SqlTrainingRepository final : public TrainingRepository {
 public:
  explicit SqlTrainingRepository(Store& store) : store_(store) {}

  Result<training::Id> CreateDepartment(const training::Department& department) override;
  Status UpdateDepartment(const training::Department& department) override;
  Result<training::Id> CreateUnit(const training::Unit& unit) override;
  Status UpdateUnit(const training::Unit& unit) override;
  Result<training::Id> CreateRole(const training::JobRole& role) override;
  Status UpdateRole(const training::JobRole& role) override;
  Result<training::Id> CreateEmployee(const training::Employee& employee,
                                      std::int64_t now) override;
  Status UpdateEmployee(const training::Employee& employee, std::int64_t now) override;
  Result<training::Employee> FindEmployee(training::Id id) override;
  Result<std::vector<training::Employee>> ListEmployees() override;
  Result<training::Id> CreateCourse(const training::Course& course) override;
  Status UpdateCourse(const training::Course& course) override;
  Result<training::Id> AddCompletion(const training::Completion& completion,
                                     std::optional<training::Id> created_by,
                                     std::int64_t now) override;
  Status DeleteCompletion(training::Id id) override;
  Result<std::vector<training::Completion>> ListCompletions(
      std::optional<training::Id> employee) override;
  Result<training::Id> StageImport(const StagedImport& staged) override;
  Result<StagedImport> FindImport(training::Id id) override;
  Result<std::vector<StagedImport>> ListImports(int limit) override;
  Result<ImportOutcome> ApplyImport(training::Id id,
                                    const std::vector<training::PlannedCompletion>& rows,
                                    std::int64_t now) override;
  Status DiscardImport(training::Id id, std::int64_t now) override;
  Result<int> DiscardStaleImports(std::int64_t before, std::int64_t now) override;
  Status SetTarget(const training::Target& target) override;
  Status RemoveTarget(std::optional<training::Id> department_id) override;
  Result<training::Register> LoadRegister() override;

 private:
  Store& store_;
};

// Shared by the two source files.
namespace training_sql {
// Whether a row with this id exists in `table` (a fixed table name, never user input).
Result<bool> Exists(Tx& tx, std::string_view table, training::Id id);
// `error` with a kAlreadyExists or kInvalidArgument from a constraint renamed to the field a
// user typed; other errors annotated with `what`.
Unexpected MapError(const Error& error, std::string_view unique_field, std::string_view what);
RowSink CollectEmployees(std::vector<training::Employee>& out);
RowSink CollectCompletions(std::vector<training::Completion>& out);
inline constexpr std::string_view kEmployeeColumns =
    "SELECT id, name, email, unit_id, role_id, active FROM training_employees ";
inline constexpr std::string_view kCompletionColumns =
    "SELECT id, employee_id, course_id, completed_on, source, import_id FROM training_completions ";
}  // namespace training_sql

}  // namespace synlig::storage::sql
