// Transactions, prepared statements and rows over pooled libpqxx connections.
#include "postgres/postgres_driver.h"

#include <charconv>
#include <pqxx/pqxx>
#include <unordered_map>

#include "postgres/postgres_error.h"

namespace synlig::storage::postgres {
namespace {

constexpr int kMaxConnections = 8;

class PgRow final : public sql::Row {
 public:
  explicit PgRow(const pqxx::row& row) : row_(row) {}
  bool IsNull(int col) const override { return Field(col).is_null(); }
  std::int64_t Int(int col) const override {
    pqxx::field f = Field(col);
    if (f.is_null()) return 0;
    std::string_view text(f.c_str(), f.size());
    if (text == "t") return 1;  // a boolean, should one ever be selected
    if (text == "f") return 0;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  std::string_view Text(int col) const override {
    pqxx::field f = Field(col);
    if (f.is_null()) return {};
    return std::string_view(f.c_str(), f.size());
  }

 private:
  pqxx::field Field(int col) const { return row_[static_cast<pqxx::row::size_type>(col)]; }
  const pqxx::row& row_;
};

}  // namespace

class PgConnection {
 public:
  explicit PgConnection(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {}
  pqxx::connection& conn() { return *conn_; }
  bool usable() const { return conn_->is_open(); }

  // The name of `sql` prepared on this connection (prepared on first use).
  const std::string& StatementName(std::string_view sql) {
    if (auto it = names_.find(std::string(sql)); it != names_.end()) return it->second;
    std::string name = "s" + std::to_string(names_.size());
    conn_->prepare(name, std::string(sql));
    return names_.emplace(std::string(sql), std::move(name)).first->second;
  }

 private:
  std::unique_ptr<pqxx::connection> conn_;
  std::unordered_map<std::string, std::string> names_;
};

namespace {

class PgTx final : public sql::Tx {
 public:
  PgTx(PgConnection& conn, pqxx::transaction_base& work) : conn_(conn), work_(work) {}

  Result<std::int64_t> Exec(std::string_view sql, std::span<const sql::Param> params) override {
    try {
      pqxx::result r = Run(sql, params);
      return static_cast<std::int64_t>(r.affected_rows());
    } catch (...) {
      return CurrentPgError();
    }
  }

  Status Query(std::string_view sql, std::span<const sql::Param> params,
               const sql::RowSink& sink) override {
    try {
      pqxx::result r = Run(sql, params);
      for (const pqxx::row& row : r) {
        if (Status s = sink(PgRow(row)); !s) return s;
      }
      return Ok();
    } catch (...) {
      return CurrentPgError();
    }
  }

  Status ExecScript(std::string_view script) override {
    try {
      work_.exec(std::string(script));
      return Ok();
    } catch (...) {
      return CurrentPgError();
    }
  }

 private:
  // Parameters go as text (NULL as a null pointer); the server infers their types.
  pqxx::result Run(std::string_view sql, std::span<const sql::Param> params) {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        storage[i] = std::to_string(*n);
        values[i] = storage[i].c_str();
      } else if (const auto* t = std::get_if<std::string_view>(&params[i])) {
        storage[i] = std::string(*t);
        values[i] = storage[i].c_str();
      }
    }
    const std::string& name = conn_.StatementName(sql);
    return work_.exec_prepared(name, pqxx::prepare::make_dynamic_params(values));
  }

  PgConnection& conn_;
  pqxx::transaction_base& work_;
};

using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

}  // namespace

Result<std::unique_ptr<PgConnection>> Connect(const std::string& url, int lock_timeout_ms) {
  try {
    auto conn = std::make_unique<pqxx::connection>(url);
    pqxx::nontransaction setup(*conn);
    // Notices (e.g. "relation already exists, skipping") would go to stderr otherwise.
    setup.exec("SET client_min_messages = warning");
    setup.exec("SET lock_timeout = " + std::to_string(std::max(1, lock_timeout_ms)));
    setup.commit();
    return std::make_unique<PgConnection>(std::move(conn));
  } catch (...) {
    Unexpected e = CurrentPgError();
    return Fail(ErrorCode::kUnavailable, "cannot connect to PostgreSQL: " + e.error().message());
  }
}

Status ExecuteOnce(const std::string& url, const std::string& sql) {
  auto conn = Connect(url, 5000);
  if (!conn) return Unexpected(conn.error());
  try {
    pqxx::nontransaction work((*conn)->conn());
    work.exec(sql);
    work.commit();
    return Ok();
  } catch (...) {
    return CurrentPgError();
  }
}

Result<std::unique_ptr<PostgresDriver>> PostgresDriver::Open(const std::string& url,
                                                             int lock_timeout_ms) {
  auto first = Connect(url, lock_timeout_ms);
  if (!first) return Unexpected(first.error());
  std::unique_ptr<PostgresDriver> driver(new PostgresDriver(url, lock_timeout_ms));
  driver->idle_.push_back(*std::move(first));
  driver->open_ = 1;
  return driver;
}

PostgresDriver::PostgresDriver(std::string url, int lock_timeout_ms)
    : url_(std::move(url)), lock_timeout_ms_(lock_timeout_ms) {}

PostgresDriver::~PostgresDriver() = default;

Result<std::unique_ptr<PgConnection>> PostgresDriver::Acquire() {
  std::unique_lock lock(pool_mutex_);
  pool_cv_.wait(lock, [&] { return !idle_.empty() || open_ < kMaxConnections; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  ++open_;
  lock.unlock();
  auto conn = Connect(url_, lock_timeout_ms_);
  if (!conn) {
    lock.lock();
    --open_;
    pool_cv_.notify_one();
  }
  return conn;
}

void PostgresDriver::Release(std::unique_ptr<PgConnection> conn) {
  {
    std::lock_guard lock(pool_mutex_);
    if (conn && conn->usable()) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;
    }
  }
  pool_cv_.notify_one();
}

Status PostgresDriver::Run(sql::Access access, const std::function<Status(sql::Tx&)>& body) {
  auto acquired = Acquire();
  if (!acquired) return Unexpected(acquired.error());
  std::unique_ptr<PgConnection> conn = *std::move(acquired);
  Status result;
  try {
    std::unique_ptr<pqxx::transaction_base> work;
    if (access == sql::Access::kRead) {
      work = std::make_unique<ReadTransaction>(conn->conn());
    } else {
      work = std::make_unique<pqxx::work>(conn->conn());
    }
    PgTx tx(*conn, *work);
    result = body(tx);
    if (result) {
      work->commit();
    } else {
      work->abort();
    }
  } catch (...) {
    result = sql::WithContext(CurrentPgError().error(), "running a transaction");
    // After a lost connection or an aborted commit the connection is not trusted again.
    conn.reset();
  }
  Release(std::move(conn));
  return result;
}

}  // namespace synlig::storage::postgres
