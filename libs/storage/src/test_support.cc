// Test support that works on any backend: fault injection and raw scripts.
#include "synlig/storage/test_support.h"

#include "sql/sql_database.h"

namespace synlig::storage::testing {
namespace {
Result<sql::SqlDatabase*> AsSql(Database& db) {
  auto* sql_db = dynamic_cast<sql::SqlDatabase*>(&db);
  if (sql_db == nullptr) return InvalidArgument("not a database made by storage::Open", "db");
  return sql_db;
}
}  // namespace

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
