// The repository suite on SQLite, plus what only SQLite has: opening files, durability
// settings, and a write lock held by another connection.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "sql/migrations.h"
#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {

SYNLIG_INSTANTIATE_STORAGE_SUITES(kSqlite);

namespace {

using survey::MetAnyone;

class SqliteOnlyTest : public StorageTest {};
INSTANTIATE_TEST_SUITE_P(, SqliteOnlyTest, ::testing::Values(Backend::kSqlite), BackendName);

TEST_P(SqliteOnlyTest, AcceptsPlainPathAndNormalSynchronous) {
  CloseDatabase();
  OpenOptions options;
  options.sqlite_synchronous = "normal";
  auto db = Open(sqlite_path(), options);
  ASSERT_TRUE(db) << db.error().ToString();
  EXPECT_EQ((*db)->SchemaVersion().value_or(-1), sql::LatestSchemaVersion());
}

TEST_P(SqliteOnlyTest, InMemoryDatabaseWorksOnOneConnection) {
  auto db = Open("sqlite::memory:");
  ASSERT_TRUE(db) << db.error().ToString();
  Unit unit;
  unit.name = "A";
  auto id = (*db)->units().Create(unit);
  ASSERT_TRUE(id) << id.error().ToString();
  EXPECT_EQ((*db)->units().Find(*id)->name, "A");
}

TEST_P(SqliteOnlyTest, RejectsUnknownSynchronousSetting) {
  OpenOptions options;
  options.sqlite_synchronous = "off";
  auto db = OpenAgain(options);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db.error().field(), "sqlite_synchronous");
  EXPECT_NE(db.error().message().find("'off'"), std::string::npos);
}

TEST_P(SqliteOnlyTest, RejectsWriteBatchBoundOutsideRange) {
  for (int bound : {0, -1, 1025}) {
    OpenOptions options;
    options.sqlite_max_write_batch = bound;
    auto db = OpenAgain(options);
    ASSERT_FALSE(db) << bound;
    EXPECT_EQ(db.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(db.error().field(), "sqlite_max_write_batch");
    EXPECT_NE(db.error().message().find(std::to_string(bound)), std::string::npos);
  }
}

TEST_P(SqliteOnlyTest, WriteBatchBoundOfOneCommitsEachWriteOnItsOwn) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  std::vector<Id> responses;
  for (int i = 0; i < 3; ++i) responses.push_back(MakeLink(round, unit, std::to_string(i)));
  OpenOptions options;
  options.sqlite_max_write_batch = 1;
  auto opened = OpenAgain(options);
  ASSERT_TRUE(opened) << opened.error().ToString();
  SetDatabase(*std::move(opened));
  auto before = testing::GetWriteBatchStats(db());  // the migration check at open writes too
  ASSERT_TRUE(before);
  ASSERT_TRUE(testing::GatherNextWriteBatch(db(), 3));
  std::vector<Status> results(3, Ok());
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back(
        [&, i] { results[i] = db().responses().Submit(responses[i], MetAnyone::kNo, {}, kNow); });
  }
  for (std::thread& t : threads) t.join();
  for (const Status& s : results) EXPECT_TRUE(s) << s.error().ToString();
  auto stats = testing::GetWriteBatchStats(db());
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->batches - before->batches, 3);
  EXPECT_EQ(stats->writes - before->writes, 3);
}

TEST_P(SqliteOnlyTest, FileThatCannotBeOpenedIsUnavailable) {
  auto db = Open("sqlite:" + sqlite_path() + ".missing-dir/x.db");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), ErrorCode::kUnavailable);
  EXPECT_NE(db.error().message().find("x.db"), std::string::npos);
  EXPECT_EQ(Open("sqlite:").error().code(), ErrorCode::kInvalidArgument);
}

TEST_P(SqliteOnlyTest, FileThatIsNotADatabaseIsRefused) {
  const std::string path = sqlite_path() + ".txt";
  {
    std::ofstream out(path);
    out << std::string(4096, 'x');
  }
  auto db = Open(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_P(SqliteOnlyTest, WriteLockedByAnotherConnectionIsUnavailableAndChangesNothing) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  OpenOptions impatient;
  impatient.busy_timeout_ms = 1;
  auto opened = OpenAgain(impatient);
  ASSERT_TRUE(opened) << opened.error().ToString();
  SetDatabase(*std::move(opened));

  {
    auto lock = testing::HoldSqliteWriteLock(sqlite_path());
    ASSERT_TRUE(lock) << lock.error().ToString();
    Status s = db().responses().Submit(response, MetAnyone::kYes, {Entry("woman", "18_24")}, kNow);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code(), ErrorCode::kUnavailable);
    EXPECT_NE(s.error().message().find("locked"), std::string::npos) << s.error().message();
    Unit b;
    b.name = "B";
    auto unit_create = db().units().Create(b);
    ASSERT_FALSE(unit_create);
    EXPECT_EQ(unit_create.error().code(), ErrorCode::kUnavailable);
    // Reads still work while another connection writes (WAL).
    auto during = db().responses().Find(response);
    ASSERT_TRUE(during) << during.error().ToString();
    EXPECT_EQ(during->status, ResponseStatus::kNotStarted);
  }
  EXPECT_TRUE(db().responses().LoadEntries(response)->empty());
  EXPECT_EQ(db().units().List()->size(), 1u);
  ASSERT_TRUE(db().responses().Submit(response, MetAnyone::kYes, {Entry("woman", "18_24")}, kNow));
  EXPECT_EQ(db().responses().Find(response)->status, ResponseStatus::kSubmitted);
}

TEST(StorageOpenTest, PostgresUrlWithoutServerIsUnavailableOrUnsupported) {
  auto db = Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db);
  EXPECT_TRUE(db.error().code() == ErrorCode::kUnavailable ||
              db.error().code() == ErrorCode::kInvalidArgument)
      << db.error().ToString();
}

}  // namespace
}  // namespace synlig::storage
