// The configuration of `synlig`: a TOML file, environment overrides (SYNLIG_*), then
// command-line flags, in that order of increasing precedence. The parser is pure (text in,
// Config out) so it can be unit-tested and fuzzed.
//   auto config = app::ResolveConfig(flags.config_file, app::ProcessEnvironment(), overrides);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::app {

struct ServerConfig {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  int threads = 16;
  std::size_t max_body_bytes = 256 * 1024;
  std::size_t max_upload_bytes = 64 * 1024 * 1024;  // multipart file uploads
  bool secure_cookies = false;
  std::int64_t session_ttl_seconds = 8 * 3600;
};

struct SecurityConfig {
  int lockout_threshold = 5;
  std::int64_t lockout_seconds = 15 * 60;
  std::string key_file;  // empty = "<database path>.keys"
};

// The municipality's minimum cell size k: counts 0 < n < k are never shown to readers on the
// follow-up pages (training, attitude work, MIKA/KAST), and it is the default k of a new round.
struct DisclosureConfig {
  int min_cell_k = 5;  // 2..50
};

struct DatabaseConfig {
  std::string url;                          // "sqlite:PATH", a plain PATH or "postgresql://..."
  std::string sqlite_synchronous = "full";  // "full" or "normal"
};

// Reminder e-mails (SMTP); no host = mail is not configured. See docs/training.md.
struct SmtpConfig {
  std::string host;
  int port = 587;
  std::string security = "starttls";  // "none", "starttls_optional", "starttls", "tls"
  std::string username;               // empty = no authentication
  std::string password;               // better in SYNLIG_SMTP_PASSWORD than in the file
  std::string from;                   // sender address; required when host is set
  std::string from_name = "Synlig";
  int timeout_seconds = 30;
};

struct Config {
  ServerConfig server;
  SecurityConfig security;
  DatabaseConfig database;
  SmtpConfig smtp;
  DisclosureConfig disclosure;
};

// Parses a configuration file's text. Every key is optional; absent keys keep the defaults.
// kInvalidArgument, with field = the dotted key ("server.port") where one is at fault, for:
// TOML syntax errors (message names source_name, line and column), unknown sections or keys
// (named), values of the wrong type, and values out of range (port outside 0–65535, threads
// outside 1–1024, max_body_bytes outside 1 KiB–1 GiB, session_ttl_seconds outside
// 60 s–30 days, lockout_threshold outside 1–100, lockout_seconds outside 1 s–1 day,
// sqlite_synchronous not "full"/"normal", empty bind).
Result<Config> ParseConfig(std::string_view text, std::string_view source_name);

// Reads and parses a file. kNotFound when it cannot be read; otherwise as ParseConfig.
Result<Config> LoadConfigFile(const std::string& path);

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup ProcessEnvironment();

// Applies SYNLIG_DB, SYNLIG_PORT, SYNLIG_BIND, SYNLIG_THREADS, SYNLIG_MAX_BODY_BYTES,
// SYNLIG_SECURE_COOKIES (true/false/1/0), SYNLIG_SESSION_TTL_SECONDS,
// SYNLIG_LOCKOUT_THRESHOLD, SYNLIG_LOCKOUT_SECONDS, SYNLIG_KEY_FILE and
// SYNLIG_SQLITE_SYNCHRONOUS, and SYNLIG_SMTP_HOST, _PORT, _SECURITY, _USERNAME, _PASSWORD,
// _FROM, _FROM_NAME, _TIMEOUT_SECONDS. kInvalidArgument naming the variable for a malformed or
// out-of-range value (same ranges as ParseConfig).
Status ApplyEnvironment(Config& config, const EnvLookup& env);

// Values given on the command line; set ones win over the file and the environment.
struct ConfigOverrides {
  std::optional<std::string> config_file;  // --config; else SYNLIG_CONFIG; else none
  std::optional<std::string> db;           // --db
  std::optional<std::string> bind;         // --bind
  std::optional<int> port;                 // --port
  std::optional<std::string> key_file;     // --key-file
};

// Defaults ← config file ← environment ← flags. Errors of LoadConfigFile/ApplyEnvironment,
// and kInvalidArgument for a flag value out of range (named).
Result<Config> ResolveConfig(const ConfigOverrides& flags, const EnvLookup& env);

// The file path of a SQLite database URL ("sqlite:PATH" or PATH); nullopt for postgresql://.
std::optional<std::string> SqlitePath(std::string_view url);

// Where the key file lives: security.key_file, else "<sqlite path>.keys". kInvalidArgument
// (field "security.key_file") when neither can be derived (PostgreSQL without key_file).
Result<std::string> KeyFilePath(const Config& config);

}  // namespace synlig::app
