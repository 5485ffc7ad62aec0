// Shared CLI helpers: error lines, configuration from flags, opening the store and keys.
#include "cli_common.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace synlig::app {

int UsageError(CliContext& ctx, std::string_view command, const Error& error) {
  ctx.err << "synlig " << command << ": " << error.message() << " (see 'synlig " << command
          << " --help')\n";
  return kExitUsage;
}

int RuntimeError(CliContext& ctx, std::string_view command, const Error& error) {
  ctx.err << "synlig " << command << ": error: " << error.message() << "\n";
  return kExitRuntime;
}

Result<Config> ConfigFromArgs(const ParsedArgs& args, const CliContext& ctx) {
  ConfigOverrides flags;
  flags.config_file = args.Value("config");
  flags.db = args.Value("db");
  flags.key_file = args.Value("key-file");
  flags.bind = args.Value("bind");
  if (auto port = args.Value("port")) {
    auto n = ParseIntFlag("port", *port, 0, 65535);
    if (!n) return Unexpected(n.error());
    flags.port = static_cast<int>(*n);
  }
  auto config = ResolveConfig(flags, ctx.env);
  if (!config) return config;
  if (config->database.url.empty()) {
    return InvalidArgument("missing --db (or [database] url in the configuration, or SYNLIG_DB)",
                           "db");
  }
  return config;
}

Result<std::unique_ptr<storage::Database>> OpenDatabase(const Config& config, bool migrate,
                                                        bool create) {
  if (auto path = SqlitePath(config.database.url); path && !create) {
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) {
      return NotFound("database " + *path + " does not exist (create it with 'synlig init')");
    }
  }
  storage::OpenOptions options;
  options.migrate = migrate;
  options.sqlite_synchronous = config.database.sqlite_synchronous;
  return storage::Open(config.database.url, options);
}

Result<std::unique_ptr<FileKeyStore>> OpenKeyStore(const Config& config, Random& random,
                                                   bool create_if_missing) {
  auto path = KeyFilePath(config);
  if (!path) return Unexpected(path.error());
  return FileKeyStore::Open(*path, random, create_if_missing);
}

Status CheckKeysBelongToDatabase(const FileKeyStore& keys, storage::Database& db) {
  std::vector<std::int64_t> ids = keys.RoundIds();
  if (ids.empty()) return Ok();
  auto rounds = db.rounds().List();
  if (!rounds) return Unexpected(rounds.error());
  if (!rounds->empty()) return Ok();
  return FailedPrecondition("key file " + keys.path() + " holds keys of " +
                            std::to_string(ids.size()) +
                            " round(s) but the database has no rounds: it belongs to another "
                            "database. Move it away (or name another with --key-file)");
}

std::string GeneratePassword(Random& random) { return NewToken(random, 15); }

void PrintTable(std::ostream& out, std::span<const std::vector<std::string>> rows) {
  if (rows.empty()) return;
  std::vector<std::size_t> widths;
  // Widths in code points, so åäö line up.
  auto length = [](const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  };
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], length(row[i]));
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - length(row[i]) + 2, ' ');
    }
    out << line << "\n";
  };
  print_row(rows[0]);
  std::size_t total = 0;
  for (std::size_t i = 0; i < widths.size(); ++i) total += widths[i] + (i + 1 < widths.size() ? 2 : 0);
  out << std::string(total, '-') << "\n";
  for (std::size_t i = 1; i < rows.size(); ++i) print_row(rows[i]);
}

}  // namespace synlig::app
