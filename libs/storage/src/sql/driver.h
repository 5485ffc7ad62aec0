// The narrow seam between Synlig's repositories and a SQL engine: run a transaction, execute
// a statement with bound parameters ($1, $2, ... in both dialects), stream result rows.
// SQLite (src/sqlite) and PostgreSQL (src/postgres) implement it; nothing else knows either.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "synlig/core/error.h"

namespace synlig::storage::sql {

// A bound parameter: NULL, an integer or text. Text is borrowed for the call only.
using Param = std::variant<std::monostate, std::int64_t, std::string_view>;
inline constexpr Param kNull{};
inline Param OptionalText(const std::optional<std::string>& text) {
  return text ? Param(std::string_view(*text)) : kNull;
}

// One result row, valid only inside the callback that receives it. Columns are 0-based.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int col) const = 0;
  virtual std::int64_t Int(int col) const = 0;       // 0 for NULL
  virtual std::string_view Text(int col) const = 0;  // "" for NULL
  std::optional<std::string> OptionalText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return std::string(Text(col));
  }
};

using RowSink = std::function<Status(const Row&)>;

// A transaction in progress. Errors are already mapped to Synlig codes: a unique violation is
// kAlreadyExists, a foreign-key/check/not-null violation kInvalidArgument, a busy, locked or
// failing store kUnavailable. Messages name the constraint, never bound values.
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<std::int64_t> Exec(std::string_view sql, std::span<const Param> params) = 0;
  // Runs one statement and hands each row to `sink`; stops at the first error `sink` returns.
  virtual Status Query(std::string_view sql, std::span<const Param> params,
                       const RowSink& sink) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecScript(std::string_view script) = 0;
};

enum class Access { kRead, kWrite };
enum class Dialect { kSqlite, kPostgres };

class Driver {
 public:
  virtual ~Driver() = default;
  // Runs `body` in one transaction: committed when it returns ok, rolled back otherwise (and
  // when the commit itself fails). Writes are serialised. Thread-safe.
  virtual Status Run(Access access, const std::function<Status(Tx&)>& body) = 0;
  virtual Dialect dialect() const = 0;
  // 0 (PostgreSQL): writes run concurrently, each its own transaction. n >= 1: the engine runs
  // one write transaction at a time anyway (SQLite), so the store batches up to n concurrent
  // writes into one commit (sql/group_commit.h), which costs no concurrency.
  virtual int WriteBatchLimit() const { return 0; }
};

// Conveniences over Tx with a literal parameter list.
inline Result<std::int64_t> Exec(Tx& tx, std::string_view sql,
                                 std::initializer_list<Param> params = {}) {
  return tx.Exec(sql, std::span<const Param>(params.begin(), params.size()));
}
inline Status Query(Tx& tx, std::string_view sql, std::initializer_list<Param> params,
                    const RowSink& sink) {
  return tx.Query(sql, std::span<const Param>(params.begin(), params.size()), sink);
}
// The first column of the first row as an integer; nullopt when there is no row.
Result<std::optional<std::int64_t>> QueryInt(Tx& tx, std::string_view sql,
                                             std::initializer_list<Param> params);

// Ok when user user_id exists; else kInvalidArgument "user <id> does not exist" naming `field`
// (the caller's field for the user: "created_by", "chosen_by", ...).
Status RequireUser(Tx& tx, std::int64_t user_id, std::string_view field);

// `error` with "<what>: " in front of its message; code and field kept.
Unexpected WithContext(const Error& error, std::string_view what);
// For errors leaving a repository: the store's own errors (no field; not kNotFound or
// kFailedPrecondition, which repositories raise themselves) get "<what>: " in front, the
// repositories' specific errors pass unchanged.
Unexpected Annotate(const Error& error, std::string_view what);

}  // namespace synlig::storage::sql
