// storage::Open: picks the backend from the URL and returns a migrated database.
#include <string>

#include "sql/sql_database.h"
#include "sqlite/sqlite_driver.h"
#include "synlig/storage/database.h"
#ifdef SYNLIG_HAVE_POSTGRES
#include "postgres/postgres_driver.h"
#endif

namespace synlig::storage {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

Result<std::unique_ptr<Database>> Finish(std::unique_ptr<sql::Driver> driver,
                                         const OpenOptions& options) {
  auto db = std::make_unique<sql::SqlDatabase>(std::move(driver));
  if (Status s = db->Initialise(options.migrate); !s) return Unexpected(s.error());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace

Result<std::unique_ptr<Database>> Open(std::string_view url, const OpenOptions& options) {
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
#ifdef SYNLIG_HAVE_POSTGRES
    auto driver = postgres::PostgresDriver::Open(std::string(url), options.busy_timeout_ms);
    if (!driver) return Unexpected(driver.error());
    return Finish(*std::move(driver), options);
#else
    return InvalidArgument("this build of Synlig has no PostgreSQL support", "database_url");
#endif
  }
  std::string_view path = url;
  if (StartsWith(path, "sqlite://")) {
    path.remove_prefix(9);
  } else if (StartsWith(path, "sqlite:")) {
    path.remove_prefix(7);
  }
  if (path.empty()) return InvalidArgument("the database URL names no file", "database_url");
  sqlite::SqliteSettings settings{std::string(path), options.busy_timeout_ms,
                                  options.sqlite_synchronous, options.sqlite_max_write_batch};
  auto driver = sqlite::SqliteDriver::Open(settings);
  if (!driver) return Unexpected(driver.error());
  return Finish(*std::move(driver), options);
}

}  // namespace synlig::storage
