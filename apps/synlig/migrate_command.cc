// `synlig migrate`: applies pending migrations and prints the schema version.
#include <ostream>

#include "cli.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig migrate --db PATH [--config FILE]

Applies pending database migrations and prints the schema version. Safe to run again.
Back up the database first (see docs/operations.md).

Options:
  --db PATH      database: a SQLite file path, sqlite:PATH or postgresql://...
  --config FILE  TOML configuration file (or SYNLIG_CONFIG)
)HELP";

constexpr FlagSpec kFlags[] = {{"db", true}, {"config", true}};

}  // namespace

int RunMigrate(std::span<const std::string> raw, CliContext& ctx) {
  auto args = ParseArgs(raw, kFlags);
  if (!args) return UsageError(ctx, "migrate", args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, "migrate", config.error());
    return RuntimeError(ctx, "migrate", config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/false, /*create=*/false);
  if (!db) return RuntimeError(ctx, "migrate", db.error());
  auto before = (*db)->SchemaVersion();
  auto after = (*db)->Migrate();
  if (!after) return RuntimeError(ctx, "migrate", after.error());
  if (before && *before != *after) {
    ctx.out << "migrated from schema version " << *before << " to " << *after << "\n";
  }
  ctx.out << "schema version " << *after << "\n";
  return kExitOk;
}

}  // namespace synlig::app
