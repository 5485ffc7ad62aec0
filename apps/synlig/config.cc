// Configuration parsing (TOML via toml++), environment overrides and flag precedence.
#include "config.h"

#include <toml++/toml.h>

#include <array>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <variant>

namespace synlig::app {
namespace {

using Value = std::variant<std::int64_t, bool, std::string>;

enum class Kind { kString, kInt, kBool };

// One configurable setting: where it lives in the file, its environment variable, its type
// and range, and how it is stored.
struct Field {
  std::string_view section;
  std::string_view key;
  std::string_view env;
  Kind kind;
  std::int64_t min = 0;
  std::int64_t max = 0;
  bool non_empty = false;
  void (*set)(Config&, const Value&);
};

std::int64_t AsInt(const Value& v) { return std::get<std::int64_t>(v); }
const std::string& AsString(const Value& v) { return std::get<std::string>(v); }

constexpr std::int64_t kDay = 24 * 3600;

const std::array<Field, 21>& Fields() {
  static const std::array<Field, 21> kFields = {{
      {"server", "bind", "SYNLIG_BIND", Kind::kString, 0, 0, true,
       [](Config& c, const Value& v) { c.server.bind = AsString(v); }},
      {"server", "port", "SYNLIG_PORT", Kind::kInt, 0, 65535, false,
       [](Config& c, const Value& v) { c.server.port = static_cast<int>(AsInt(v)); }},
      {"server", "threads", "SYNLIG_THREADS", Kind::kInt, 1, 1024, false,
       [](Config& c, const Value& v) { c.server.threads = static_cast<int>(AsInt(v)); }},
      {"server", "max_body_bytes", "SYNLIG_MAX_BODY_BYTES", Kind::kInt, 1024,
       std::int64_t{1} << 30, false,
       [](Config& c, const Value& v) {
         c.server.max_body_bytes = static_cast<std::size_t>(AsInt(v));
       }},
      {"server", "max_upload_bytes", "SYNLIG_MAX_UPLOAD_BYTES", Kind::kInt, 1024,
       std::int64_t{1} << 30, false,
       [](Config& c, const Value& v) {
         c.server.max_upload_bytes = static_cast<std::size_t>(AsInt(v));
       }},
      {"server", "secure_cookies", "SYNLIG_SECURE_COOKIES", Kind::kBool, 0, 0, false,
       [](Config& c, const Value& v) { c.server.secure_cookies = std::get<bool>(v); }},
      {"server", "session_ttl_seconds", "SYNLIG_SESSION_TTL_SECONDS", Kind::kInt, 60, 30 * kDay,
       false, [](Config& c, const Value& v) { c.server.session_ttl_seconds = AsInt(v); }},
      {"disclosure", "min_cell_k", "SYNLIG_MIN_CELL_K", Kind::kInt, 2, 50, false,
       [](Config& c, const Value& v) {
         c.disclosure.min_cell_k = static_cast<int>(AsInt(v));
       }},
      {"security", "lockout_threshold", "SYNLIG_LOCKOUT_THRESHOLD", Kind::kInt, 1, 100, false,
       [](Config& c, const Value& v) {
         c.security.lockout_threshold = static_cast<int>(AsInt(v));
       }},
      {"security", "lockout_seconds", "SYNLIG_LOCKOUT_SECONDS", Kind::kInt, 1, kDay, false,
       [](Config& c, const Value& v) { c.security.lockout_seconds = AsInt(v); }},
      {"security", "key_file", "SYNLIG_KEY_FILE", Kind::kString, 0, 0, true,
       [](Config& c, const Value& v) { c.security.key_file = AsString(v); }},
      {"database", "url", "SYNLIG_DB", Kind::kString, 0, 0, true,
       [](Config& c, const Value& v) { c.database.url = AsString(v); }},
      {"database", "sqlite_synchronous", "SYNLIG_SQLITE_SYNCHRONOUS", Kind::kString, 0, 0, true,
       [](Config& c, const Value& v) { c.database.sqlite_synchronous = AsString(v); }},
      {"smtp", "host", "SYNLIG_SMTP_HOST", Kind::kString, 0, 0, false,
       [](Config& c, const Value& v) { c.smtp.host = AsString(v); }},
      {"smtp", "port", "SYNLIG_SMTP_PORT", Kind::kInt, 1, 65535, false,
       [](Config& c, const Value& v) { c.smtp.port = static_cast<int>(AsInt(v)); }},
      {"smtp", "security", "SYNLIG_SMTP_SECURITY", Kind::kString, 0, 0, true,
       [](Config& c, const Value& v) { c.smtp.security = AsString(v); }},
      {"smtp", "username", "SYNLIG_SMTP_USERNAME", Kind::kString, 0, 0, false,
       [](Config& c, const Value& v) { c.smtp.username = AsString(v); }},
      {"smtp", "password", "SYNLIG_SMTP_PASSWORD", Kind::kString, 0, 0, false,
       [](Config& c, const Value& v) { c.smtp.password = AsString(v); }},
      {"smtp", "from", "SYNLIG_SMTP_FROM", Kind::kString, 0, 0, false,
       [](Config& c, const Value& v) { c.smtp.from = AsString(v); }},
      {"smtp", "from_name", "SYNLIG_SMTP_FROM_NAME", Kind::kString, 0, 0, false,
       [](Config& c, const Value& v) { c.smtp.from_name = AsString(v); }},
      {"smtp", "timeout_seconds", "SYNLIG_SMTP_TIMEOUT_SECONDS", Kind::kInt, 1, 600, false,
       [](Config& c, const Value& v) { c.smtp.timeout_seconds = static_cast<int>(AsInt(v)); }},
  }};
  return kFields;
}

std::string Dotted(const Field& f) { return std::string(f.section) + "." + std::string(f.key); }

// Range and enumeration checks shared by the file, the environment and the flags. `where`
// names the source ("server.port in synlig.toml", "SYNLIG_PORT").
Status Check(const Field& f, const Value& v, const std::string& where) {
  if (f.kind == Kind::kInt) {
    std::int64_t n = AsInt(v);
    if (n < f.min || n > f.max) {
      return InvalidArgument(where + " must be between " + std::to_string(f.min) + " and " +
                                 std::to_string(f.max) + ", not " + std::to_string(n),
                             Dotted(f));
    }
  } else if (f.kind == Kind::kString) {
    const std::string& s = AsString(v);
    if (f.non_empty && s.empty()) return InvalidArgument(where + " must not be empty", Dotted(f));
    if (f.section == "smtp" && f.key == "security" && s != "none" && s != "starttls_optional" &&
        s != "starttls" && s != "tls") {
      return InvalidArgument(where + " must be \"none\", \"starttls_optional\", \"starttls\" or "
                                     "\"tls\", not \"" + s + "\"",
                             Dotted(f));
    }
    if (f.key == "sqlite_synchronous" && s != "full" && s != "normal") {
      return InvalidArgument(where + " must be \"full\" or \"normal\", not \"" + s + "\"",
                             Dotted(f));
    }
  }
  return Ok();
}

const Field* FindField(std::string_view section, std::string_view key) {
  for (const Field& f : Fields()) {
    if (f.section == section && f.key == key) return &f;
  }
  return nullptr;
}

bool KnownSection(std::string_view section) {
  return section == "server" || section == "security" || section == "database" ||
         section == "smtp" || section == "disclosure";
}

std::string_view TypeName(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return "a string";
    case Kind::kInt:
      return "an integer";
    case Kind::kBool:
      return "true or false";
  }
  return "?";
}

Result<Value> FromNode(const Field& f, const toml::node& node, const std::string& where) {
  switch (f.kind) {
    case Kind::kString:
      if (auto s = node.value_exact<std::string>()) return Value(*s);
      break;
    case Kind::kInt:
      if (auto n = node.value_exact<std::int64_t>()) return Value(*n);
      break;
    case Kind::kBool:
      if (auto b = node.value_exact<bool>()) return Value(*b);
      break;
  }
  return InvalidArgument(where + " must be " + std::string(TypeName(f.kind)), Dotted(f));
}

Result<Value> FromText(const Field& f, const std::string& text, const std::string& where) {
  switch (f.kind) {
    case Kind::kString:
      return Value(text);
    case Kind::kInt: {
      std::int64_t n = 0;
      const char* end = text.data() + text.size();
      auto [ptr, ec] = std::from_chars(text.data(), end, n);
      if (text.empty() || ec != std::errc() || ptr != end) {
        return InvalidArgument(where + " must be an integer, not \"" + text + "\"", Dotted(f));
      }
      return Value(n);
    }
    case Kind::kBool:
      if (text == "true" || text == "1") return Value(true);
      if (text == "false" || text == "0") return Value(false);
      return InvalidArgument(where + " must be true, false, 1 or 0, not \"" + text + "\"",
                             Dotted(f));
  }
  return Internal("unknown setting kind");
}

Status Apply(Config& config, const Field& f, Result<Value> value, const std::string& where) {
  if (!value) return Unexpected(value.error());
  if (auto ok = Check(f, *value, where); !ok) return ok;
  f.set(config, *value);
  return Ok();
}

#if TOML_EXCEPTIONS
Result<toml::table> ParseToml(std::string_view text, std::string_view source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(std::string(source_name) + ":" +
                           std::to_string(e.source().begin.line) + ":" +
                           std::to_string(e.source().begin.column) + ": " +
                           std::string(e.description()));
  }
}
#else
Result<toml::table> ParseToml(std::string_view text, std::string_view source_name) {
  toml::parse_result r = toml::parse(text, source_name);
  if (!r) {
    const toml::parse_error& e = r.error();
    return InvalidArgument(std::string(source_name) + ":" +
                           std::to_string(e.source().begin.line) + ":" +
                           std::to_string(e.source().begin.column) + ": " +
                           std::string(e.description()));
  }
  return std::move(r).table();
}
#endif

}  // namespace

