// Support for tests of code that stores data (this library's and its users'): fault
// injection, batches of writes, a foreign SQLite write lock, raw scripts and scratch
// PostgreSQL schemas.
// Not for production paths.
//   auto url = storage::testing::CreateScratchSchema(getenv("SYNLIG_TEST_PG"), "t_123");
//   auto db = storage::Open(*url);  ...  storage::testing::DropScratchSchema(base, "t_123");
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "synlig/core/error.h"
#include "synlig/storage/database.h"

namespace synlig::storage::testing {

// From now on the `nth` SQL statement (1-based) of `db` fails with kUnavailable as a failing
// disk would, and its transaction is rolled back; 0 turns injection off. kInvalidArgument
// when `db` was not made by storage::Open.
Status InjectStatementFault(Database& db, int nth);

// Group commit (SQLite): the next batch of writes of `db` begins only once `n` writes are
// queued, and then holds all of them (up to 64), so a test can put concurrent writes into one
// transaction without timing. The leading write waits for ever if fewer than `n` arrive.
// kFailedPrecondition when `db` does not batch writes (PostgreSQL); kInvalidArgument when
// `db` was not made by storage::Open or `n` < 1 ("n").
Status GatherNextWriteBatch(Database& db, int n);
// Returns once at least `n` writes of `db` are queued or running in a batch. Errors as above.
Status WaitForQueuedWrites(Database& db, int n);
struct WriteBatchStats {
  std::int64_t batches = 0;  // write transactions run by the batching (committed or not)
  std::int64_t writes = 0;   // writes run in them
};
// Counts since `db` was opened. Errors as above.
Result<WriteBatchStats> GetWriteBatchStats(Database& db);

// Runs a SQL script in one write transaction (e.g. to fake a newer schema). kInvalidArgument
// when `db` was not made by storage::Open; store errors otherwise.
Status ExecScript(Database& db, std::string_view script);

// Holds SQLite's write lock on the database file at `path` from a separate connection for as
// long as it lives, as another process would. kUnavailable when the lock cannot be taken.
class SqliteWriteLock {
 public:
  virtual ~SqliteWriteLock() = default;
};
Result<std::unique_ptr<SqliteWriteLock>> HoldSqliteWriteLock(const std::string& path);

// Creates schema `schema` ([a-z0-9_]+) on the PostgreSQL server at `server_url` and returns a
// URL whose connections use it (search_path), for a test that must not see other tests'
// tables. kInvalidArgument for a bad name or when PostgreSQL support is not built in;
// kUnavailable when the server cannot be reached.
Result<std::string> CreateScratchSchema(std::string_view server_url, std::string_view schema);
// Drops the schema and everything in it.
Status DropScratchSchema(std::string_view server_url, std::string_view schema);

}  // namespace synlig::storage::testing
