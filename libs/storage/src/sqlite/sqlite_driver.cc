// Transactions, statements and rows over pooled SQLite connections.
#include "sqlite/sqlite_driver.h"

#include <sqlite3.h>

#include <type_traits>

namespace synlig::storage::sqlite {
namespace {

constexpr int kMaxConnections = 16;

class SqliteRow final : public sql::Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string_view Text(int col) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (text == nullptr) return {};
    return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
  }

 private:
  sqlite3_stmt* stmt_;
};

// Resets a statement and drops its bindings (text is bound without copying) on scope exit.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~ResetOnExit() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

class SqliteTx final : public sql::Tx {
 public:
  explicit SqliteTx(SqliteConnection& conn) : conn_(conn) {}

  Result<std::int64_t> Exec(std::string_view sql, std::span<const sql::Param> params) override {
    Status s = Step(sql, params, nullptr);
    if (!s) return Unexpected(s.error());
    return static_cast<std::int64_t>(sqlite3_changes64(conn_.handle()));
  }
  Status Query(std::string_view sql, std::span<const sql::Param> params,
               const sql::RowSink& sink) override {
    return Step(sql, params, &sink);
  }
  Status ExecScript(std::string_view script) override { return conn_.ExecScript(script); }

 private:
  Status Step(std::string_view sql, std::span<const sql::Param> params, const sql::RowSink* sink) {
    auto prepared = conn_.Prepare(sql);
    if (!prepared) return Unexpected(prepared.error());
    sqlite3_stmt* stmt = (*prepared)->stmt;
    ResetOnExit reset(stmt);
    const std::vector<int>& slots = (*prepared)->param_of_slot;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const auto n = static_cast<std::size_t>(slots[i]);
      if (n >= params.size()) {
        return Internal("statement uses $" + std::to_string(n + 1) + " but has " +
                        std::to_string(params.size()) + " parameters");
      }
      const int slot = static_cast<int>(i) + 1;
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              return sqlite3_bind_null(stmt, slot);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return sqlite3_bind_int64(stmt, slot, v);
            } else {
              // A default string_view has no data; SQLite would read that as NULL.
              const char* data = v.data() != nullptr ? v.data() : "";
              return sqlite3_bind_text64(stmt, slot, data, v.size(), SQLITE_STATIC, SQLITE_UTF8);
            }
          },
          params[n]);
      if (rc != SQLITE_OK) return conn_.LastError(rc);
    }
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return Ok();
      if (rc != SQLITE_ROW) return conn_.LastError(rc);
      if (sink == nullptr) continue;
      if (Status s = (*sink)(SqliteRow(stmt)); !s) return s;
    }
  }

  SqliteConnection& conn_;
};

}  // namespace

Result<std::unique_ptr<SqliteDriver>> SqliteDriver::Open(const SqliteSettings& settings) {
  if (settings.max_write_batch < 1 || settings.max_write_batch > 1024) {
    return InvalidArgument("sqlite_max_write_batch " + std::to_string(settings.max_write_batch) +
                               " must be between 1 and 1024",
                           "sqlite_max_write_batch");
  }
  auto first = SqliteConnection::Open(settings);
  if (!first) return Unexpected(first.error());
  const bool in_memory = settings.path == ":memory:" || settings.path.empty();
  std::unique_ptr<SqliteDriver> driver(new SqliteDriver(settings, in_memory ? 1 : kMaxConnections));
  driver->idle_.push_back(*std::move(first));
  driver->open_ = 1;
  return driver;
}

Result<std::unique_ptr<SqliteConnection>> SqliteDriver::Acquire() {
  std::unique_lock lock(pool_mutex_);
  pool_cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  ++open_;
  lock.unlock();
  auto conn = SqliteConnection::Open(settings_);
  if (!conn) {
    lock.lock();
    --open_;
    pool_cv_.notify_one();
  }
  return conn;
}

void SqliteDriver::Release(std::unique_ptr<SqliteConnection> conn) {
  {
    std::lock_guard lock(pool_mutex_);
    if (conn) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;
    }
  }
  pool_cv_.notify_one();
}

Status SqliteDriver::Run(sql::Access access, const std::function<Status(sql::Tx&)>& body) {
  std::unique_lock<std::mutex> write_lock;
  if (access == sql::Access::kWrite) write_lock = std::unique_lock(write_mutex_);
  auto acquired = Acquire();
  if (!acquired) return Unexpected(acquired.error());
  std::unique_ptr<SqliteConnection> conn = *std::move(acquired);

  Status result = conn->Run(access == sql::Access::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!result) {
    Release(std::move(conn));
    return sql::WithContext(result.error(), "starting a transaction");
  }
  SqliteTx tx(*conn);
  result = body(tx);
  if (result) {
    result = conn->Run("COMMIT");
    if (!result) result = sql::WithContext(result.error(), "committing");
  }
  if (!result && conn->InTransaction()) {
    // A connection that cannot even roll back is not trusted again.
    if (!conn->Run("ROLLBACK")) conn.reset();
  }
  Release(std::move(conn));
  return result;
}

}  // namespace synlig::storage::sqlite