Result<Config> ParseConfig(std::string_view text, std::string_view source_name) {
  auto table = ParseToml(text, source_name);
  if (!table) return Unexpected(table.error());
  const std::string in = " in " + std::string(source_name);
  Config config;
  for (const auto& [section_key, section_node] : *table) {
    std::string_view section = section_key.str();
    if (!KnownSection(section) && !section_node.is_table()) {
      return InvalidArgument("unknown key " + std::string(section) + in +
                                 " (settings belong in [server], [security], [database] or [smtp])",
                             std::string(section));
    }
    if (!KnownSection(section)) {
      return InvalidArgument("unknown section [" + std::string(section) + "]" + in +
                                 " (known: [server], [security], [database], [smtp], [disclosure])",
                             std::string(section));
    }
    const toml::table* section_table = section_node.as_table();
    if (section_table == nullptr) {
      return InvalidArgument(std::string(section) + in + " must be a table ([" +
                                 std::string(section) + "])",
                             std::string(section));
    }
    for (const auto& [key, node] : *section_table) {
      std::string dotted = std::string(section) + "." + std::string(key.str());
      const Field* f = FindField(section, key.str());
      if (f == nullptr) {
        return InvalidArgument("unknown key " + dotted + in, dotted);
      }
      if (auto ok = Apply(config, *f, FromNode(*f, node, dotted + in), dotted + in); !ok) {
        return Unexpected(ok.error());
      }
    }
  }
  return config;
}

