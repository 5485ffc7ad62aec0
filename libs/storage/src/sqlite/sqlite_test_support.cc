// Test support for SQLite: a write lock held from a separate connection.
#include <sqlite3.h>

#include "synlig/storage/test_support.h"

namespace synlig::storage::testing {
namespace {

class HeldLock final : public SqliteWriteLock {
 public:
  explicit HeldLock(sqlite3* db) : db_(db) {}
  ~HeldLock() override {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqliteWriteLock>> HoldSqliteWriteLock(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(ErrorCode::kUnavailable, "cannot open '" + path + "': " + message);
  }
  auto lock = std::make_unique<HeldLock>(db);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Fail(ErrorCode::kUnavailable, "cannot lock '" + path + "': " + sqlite3_errmsg(db));
  }
  return std::unique_ptr<SqliteWriteLock>(std::move(lock));
}

}  // namespace synlig::storage::testing
