// `synlig init`: creates the database and its key file and the first administrator, whose
// random password is printed once. Refuses when the database already has users.
#include <ostream>

#include "cli.h"
#include "synlig/web/accounts.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig init --db PATH [--admin-user NAME] [--config FILE] [--key-file FILE]

Creates the database (applying every migration), the key file if it is missing (mode 0600,
default <db path>.keys) and a first administrator with a random password that is printed
once. Refuses when the database already has users.

Options:
  --db PATH          database: a SQLite file path, sqlite:PATH or postgresql://...
  --admin-user NAME  username of the first administrator (default "admin")
  --config FILE      TOML configuration file (or SYNLIG_CONFIG)
  --key-file FILE    key file (default <db path>.keys)
)HELP";

constexpr FlagSpec kFlags[] = {
    {"db", true}, {"config", true}, {"key-file", true}, {"admin-user", true}};

}  // namespace

int RunInit(std::span<const std::string> raw, CliContext& ctx) {
  auto args = ParseArgs(raw, kFlags);
  if (!args) return UsageError(ctx, "init", args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  std::string admin = args->Value("admin-user").value_or("admin");
  if (auto ok = web::ValidateUsername(admin); !ok) return UsageError(ctx, "init", ok.error());
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, "init", config.error());
    return RuntimeError(ctx, "init", config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/true);
  if (!db) return RuntimeError(ctx, "init", db.error());
  auto users = (*db)->users().Count();
  if (!users) return RuntimeError(ctx, "init", users.error());
  if (*users > 0) {
    return RuntimeError(ctx, "init",
                        Error(ErrorCode::kFailedPrecondition,
                              "the database already has " + std::to_string(*users) +
                                  " user(s); init creates the first administrator only once "
                                  "(use 'synlig user add')"));
  }
  auto keys = OpenKeyStore(*config, ctx.random, /*create_if_missing=*/true);
  if (!keys) return RuntimeError(ctx, "init", keys.error());
  if (auto ok = CheckKeysBelongToDatabase(**keys, **db); !ok) {
    return RuntimeError(ctx, "init", ok.error());
  }
  auto version = (*db)->SchemaVersion();
  if (!version) return RuntimeError(ctx, "init", version.error());

  web::NewUser user;
  user.username = admin;
  user.display_name = "Administrator";
  user.role = Role::kAdmin;
  user.password = GeneratePassword(ctx.random);
  auto id = web::CreateUser(**db, ctx.clock, user, ctx.password_cost, {std::nullopt, "cli", ""});
  if (!id) return RuntimeError(ctx, "init", id.error());

  ctx.out << "Database ready: " << config->database.url << " (schema version " << *version
          << ")\n"
          << "Key file: " << (*keys)->path() << " (mode 0600; back it up separately)\n"
          << "First administrator: " << admin << "\n"
          << "Password (shown once, change it after the first login): " << user.password << "\n";
  return kExitOk;
}

}  // namespace synlig::app
