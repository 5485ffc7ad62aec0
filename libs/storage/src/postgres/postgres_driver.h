// The PostgreSQL implementation of the SQL seam over libpqxx 6.4: a pool of connections,
// statements prepared once per connection, read transactions as read-only snapshots
// (REPEATABLE READ), writes in READ COMMITTED with row-level guards in the SQL itself.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sql/driver.h"

namespace synlig::storage::postgres {

class PgConnection;

class PostgresDriver final : public sql::Driver {
 public:
  // Connects once now so a bad URL or unreachable server fails here: kUnavailable (the
  // message never repeats the URL, which may hold a password). `lock_timeout_ms` bounds the
  // wait for row locks, as SQLite's busy timeout does.
  static Result<std::unique_ptr<PostgresDriver>> Open(const std::string& url, int lock_timeout_ms);
  ~PostgresDriver() override;

  Status Run(sql::Access access, const std::function<Status(sql::Tx&)>& body) override;
  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }

 private:
  PostgresDriver(std::string url, int lock_timeout_ms);  // out of line: PgConnection is opaque

  Result<std::unique_ptr<PgConnection>> Acquire();
  void Release(std::unique_ptr<PgConnection> conn);  // nullptr: the connection was dropped

  const std::string url_;
  const int lock_timeout_ms_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
};

// Connects to `url` with Synlig's session settings (quiet notices, lock timeout).
Result<std::unique_ptr<PgConnection>> Connect(const std::string& url, int lock_timeout_ms);
// Runs `sql` outside any transaction on a fresh connection (test support: CREATE SCHEMA ...).
Status ExecuteOnce(const std::string& url, const std::string& sql);

}  // namespace synlig::storage::postgres
