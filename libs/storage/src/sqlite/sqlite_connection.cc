// Opening and configuring SQLite connections, the statement cache, and error mapping.
#include "sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <charconv>

namespace synlig::storage::sqlite {

Unexpected SqliteError(int rc, std::string_view message) {
  std::string text(message);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Fail(ErrorCode::kAlreadyExists, text);
      }
      return Fail(ErrorCode::kInvalidArgument, text);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
    case SQLITE_NOMEM:
    case SQLITE_INTERRUPT:
      return Fail(ErrorCode::kUnavailable, text);
    case SQLITE_NOTADB:
      return Fail(ErrorCode::kFailedPrecondition, text);
    default:
      return Fail(ErrorCode::kInternal, text);
  }
}

Unexpected SqliteConnection::LastError(int rc) const {
  return SqliteError(rc, sqlite3_errmsg(db_));
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const SqliteSettings& settings) {
  std::string_view sync_pragma;
  if (settings.synchronous == "full") {
    sync_pragma = "PRAGMA synchronous = FULL";
  } else if (settings.synchronous == "normal") {
    sync_pragma = "PRAGMA synchronous = NORMAL";
  } else {
    return InvalidArgument(
        "sqlite_synchronous '" + settings.synchronous + "' must be 'full' or 'normal'",
        "sqlite_synchronous");
  }
  if (settings.busy_timeout_ms < 0) {
    return InvalidArgument(
        "busy timeout " + std::to_string(settings.busy_timeout_ms) + " ms must not be negative",
        "busy_timeout_ms");
  }
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(settings.path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(ErrorCode::kUnavailable,
                "cannot open database file '" + settings.path + "': " + message);
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, settings.busy_timeout_ms);

  auto fail = [&](const Error& e) {
    return Fail(e.code(), "setting up database file '" + settings.path + "': " + e.message());
  };
  // journal_mode answers with the mode in force; an in-memory database stays "memory".
  auto journal = conn->Prepare("PRAGMA journal_mode = WAL");
  if (!journal) return fail(journal.error());
  rc = sqlite3_step((*journal)->stmt);
  if (rc != SQLITE_ROW) {
    Unexpected e = conn->LastError(rc);
    sqlite3_reset((*journal)->stmt);
    return fail(e.error());
  }
  std::string mode(reinterpret_cast<const char*>(sqlite3_column_text((*journal)->stmt, 0)));
  sqlite3_reset((*journal)->stmt);
  if (mode != "wal" && mode != "memory") {
    return Fail(ErrorCode::kUnavailable,
                "database file '" + settings.path + "' cannot use WAL (mode '" + mode + "')");
  }
  for (std::string_view pragma : {std::string_view("PRAGMA foreign_keys = ON"), sync_pragma}) {
    if (Status s = conn->Run(pragma); !s) return fail(s.error());
  }
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, prepared] : cache_) sqlite3_finalize(prepared.stmt);
  sqlite3_close(db_);
}

Result<SqliteConnection::Prepared*> SqliteConnection::Prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return &it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return LastError(rc);
  Prepared prepared{stmt, {}};
  // Parameters are written $1, $2, ...; SQLite numbers distinct names by first appearance,
  // so map each slot back to the number in its name.
  const int slots = sqlite3_bind_parameter_count(stmt);
  for (int slot = 1; slot <= slots; ++slot) {
    const char* name = sqlite3_bind_parameter_name(stmt, slot);
    int number = 0;
    std::string_view n = name != nullptr ? std::string_view(name) : std::string_view();
    if (n.size() < 2 || n[0] != '$' ||
        std::from_chars(n.data() + 1, n.data() + n.size(), number).ec != std::errc() ||
        number < 1) {
      sqlite3_finalize(stmt);
      return Internal("statement parameters must be written $1, $2, ...: " + std::string(sql));
    }
    prepared.param_of_slot.push_back(number - 1);
  }
  auto [it, inserted] = cache_.emplace(std::string(sql), std::move(prepared));
  return &it->second;
}

Status SqliteConnection::Run(std::string_view sql) {
  auto prepared = Prepare(sql);
  if (!prepared) return Unexpected(prepared.error());
  sqlite3_stmt* stmt = (*prepared)->stmt;
  int rc = sqlite3_step(stmt);
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
  Status result = rc == SQLITE_DONE ? Ok() : Status(LastError(rc));
  sqlite3_reset(stmt);
  return result;
}

Status SqliteConnection::ExecScript(std::string_view script) {
  std::string text(script);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Ok();
  std::string why = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return SqliteError(sqlite3_extended_errcode(db_), why);
}

bool SqliteConnection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace synlig::storage::sqlite
