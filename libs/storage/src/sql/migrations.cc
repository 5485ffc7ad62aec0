// The migration list and the migrator. Scripts are embedded at build time (synlig_embed).
#include "sql/migrations.h"

#include <array>
#include <optional>
#include <string>

namespace synlig::storage::internal {
std::optional<std::string_view> EmbeddedFile(std::string_view name);
}  // namespace synlig::storage::internal

namespace synlig::storage::sql {
namespace {

std::string_view Script(std::string_view path) {
  auto text = internal::EmbeddedFile(path);
  return text ? *text : std::string_view();
}

constexpr std::string_view kBookkeeping =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

Result<bool> BookkeepingExists(Tx& tx, Dialect dialect) {
  std::string_view sql =
      dialect == Dialect::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
          : "SELECT COUNT(*) FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_name = $1";
  auto count = QueryInt(tx, sql, {std::string_view("schema_migrations")});
  if (!count) return Unexpected(count.error());
  return count->value_or(0) > 0;
}

Result<int> ReadVersion(Tx& tx, Dialect dialect) {
  auto exists = BookkeepingExists(tx, dialect);
  if (!exists) return Unexpected(exists.error());
  if (!*exists) return 0;
  auto version = QueryInt(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!version) return Unexpected(version.error());
  return static_cast<int>(version->value_or(0));
}

Status CheckNotNewer(int version) {
  if (version <= LatestSchemaVersion()) return Ok();
  return FailedPrecondition("the database has schema version " + std::to_string(version) +
                            " but this program knows versions up to " +
                            std::to_string(LatestSchemaVersion()) +
                            "; upgrade Synlig before opening it");
}

}  // namespace

std::span<const Migration> Migrations() {
  static const std::array<Migration, 8> kMigrations = {{
      {1, "initial", Script("libs/storage/src/migrations/0001_initial.sqlite.sql"),
       Script("libs/storage/src/migrations/0001_initial.postgres.sql")},
      {2, "official_statistics",
       Script("libs/storage/src/migrations/0002_official_statistics.sqlite.sql"),
       Script("libs/storage/src/migrations/0002_official_statistics.postgres.sql")},
      {3, "followup", Script("libs/storage/src/migrations/0003_followup.sqlite.sql"),
       Script("libs/storage/src/migrations/0003_followup.postgres.sql")},
      {4, "training", Script("libs/storage/src/migrations/0004_training.sqlite.sql"),
       Script("libs/storage/src/migrations/0004_training.postgres.sql")},
      {5, "report_workflow", Script("libs/storage/src/migrations/0005_report_workflow.sqlite.sql"),
       Script("libs/storage/src/migrations/0005_report_workflow.postgres.sql")},
      {6, "ad_imports", Script("libs/storage/src/migrations/0006_ad_imports.sqlite.sql"),
       Script("libs/storage/src/migrations/0006_ad_imports.postgres.sql")},
      {7, "ad_import_files", Script("libs/storage/src/migrations/0007_ad_import_files.sqlite.sql"),
       Script("libs/storage/src/migrations/0007_ad_import_files.postgres.sql")},
      {8, "ad_report_imports",
       Script("libs/storage/src/migrations/0008_ad_report_imports.sqlite.sql"),
       Script("libs/storage/src/migrations/0008_ad_report_imports.postgres.sql")},
  }};
  return kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> SchemaVersion(Store& store) {
  int version = 0;
  Status status = store.Read([&](Tx& tx) -> Status {
    auto v = ReadVersion(tx, store.dialect());
    if (!v) return Unexpected(v.error());
    version = *v;
    return Ok();
  });
  if (!status) return Unexpected(WithContext(status.error(), "reading the schema version"));
  if (Status newer = CheckNotNewer(version); !newer) return Unexpected(newer.error());
  return version;
}

Result<int> Migrate(Store& store, std::int64_t now) {
  const Dialect dialect = store.dialect();
  // Several processes may start at once: PostgreSQL serialises them on an advisory lock held
  // to the end of each transaction; SQLite's write transactions are exclusive anyway.
  auto lock = [dialect](Tx& tx) -> Status {
    if (dialect != Dialect::kPostgres) return Ok();
    auto r = Exec(tx, "SELECT pg_advisory_xact_lock(7352291604)");
    if (!r) return Unexpected(r.error());
    return Ok();
  };
  Status boot = store.Write([&](Tx& tx) -> Status {
    if (Status s = lock(tx); !s) return s;
    return tx.ExecScript(kBookkeeping);
  });
  if (!boot) return Unexpected(WithContext(boot.error(), "creating schema_migrations"));

  int version = 0;
  for (const Migration& m : Migrations()) {
    std::string_view script = dialect == Dialect::kSqlite ? m.sqlite_script : m.postgres_script;
    Status applied = store.Write([&](Tx& tx) -> Status {
      if (Status s = lock(tx); !s) return s;
      auto current = ReadVersion(tx, dialect);
      if (!current) return Unexpected(current.error());
      version = *current;
      if (Status newer = CheckNotNewer(version); !newer) return newer;
      if (version >= m.version) return Ok();
      if (script.empty()) return Internal("migration script is missing from the build");
      if (Status s = tx.ExecScript(script); !s) return s;
      auto row = Exec(tx,
                      "INSERT INTO schema_migrations (version, name, applied_at)"
                      " VALUES ($1, $2, $3)",
                      {std::int64_t{m.version}, m.name, now});
      if (!row) return Unexpected(row.error());
      version = m.version;
      return Ok();
    });
    if (!applied) {
      if (applied.error().code() == ErrorCode::kFailedPrecondition) {
        return Unexpected(applied.error());
      }
      return Unexpected(WithContext(
          applied.error(),
          "applying migration " + std::to_string(m.version) + " (" + std::string(m.name) + ")"));
    }
  }
  return version;
}

}  // namespace synlig::storage::sql
