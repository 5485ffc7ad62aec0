// The versioned schema migrations compiled into the library, one SQL script per dialect per
// version (src/migrations/NNNN_name.{sqlite,postgres}.sql), and the code that applies them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "sql/store.h"

namespace synlig::storage::sql {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sqlite_script;
  std::string_view postgres_script;
};

// Every migration, by ascending version (1, 2, ... without gaps).
std::span<const Migration> Migrations();
// The schema version this program writes and understands.
int LatestSchemaVersion();

// The version recorded in schema_migrations; 0 for an empty database. kFailedPrecondition when
// the database is newer than this program.
Result<int> SchemaVersion(Store& store);
// Applies every pending migration, each in its own transaction together with its row in
// schema_migrations; safe to run concurrently from several processes. Returns the version
// after. kFailedPrecondition when the database is newer than this program.
Result<int> Migrate(Store& store, std::int64_t now);

}  // namespace synlig::storage::sql
