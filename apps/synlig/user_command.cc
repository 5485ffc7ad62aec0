// `synlig user ...`: add, list, disable, enable and reset-password, through the same account
// operations as the admin pages (validation and audit log in one place).
#include <istream>
#include <ostream>

#include "cli.h"
#include "synlig/web/accounts.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig user <action> --db PATH [options]

Actions:
  add             --username U --role R [--unit-id N] [--display-name S] [--email E]
                  [--password-stdin]   creates a user; prints a generated password once,
                                       or reads the password from the first line of stdin
  list            lists the users
  disable         --username U         disables a user and ends their sessions
  enable          --username U         enables a user again
  reset-password  --username U [--password-stdin]
                                       sets a new password (printed once unless read from
                                       stdin), clears the lock-out, ends their sessions

Roles: admin, analyst, coordinator (needs --unit-id), training_coordinator,
prevention_coordinator, clinic_staff, reader.

Common options:
  --db PATH        database: a SQLite file path, sqlite:PATH or postgresql://...
  --config FILE    TOML configuration file (or SYNLIG_CONFIG)
)HELP";

const web::Actor kCli{std::nullopt, "cli", ""};

Result<std::string> ReadPasswordLine(std::istream& in) {
  std::string line;
  if (!std::getline(in, line) && line.empty()) {
    return InvalidArgument("--password-stdin: no password on standard input", "password");
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

// Runs `body` with the opened database, turning configuration errors into exit codes.
template <typename Body>
int WithDatabase(CliContext& ctx, const std::string& command, const ParsedArgs& args,
                 Body body) {
  auto config = ConfigFromArgs(args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, command, config.error());
    return RuntimeError(ctx, command, config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/true, /*create=*/false);
  if (!db) return RuntimeError(ctx, command, db.error());
  return body(**db);
}

int Add(const ParsedArgs& args, CliContext& ctx) {
  const std::string command = "user add";
  auto username = RequiredFlag(args, "username");
  if (!username) return UsageError(ctx, command, username.error());
  if (auto ok = web::ValidateUsername(*username); !ok) {
    return UsageError(ctx, command, ok.error());
  }
  auto role_text = RequiredFlag(args, "role");
  if (!role_text) return UsageError(ctx, command, role_text.error());
  auto role = ParseRole(*role_text);
  if (!role) {
    return UsageError(ctx, command,
                      Error(ErrorCode::kInvalidArgument, "unknown role '" + *role_text + "'",
                            "role"));
  }
  web::NewUser user;
  user.username = *username;
  user.role = *role;
  user.display_name = args.Value("display-name").value_or(*username);
  user.email = args.Value("email").value_or("");
  if (auto unit = args.Value("unit-id")) {
    auto n = ParseIntFlag("unit-id", *unit, 1, INT64_MAX);
    if (!n) return UsageError(ctx, command, n.error());
    user.unit_id = *n;
  }
  bool from_stdin = args.Has("password-stdin");
  if (from_stdin) {
    auto pw = ReadPasswordLine(ctx.in);
    if (!pw) return RuntimeError(ctx, command, pw.error());
    user.password = *pw;
  } else {
    user.password = GeneratePassword(ctx.random);
  }
  return WithDatabase(ctx, command, args, [&](storage::Database& db) {
    auto id = web::CreateUser(db, ctx.clock, user, ctx.password_cost, kCli);
    if (!id) return RuntimeError(ctx, command, id.error());
    ctx.out << "Created user " << user.username << " (id " << *id << ", role "
            << RoleCode(user.role) << ")\n";
    if (!from_stdin) ctx.out << "Password (shown once): " << user.password << "\n";
    return kExitOk;
  });
}

int List(const ParsedArgs& args, CliContext& ctx) {
  return WithDatabase(ctx, "user list", args, [&](storage::Database& db) {
    auto users = db.users().List();
    if (!users) return RuntimeError(ctx, "user list", users.error());
    std::vector<std::vector<std::string>> rows = {
        {"id", "username", "role", "unit", "status", "display name"}};
    for (const auto& u : *users) {
      rows.push_back({std::to_string(u.id), u.username, std::string(RoleCode(u.role)),
                      u.unit_id ? std::to_string(*u.unit_id) : "-",
                      u.disabled ? "disabled" : "active", u.display_name});
    }
    PrintTable(ctx.out, rows);
    return kExitOk;
  });
}

int Disable(const ParsedArgs& args, CliContext& ctx, bool disabled) {
  const std::string command = disabled ? "user disable" : "user enable";
  auto username = RequiredFlag(args, "username");
  if (!username) return UsageError(ctx, command, username.error());
  return WithDatabase(ctx, command, args, [&](storage::Database& db) {
    auto user = db.users().FindByUsername(*username);
    if (!user) return RuntimeError(ctx, command, user.error());
    if (auto ok = web::SetDisabled(db, ctx.clock, user->id, disabled, kCli); !ok) {
      return RuntimeError(ctx, command, ok.error());
    }
    ctx.out << (disabled ? "Disabled user " : "Enabled user ") << *username << "\n";
    return kExitOk;
  });
}

int ResetPassword(const ParsedArgs& args, CliContext& ctx) {
  const std::string command = "user reset-password";
  auto username = RequiredFlag(args, "username");
  if (!username) return UsageError(ctx, command, username.error());
  bool from_stdin = args.Has("password-stdin");
  std::string password;
  if (from_stdin) {
    auto pw = ReadPasswordLine(ctx.in);
    if (!pw) return RuntimeError(ctx, command, pw.error());
    password = *pw;
  } else {
    password = GeneratePassword(ctx.random);
  }
  return WithDatabase(ctx, command, args, [&](storage::Database& db) {
    auto user = db.users().FindByUsername(*username);
    if (!user) return RuntimeError(ctx, command, user.error());
    if (auto ok = web::ResetPassword(db, ctx.clock, user->id, password, ctx.password_cost, kCli);
        !ok) {
      return RuntimeError(ctx, command, ok.error());
    }
    ctx.out << "Reset the password of " << *username << "\n";
    if (!from_stdin) ctx.out << "Password (shown once): " << password << "\n";
    return kExitOk;
  });
}

}  // namespace

int RunUser(std::span<const std::string> raw, CliContext& ctx) {
  if (raw.empty() || raw[0] == "--help" || raw[0] == "-h") {
    if (raw.empty()) {
      ctx.err << "synlig user: missing action (see 'synlig user --help')\n";
      return kExitUsage;
    }
    ctx.out << kHelp;
    return kExitOk;
  }
  const std::string& action = raw[0];
  std::vector<FlagSpec> flags(std::begin(kDbFlags), std::end(kDbFlags));
  if (action == "add") {
    flags.insert(flags.end(), {{"username", true},
                               {"role", true},
                               {"unit-id", true},
                               {"display-name", true},
                               {"email", true},
                               {"password-stdin", false}});
  } else if (action == "disable" || action == "enable") {
    flags.push_back({"username", true});
  } else if (action == "reset-password") {
    flags.insert(flags.end(), {{"username", true}, {"password-stdin", false}});
  } else if (action != "list") {
    ctx.err << "synlig user: unknown action '" << action << "' (see 'synlig user --help')\n";
    return kExitUsage;
  }
  const std::string command = "user " + action;
  auto args = ParseArgs(raw.subspan(1), flags);
  if (!args) return UsageError(ctx, command, args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  if (action == "add") return Add(*args, ctx);
  if (action == "list") return List(*args, ctx);
  if (action == "disable") return Disable(*args, ctx, true);
  if (action == "enable") return Disable(*args, ctx, false);
  return ResetPassword(*args, ctx);
}

}  // namespace synlig::app
