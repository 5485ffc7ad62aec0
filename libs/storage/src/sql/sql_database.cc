// SqlDatabase: migrations at open and the small key/value settings table.
#include "sql/sql_database.h"

#include <chrono>
#include <string>

#include "sql/migrations.h"

namespace synlig::storage::sql {
namespace {
std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

SqlDatabase::SqlDatabase(std::unique_ptr<Driver> driver)
    : store_(std::move(driver)),
      users_(store_),
      sessions_(store_),
      units_(store_),
      rounds_(store_),
      responses_(store_),
      audit_(store_),
      training_(store_),
      prevention_(store_),
      clinics_(store_),
      statistics_(store_),
      reports_(store_),
      ad_imports_(store_) {}

Status SqlDatabase::Initialise(bool migrate) {
  if (migrate) {
    auto version = Migrate();
    if (!version) return Unexpected(version.error());
    return Ok();
  }
  auto version = SchemaVersion();
  if (!version) return Unexpected(version.error());
  return Ok();
}

Result<int> SqlDatabase::Migrate() { return sql::Migrate(store_, UnixNow()); }

Result<int> SqlDatabase::SchemaVersion() { return sql::SchemaVersion(store_); }

Result<std::string> SqlDatabase::GetSetting(std::string_view key) {
  std::optional<std::string> value;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, "SELECT value FROM settings WHERE key = $1", {key},
                 [&](const Row& row) -> Status {
                   value = std::string(row.Text(0));
                   return Ok();
                 });
  });
  if (!status) {
    return Annotate(status.error(), "reading setting '" + std::string(key) + "'");
  }
  if (!value) return NotFound("setting '" + std::string(key) + "' is not set");
  return *std::move(value);
}

Status SqlDatabase::SetSetting(std::string_view key, std::string_view value) {
  if (key.empty()) return InvalidArgument("a setting needs a non-empty key", "key");
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto r = Exec(tx,
                  "INSERT INTO settings (key, value) VALUES ($1, $2)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  {key, value});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) {
    return Annotate(status.error(), "saving setting '" + std::string(key) + "'");
  }
  return Ok();
}

}  // namespace synlig::storage::sql
