// The SQLite implementation of the SQL seam: a pool of connections (one per concurrent
// caller), writes serialised in-process and run as BEGIN IMMEDIATE transactions (the store
// batches concurrent writes into them: sql/group_commit.h).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "sql/driver.h"
#include "sqlite/sqlite_connection.h"

namespace synlig::storage::sqlite {

class SqliteDriver final : public sql::Driver {
 public:
  // Opens the first connection now, so a bad path or setting fails here: errors of
  // SqliteConnection::Open, and kInvalidArgument for max_write_batch outside 1..1024
  // ("sqlite_max_write_batch"). An in-memory database (":memory:") gets a single connection.
  static Result<std::unique_ptr<SqliteDriver>> Open(const SqliteSettings& settings);

  Status Run(sql::Access access, const std::function<Status(sql::Tx&)>& body) override;
  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  int WriteBatchLimit() const override { return settings_.max_write_batch; }

 private:
  SqliteDriver(SqliteSettings settings, int max_connections)
      : settings_(std::move(settings)), max_connections_(max_connections) {}

  Result<std::unique_ptr<SqliteConnection>> Acquire();
  void Release(std::unique_ptr<SqliteConnection> conn);  // nullptr: the connection was dropped

  const SqliteSettings settings_;
  const int max_connections_;
  std::mutex write_mutex_;  // one writer at a time, as SQLite allows anyway

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  int open_ = 0;
};

}  // namespace synlig::storage::sqlite
