// What every subcommand shares: its context (streams, environment, clock, randomness), the
// exit codes, one-line usage and runtime error messages, and opening the store and key file.
#pragma once

#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "args.h"
#include "config.h"
#include "file_key_store.h"
#include "synlig/core/clock.h"
#include "synlig/core/crypto.h"
#include "synlig/core/random.h"
#include "synlig/storage/database.h"

namespace synlig::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntime = 1;
inline constexpr int kExitUsage = 2;

// Everything a subcommand reads or writes outside its arguments; tests pass fakes.
struct CliContext {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  EnvLookup env;
  const Clock& clock;
  Random& random;
  // Cost of password hashes for real accounts (the demo always uses the minimum cost).
  PasswordCost password_cost = InteractivePasswordCost();
};

// Prints "synlig <command>: <message> (see 'synlig <command> --help')" to err; returns 2.
int UsageError(CliContext& ctx, std::string_view command, const Error& error);
// Prints "synlig <command>: error: <message>" to err; returns 1.
int RuntimeError(CliContext& ctx, std::string_view command, const Error& error);

// Flags shared by the commands that open a database: --db, --config, --key-file.
inline constexpr FlagSpec kDbFlags[] = {{"db", true}, {"config", true}, {"key-file", true}};

// Resolves the configuration from the shared flags (plus --port/--bind when given) and the
// environment. kInvalidArgument (field "db") when no database is named anywhere.
Result<Config> ConfigFromArgs(const ParsedArgs& args, const CliContext& ctx);

// Opens the database named by config; applies migrations when `migrate`. A SQLite file is
// created when missing only if `create` is set; otherwise kNotFound names the path (so a
// mistyped --db does not silently make a new, empty database).
Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& config, bool migrate,
                                                        bool create = true);
// Opens (or, when create_if_missing, creates) the key file named by config.
Result<std::unique_ptr<FileKeyStore>> OpenKeyStore(const Config& config, Random& random,
                                                   bool create_if_missing);

// kFailedPrecondition when a key file holds round keys although the database has no rounds:
// the keys belong to another database, and reusing them would link new rounds to old hashes.
Status CheckKeysBelongToDatabase(const FileKeyStore& keys, storage::Database& db);

// A random password of 20 URL-safe characters, for printing once.
std::string GeneratePassword(Random& random);

// Left-aligned text table with a header row and a rule, as the CLI prints lists.
void PrintTable(std::ostream& out, std::span<const std::vector<std::string>> rows);

}  // namespace synlig::app
