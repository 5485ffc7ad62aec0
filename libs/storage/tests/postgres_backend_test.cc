// The repository suite on PostgreSQL: each test in a scratch schema of the server named by
// SYNLIG_TEST_PG (skipped when it is not set); plus what only a server has: lost connections.
#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {

SYNLIG_INSTANTIATE_STORAGE_SUITES(kPostgres);

namespace {

class PostgresOnlyTest : public StorageTest {};
INSTANTIATE_TEST_SUITE_P(, PostgresOnlyTest, ::testing::Values(Backend::kPostgres), BackendName);

TEST_P(PostgresOnlyTest, LostConnectionsAreUnavailableOrReplacedNeverWrong) {
  Id unit = MakeUnit("A");
  auto other = Open(url());
  ASSERT_TRUE(other) << other.error().ToString();
  // Another session ends every connection of this test's first handle, as a server restart
  // or a network cut would.
  ASSERT_TRUE(testing::ExecScript(
      **other, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
                   pg_schema() + "' AND pid <> pg_backend_pid()"));
  auto first = db().units().Find(unit);
  if (!first) {
    EXPECT_EQ(first.error().code(), ErrorCode::kUnavailable) << first.error().ToString();
  }
  auto again = db().units().Find(unit);
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->name, "A");
  Unit b;
  b.name = "B";
  EXPECT_TRUE(db().units().Create(b));
}

TEST_P(PostgresOnlyTest, ErrorsNeverCarryTheServersDetailLine) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  MakeLink(round, unit, "secret");
  // The unique index on token_hash rejects this insert; PostgreSQL's DETAIL line would
  // repeat the hash.
  Status s = testing::ExecScript(
      db(), "INSERT INTO responses (round_id, unit_id, token_hash, updated_at) VALUES (" +
                std::to_string(round) + ", " + std::to_string(unit) + ", 'hash-secret', 0)");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(s.error().message().find("secret"), std::string::npos) << s.error().message();
}

TEST_P(PostgresOnlyTest, UnreachableServerIsUnavailableWithoutEchoingThePassword) {
  auto db = Open("postgresql://someone:hunter2@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(db.error().message().find("hunter2"), std::string::npos) << db.error().message();
}

}  // namespace
}  // namespace synlig::storage
