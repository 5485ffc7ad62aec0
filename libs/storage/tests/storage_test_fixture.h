// The backend-parametrised fixture of the repository test suite: each test gets a fresh
// database (a temporary SQLite file, or a scratch PostgreSQL schema when SYNLIG_TEST_PG names
// a server) and helpers that build the usual records.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "synlig/storage/database.h"

namespace synlig::storage {

enum class Backend { kSqlite, kPostgres };
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* os);  // names the backend in test listings

inline constexpr std::int64_t kNow = 1'750'000'000;  // a fixed "now" (2025-06-15)

class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Database& db() { return *db_; }
  bool IsSqlite() const { return GetParam() == Backend::kSqlite; }
  // The URL of this test's database, for opening it again (as another process would).
  const std::string& url() const { return url_; }
  const std::string& sqlite_path() const { return sqlite_path_; }
  // PostgreSQL: the scratch schema, also the application_name of this test's connections.
  const std::string& pg_schema() const { return pg_schema_; }
  // Closes and reopens the test's database with `options`.
  Result<std::unique_ptr<Database>> OpenAgain(const OpenOptions& options = {});
  void CloseDatabase() { db_.reset(); }
  void SetDatabase(std::unique_ptr<Database> db) { db_ = std::move(db); }

  Id MakeUnit(const std::string& name, Sector sector = Sector::kSocialServices);
  Id MakeUser(const std::string& username, Role role = Role::kAnalyst);
  // A round over `units`, moved to `state` (draft -> open -> closed -> published).
  Id MakeRound(const std::vector<Id>& units, RoundState state = RoundState::kOpen);
  Id MakeLink(Id round, Id unit, const std::string& token);
  // An entry with a gender, an age band and one form; match hash optional.
  static PersonEntry Entry(const std::string& gender, const std::string& age_band,
                           std::optional<std::string> match_hash = std::nullopt);

 private:
  std::string url_;
  std::string sqlite_path_;
  std::string pg_server_;
  std::string pg_schema_;
  std::unique_ptr<Database> db_;
};

// Each suite is its own fixture type so test names read by area.
class UserRepositoryTest : public StorageTest {};
class SessionRepositoryTest : public StorageTest {};
class UnitRepositoryTest : public StorageTest {};
class RoundRepositoryTest : public StorageTest {};
class ResponseRepositoryTest : public StorageTest {};
class ResponseQueriesTest : public StorageTest {};
class AuditRepositoryTest : public StorageTest {};
class SettingsTest : public StorageTest {};
class MigrationTest : public StorageTest {};
class FaultInjectionTest : public StorageTest {};
class ConcurrencyTest : public StorageTest {};
class AdImportRepositoryTest : public StorageTest {};
class StatisticsRepositoryTest : public StorageTest {};
class PreventionRepositoryTest : public StorageTest {};
class ClinicRepositoryTest : public StorageTest {};
class TrainingRepositoryTest : public StorageTest {};
class ReportRepositoryTest : public StorageTest {};

}  // namespace synlig::storage

// Instantiates every suite above for one backend (in that backend's test binary).
#define SYNLIG_STORAGE_SUITE(suite, backend)                                                \
  INSTANTIATE_TEST_SUITE_P(, suite, ::testing::Values(::synlig::storage::Backend::backend), \
                           ::synlig::storage::BackendName)
#define SYNLIG_INSTANTIATE_STORAGE_SUITES(backend)       \
  SYNLIG_STORAGE_SUITE(UserRepositoryTest, backend);     \
  SYNLIG_STORAGE_SUITE(SessionRepositoryTest, backend);  \
  SYNLIG_STORAGE_SUITE(UnitRepositoryTest, backend);     \
  SYNLIG_STORAGE_SUITE(RoundRepositoryTest, backend);    \
  SYNLIG_STORAGE_SUITE(ResponseRepositoryTest, backend); \
  SYNLIG_STORAGE_SUITE(ResponseQueriesTest, backend);    \
  SYNLIG_STORAGE_SUITE(AuditRepositoryTest, backend);    \
  SYNLIG_STORAGE_SUITE(SettingsTest, backend);           \
  SYNLIG_STORAGE_SUITE(MigrationTest, backend);          \
  SYNLIG_STORAGE_SUITE(FaultInjectionTest, backend);     \
  SYNLIG_STORAGE_SUITE(ConcurrencyTest, backend);       \
  SYNLIG_STORAGE_SUITE(AdImportRepositoryTest, backend);       \
  SYNLIG_STORAGE_SUITE(StatisticsRepositoryTest, backend);       \
  SYNLIG_STORAGE_SUITE(PreventionRepositoryTest, backend);       \
  SYNLIG_STORAGE_SUITE(ClinicRepositoryTest, backend);       \
  SYNLIG_STORAGE_SUITE(TrainingRepositoryTest, backend);       \
  SYNLIG_STORAGE_SUITE(ReportRepositoryTest, backend)
