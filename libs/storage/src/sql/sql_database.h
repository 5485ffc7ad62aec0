// The Database of database.h over any SQL driver: owns the store and its repositories.
#pragma once

#include <memory>

#include "sql/ad_import_repository.h"
#include "sql/followup_repositories.h"
#include "sql/report_repository.h"
#include "sql/repositories.h"
#include "sql/statistics_repository.h"
#include "sql/store.h"
#include "sql/training_repository.h"
#include "synlig/storage/database.h"

namespace synlig::storage::sql {

class SqlDatabase final : public Database {
 public:
  explicit SqlDatabase(std::unique_ptr<Driver> driver);

  // Checks the schema is not newer than this program and, when `migrate`, applies pending
  // migrations. kFailedPrecondition for a newer schema; driver errors otherwise.
  Status Initialise(bool migrate);

  UserRepository& users() override { return users_; }
  SessionRepository& sessions() override { return sessions_; }
  UnitRepository& units() override { return units_; }
  RoundRepository& rounds() override { return rounds_; }
  ResponseRepository& responses() override { return responses_; }
  AuditRepository& audit() override { return audit_; }
  AdImportRepository& ad_imports() override { return ad_imports_; }
  TrainingRepository& training() override { return training_; }
  PreventionRepository& prevention() override { return prevention_; }
  ClinicRepository& clinics() override { return clinics_; }
  StatisticsRepository& statistics() override { return statistics_; }
  ReportRepository& reports() override { return reports_; }
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  Result<std::string> GetSetting(std::string_view key) override;
  Status SetSetting(std::string_view key, std::string_view value) override;

  Store& store() { return store_; }

 private:
  Store store_;
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlUnitRepository units_;
  SqlRoundRepository rounds_;
  SqlResponseRepository responses_;
  SqlAuditRepository audit_;
  SqlTrainingRepository training_;
  SqlPreventionRepository prevention_;
  SqlClinicRepository clinics_;
  SqlStatisticsRepository statistics_;
  SqlReportRepository reports_;
  SqlAdImportRepository ad_imports_;
};

}  // namespace synlig::storage::sql
