// One SQLite connection with Synlig's settings (WAL, foreign keys, busy timeout, synchronous)
// and its cache of prepared statements; plus the mapping of SQLite result codes to Errors.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synlig/core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace synlig::storage::sqlite {

struct SqliteSettings {
  std::string path;
  int busy_timeout_ms = 5000;
  std::string synchronous = "full";  // "full" or "normal"
  int max_write_batch = 64;  // group commit bound, 1..1024 (checked by SqliteDriver::Open)
};

// A SQLite result code as an Error: constraint UNIQUE/PRIMARY KEY -> kAlreadyExists, other
// constraints -> kInvalidArgument, busy/locked/I/O/full/read-only/cannot-open -> kUnavailable,
// not a database -> kFailedPrecondition, corrupt and misuse -> kInternal. The message is
// SQLite's (it names constraints and columns, never values).
Unexpected SqliteError(int rc, std::string_view message);

class SqliteConnection {
 public:
  // kInvalidArgument for an unknown `synchronous`; kUnavailable when the file cannot be
  // opened or set up; kFailedPrecondition when it is not a SQLite database.
  static Result<std::unique_ptr<SqliteConnection>> Open(const SqliteSettings& settings);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // A prepared statement and, for each of its parameter slots, which $N (0-based) it binds.
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> param_of_slot;
  };
  // Prepares once per connection and caches; the statement is reset and ready.
  Result<Prepared*> Prepare(std::string_view sql);
  // Runs a statement without parameters or result rows (BEGIN, COMMIT, ...).
  Status Run(std::string_view sql);
  Status ExecScript(std::string_view script);
  bool InTransaction() const;
  sqlite3* handle() const { return db_; }
  // This connection's last error as an Error.
  Unexpected LastError(int rc) const;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> cache_;
};

}  // namespace synlig::storage::sqlite
