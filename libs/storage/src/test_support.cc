// Test support that works on any backend: fault injection and raw scripts.
#include "synlig/storage/test_support.h"

#include <string>

#include "sql/sql_database.h"

namespace synlig::storage::testing {
namespace {
Result<sql::SqlDatabase*> AsSql(Database& db) {
  auto* sql_db = dynamic_cast<sql::SqlDatabase*>(&db);
  if (sql_db == nullptr) return InvalidArgument("not a database made by storage::Open", "db");
  return sql_db;
}

Result<sql::GroupCommit*> Batching(Database& db) {
  auto sql_db = AsSql(db);
  if (!sql_db) return Unexpected(sql_db.error());
  sql::GroupCommit* batching = (*sql_db)->store().group_commit();
  if (batching == nullptr) return FailedPrecondition("this database does not batch writes");
  return batching;
}
}  // namespace

Status GatherNextWriteBatch(Database& db, int n) {
  if (n < 1) return InvalidArgument("a batch of " + std::to_string(n) + " writes", "n");
  auto batching = Batching(db);
  if (!batching) return Unexpected(batching.error());
  (*batching)->GatherNext(n);
  return Ok();
}

Status WaitForQueuedWrites(Database& db, int n) {
  auto batching = Batching(db);
  if (!batching) return Unexpected(batching.error());
  (*batching)->WaitUntilQueued(n);
  return Ok();
}

Result<WriteBatchStats> GetWriteBatchStats(Database& db) {
  auto batching = Batching(db);
  if (!batching) return Unexpected(batching.error());
  const sql::GroupCommit::Stats stats = (*batching)->stats();
  return WriteBatchStats{stats.batches, stats.writes};
}

Status InjectStatementFault(Database& db, int nth) {
  auto sql_db = AsSql(db);
  if (!sql_db) return Unexpected(sql_db.error());
  (*sql_db)->store().InjectFault(nth);
  return Ok();
}

Status ExecScript(Database& db, std::string_view script) {
  auto sql_db = AsSql(db);
  if (!sql_db) return Unexpected(sql_db.error());
  return (*sql_db)->store().Write([&](sql::Tx& tx) { return tx.ExecScript(script); });
}

}  // namespace synlig::storage::testing
