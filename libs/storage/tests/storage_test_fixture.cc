// Fresh databases per test for both backends, and record builders.
#include "storage_test_fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

// Unique per process run and test, so parallel ctest processes never share a database.
std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(salt % 100000);
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

void PrintTo(Backend backend, std::ostream* os) {
  *os << (backend == Backend::kSqlite ? "Sqlite" : "Postgres");
}

void StorageTest::SetUp() {
  if (GetParam() == Backend::kSqlite) {
    sqlite_path_ =
        (std::filesystem::temp_directory_path() / ("synlig_storage_test_" + UniqueSuffix() + ".db"))
            .string();
    url_ = "sqlite:" + sqlite_path_;
  } else {
    const char* server = std::getenv("SYNLIG_TEST_PG");
    if (server == nullptr || *server == '\0') {
      GTEST_SKIP() << "SYNLIG_TEST_PG is not set: PostgreSQL tests skipped (set it to a "
                      "postgresql:// URL of a throwaway server to run them)";
    }
    pg_server_ = server;
    pg_schema_ = "synlig_test_" + UniqueSuffix();
    auto url = testing::CreateScratchSchema(pg_server_, pg_schema_);
    ASSERT_TRUE(url) << url.error().ToString();
    url_ = *url + "&application_name=" + pg_schema_;  // lets a test find its own sessions
  }
  auto db = Open(url_);
  ASSERT_TRUE(db) << db.error().ToString();
  db_ = *std::move(db);
}

void StorageTest::TearDown() {
  db_.reset();
  if (!sqlite_path_.empty()) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(sqlite_path_ + suffix, ignored);
    }
  }
  if (!pg_schema_.empty()) {
    Status dropped = testing::DropScratchSchema(pg_server_, pg_schema_);
    EXPECT_TRUE(dropped) << dropped.error().ToString();
  }
}

Result<std::unique_ptr<Database>> StorageTest::OpenAgain(const OpenOptions& options) {
  db_.reset();
  return Open(url_, options);
}

Id StorageTest::MakeUnit(const std::string& name, Sector sector) {
  Unit unit;
  unit.name = name;
  unit.sector = sector;
  auto id = db_->units().Create(unit);
  EXPECT_TRUE(id) << id.error().ToString();
  return id.value_or(0);
}

Id StorageTest::MakeUser(const std::string& username, Role role) {
  User user;
  user.username = username;
  user.display_name = "Test " + username;
  user.role = role;
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.created_at = kNow;
  auto id = db_->users().Create(user);
  EXPECT_TRUE(id) << id.error().ToString();
  return id.value_or(0);
}

Id StorageTest::MakeRound(const std::vector<Id>& units, RoundState state) {
  Round round;
  round.name = "Kartläggning 2025";
  round.period = Period{*ParseDate("2025-01-01"), *ParseDate("2025-06-30")};
  round.unit_ids = units;
  round.created_at = kNow;
  auto id = db_->rounds().Create(round);
  EXPECT_TRUE(id) << id.error().ToString();
  const RoundState path[] = {RoundState::kDraft, RoundState::kOpen, RoundState::kClosed,
                             RoundState::kPublished};
  for (int i = 0; path[i] != state; ++i) {
    Status moved = db_->rounds().Transition(*id, path[i], path[i + 1], kNow + i);
    EXPECT_TRUE(moved) << moved.error().ToString();
  }
  return id.value_or(0);
}

Id StorageTest::MakeLink(Id round, Id unit, const std::string& token) {
  auto id = db_->responses().CreateLink(round, unit, "hash-" + token, "link " + token, kNow);
  EXPECT_TRUE(id) << id.error().ToString();
  return id.value_or(0);
}

PersonEntry StorageTest::Entry(const std::string& gender, const std::string& age_band,
                               std::optional<std::string> match_hash) {
  PersonEntry e;
  e.answers.values["gender"] = {gender};
  e.answers.values["age_band"] = {age_band};
  e.answers.values["forms"] = {"sells_sex"};
  e.has_match_key = match_hash.has_value();
  e.match_hash = std::move(match_hash);
  return e;
}

}  // namespace synlig::storage