Result<Config> LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read configuration file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return NotFound("cannot read configuration file " + path);
  return ParseConfig(text.str(), path);
}

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

Status ApplyEnvironment(Config& config, const EnvLookup& env) {
  for (const Field& f : Fields()) {
    std::optional<std::string> text = env(f.env);
    if (!text) continue;
    std::string where = "environment variable " + std::string(f.env);
    if (auto ok = Apply(config, f, FromText(f, *text, where), where); !ok) return ok;
  }
  return Ok();
}

Result<Config> ResolveConfig(const ConfigOverrides& flags, const EnvLookup& env) {
  Config config;
  std::optional<std::string> file = flags.config_file;
  if (!file) file = env("SYNLIG_CONFIG");
  if (file) {
    auto loaded = LoadConfigFile(*file);
    if (!loaded) return Unexpected(loaded.error());
    config = std::move(*loaded);
  }
  if (auto ok = ApplyEnvironment(config, env); !ok) return Unexpected(ok.error());
  auto flag = [&](std::string_view section, std::string_view key, Value v,
                  const std::string& name) -> Status {
    return Apply(config, *FindField(section, key), std::move(v), "flag " + name);
  };
  if (flags.db) {
    if (auto ok = flag("database", "url", *flags.db, "--db"); !ok) return Unexpected(ok.error());
  }
  if (flags.bind) {
    if (auto ok = flag("server", "bind", *flags.bind, "--bind"); !ok) {
      return Unexpected(ok.error());
    }
  }
  if (flags.port) {
    if (auto ok = flag("server", "port", std::int64_t{*flags.port}, "--port"); !ok) {
      return Unexpected(ok.error());
    }
  }
  if (flags.key_file) {
    if (auto ok = flag("security", "key_file", *flags.key_file, "--key-file"); !ok) {
      return Unexpected(ok.error());
    }
  }
  return config;
}

std::optional<std::string> SqlitePath(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return std::nullopt;
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  return std::string(url);
}

Result<std::string> KeyFilePath(const Config& config) {
  if (!config.security.key_file.empty()) return config.security.key_file;
  std::optional<std::string> path = SqlitePath(config.database.url);
  if (!path || path->empty()) {
    return InvalidArgument(
        "no key file: set [security] key_file (or SYNLIG_KEY_FILE) when the database is not a "
        "SQLite file",
        "security.key_file");
  }
  return *path + ".keys";
}

}  // namespace synlig::app
