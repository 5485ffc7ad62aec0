// `synlig demo`: fills a database with the synthetic demo municipality (units, one demo login
// per role, a closed round of last year with submitted answers, an open round of this year
// with links and drafts) and prints the demo logins. Recognises an existing demo.
#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>

#include "cli.h"
#include "demo_data.h"
#include "demo_report.h"
#include "demo_followup.h"
#include "demo_training.h"
#include "synlig/survey/questionnaire.h"
#include "synlig/web/accounts.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig demo --db PATH [--config FILE] [--key-file FILE] [--print-logins] [--seed N]

Fills the database with a synthetic demo municipality ("Linköping (demo)"): departments
and units of social services, schools, leisure, police, the region's clinics and NGOs; one
demo login per role; a closed mapping round for last year with a few hundred synthetic
answers; an open round for this year with respondent links and a few drafts. Every name of
a person-like record is invented and every answer is synthetic. The same seed gives the
same demo. Running it again changes nothing.

DEMO ONLY: the demo passwords are public ("demo-<role>-2026"). Never use a demo database for
real data.

Options:
  --db PATH        database: a SQLite file path, sqlite:PATH or postgresql://...
  --config FILE    TOML configuration file (or SYNLIG_CONFIG); when the file does not
                   exist, a demo configuration is written there for `synlig serve`
  --key-file FILE  key file (default <db path>.keys)
  --print-logins   print the demo logins (also when the demo already exists)
  --seed N         seed of the synthetic data (default 1)
)HELP";

constexpr FlagSpec kFlags[] = {{"db", true},           {"config", true}, {"key-file", true},
                               {"print-logins", false}, {"seed", true}};

constexpr std::int64_t kDay = 24 * 3600;
const web::Actor kDemoActor{std::nullopt, "demo", ""};

struct RoundSummary {
  std::string name;
  int submitted_units = 0;
  int drafts = 0;
  int entries = 0;
  int persons_low = 0;  // after matching: distinct hashes + entries that cannot be matched
};

std::int64_t UnixOf(const Date& date) {
  return std::chrono::sys_days(date).time_since_epoch() / std::chrono::seconds(1);
}

int YearOf(std::int64_t unix_seconds) {
  Date d{std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(unix_seconds)))};
  return static_cast<int>(d.year());
}

// Deterministic respondent-link tokens of the demo, so --print-logins can show them again.
std::vector<std::string> LinkTokens(std::uint64_t seed, std::uint64_t round_salt, std::size_t n) {
  SeededRandom random(seed * 1000003 + round_salt);
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < n; ++i) tokens.push_back(NewToken(random));
  return tokens;
}

Status CheckValid(const std::vector<survey::ValidationIssue>& issues, const std::string& unit) {
  if (issues.empty()) return Ok();
  return Internal("demo data for " + unit + " is invalid: " + issues.front().message_en);
}

struct DemoContext {
  storage::Database& db;
  KeyStore& keys;
  CliContext& cli;
  std::uint64_t seed;
  std::vector<storage::Id> unit_ids;
  storage::Id analyst_id = 0;
  storage::Id manager_id = 0;
};

// Creates one round with a link per unit and stores the reports; `close_at` 0 = stays open.
Result<RoundSummary> CreateRound(DemoContext& d, const std::string& name, int year,
                                 std::uint64_t salt, std::int64_t created_at,
                                 std::int64_t close_at,
                                 const std::vector<demo::UnitReport>& reports) {
  const survey::Questionnaire& q = survey::StandardQuestionnaire();
  auto period = MakePeriod(std::chrono::year(year) / 1 / 1, std::chrono::year(year) / 12 / 31);
  if (!period) return Unexpected(period.error());
  storage::Round round;
  round.name = name;
  round.period = *period;
  round.questionnaire_id = q.id;
  round.questionnaire_version = q.version;
  round.unit_ids = d.unit_ids;
  round.created_at = created_at;
  round.created_by = d.analyst_id;
  auto round_id = d.db.rounds().Create(round);
  if (!round_id) return Unexpected(round_id.error());
  auto key = d.keys.EnsureRoundKey(*round_id);
  if (!key) return Unexpected(key.error());
  const std::int64_t opened_at = created_at + kDay;
  if (auto ok = d.db.rounds().Transition(*round_id, storage::RoundState::kDraft,
                                         storage::RoundState::kOpen, opened_at);
      !ok) {
    return Unexpected(ok.error());
  }
  RoundSummary summary;
  summary.name = name;
  std::set<std::string> hashes;
  std::vector<std::string> tokens = LinkTokens(d.seed, salt, reports.size());
  for (const demo::UnitReport& report : reports) {
    const std::string unit_name(demo::Units()[report.unit].name);
    auto response = d.db.responses().CreateLink(*round_id, d.unit_ids[report.unit],
                                                TokenHash(tokens[report.unit]), unit_name,
                                                opened_at);
    if (!response) return Unexpected(response.error());
    if (report.status == demo::UnitReport::Status::kNotStarted) continue;
    std::vector<storage::PersonEntry> entries;
    std::vector<survey::EntryForSubmit> to_check;
    for (const demo::DemoEntry& e : report.entries) {
      storage::PersonEntry entry;
      entry.position = static_cast<int>(entries.size());
      entry.answers = e.answers;
      entry.has_match_key = e.key.has_value();
      if (e.key) entry.match_hash = survey::MatchingKeyHash(*key, *e.key);
      entries.push_back(entry);
      to_check.push_back({e.answers, e.key ? e.key->birth_year : std::nullopt});
    }
    // Spread the saves over the weeks the round was open.
    std::int64_t span = (close_at > 0 ? close_at : d.cli.clock.NowUnix()) - opened_at;
    std::int64_t saved_at = opened_at + span * static_cast<std::int64_t>(report.unit + 1) /
                                            static_cast<std::int64_t>(reports.size() + 2);
    if (report.status == demo::UnitReport::Status::kDraft) {
      for (std::size_t i = 0; i < to_check.size(); ++i) {
        if (auto ok = CheckValid(survey::ValidateDraft(q, to_check[i].answers, static_cast<int>(i)),
                                 unit_name);
            !ok) {
          return Unexpected(ok.error());
        }
      }
      if (auto ok = d.db.responses().SaveDraft(*response, report.met_anyone, entries, saved_at);
          !ok) {
        return Unexpected(ok.error());
      }
      ++summary.drafts;
      continue;
    }
    if (auto ok = CheckValid(
            survey::ValidateSubmission(q, report.met_anyone, to_check, *period), unit_name);
        !ok) {
      return Unexpected(ok.error());
    }
    if (auto ok = d.db.responses().Submit(*response, report.met_anyone, entries, saved_at); !ok) {
      return Unexpected(ok.error());
    }
    ++summary.submitted_units;
    for (const auto& entry : entries) {
      ++summary.entries;
      if (entry.match_hash) {
        hashes.insert(*entry.match_hash);
      } else {
        ++summary.persons_low;
      }
    }
  }
  summary.persons_low += static_cast<int>(hashes.size());
  if (close_at > 0) {
    if (auto ok = d.db.rounds().Transition(*round_id, storage::RoundState::kOpen,
                                           storage::RoundState::kClosed, close_at);
        !ok) {
      return Unexpected(ok.error());
    }
  }
  return summary;
}

Result<std::vector<RoundSummary>> CreateDemo(DemoContext& d) {
  for (const demo::DemoUnit& u : demo::Units()) {
    storage::Unit unit;
    unit.name = std::string(u.name);
    unit.sector = u.sector;
    unit.department = std::string(u.department);
    auto id = d.db.units().Create(unit);
    if (!id) return Unexpected(id.error());
    d.unit_ids.push_back(*id);
  }
  for (const demo::DemoLogin& login : demo::Logins()) {
    web::NewUser user;
    user.username = login.username;
    user.display_name = login.display_name;
    user.role = login.role;
    user.password = login.password;
    if (login.role == Role::kCoordinator) user.unit_id = d.unit_ids[demo::CoordinatorUnitIndex()];
    auto id = web::CreateUser(d.db, d.cli.clock, user, MinimumPasswordCost(), kDemoActor);
    if (!id) return Unexpected(id.error());
    if (login.role == Role::kAnalyst) d.analyst_id = *id;
    if (login.role == Role::kManager) d.manager_id = *id;
  }
  const std::int64_t now = d.cli.clock.NowUnix();
  const int year = YearOf(now);
  std::mt19937_64 rng(d.seed);
  // Last year's round ran from mid-January to mid-March of this year (or, early in the
  // year, over the ten weeks before now).
  std::int64_t created = UnixOf(std::chrono::year(year) / 1 / 10);
  if (created + 70 * kDay > now) created = now - 70 * kDay;
  std::vector<RoundSummary> summaries;
  auto closed = CreateRound(d, "Kartläggning " + std::to_string(year - 1) + " (demo)", year - 1,
                            1, created, created + 65 * kDay,
                            demo::ClosedRoundReports(year - 1, rng));
  if (!closed) return Unexpected(closed.error());
  summaries.push_back(*closed);
  auto open = CreateRound(d, "Kartläggning " + std::to_string(year) + " (demo)", year, 2,
                          now - 3 * kDay, 0, demo::OpenRoundReports(year, rng));
  if (!open) return Unexpected(open.error());
  summaries.push_back(*open);
  if (Status s = demo::PublishDemoReport(d.db, d.keys, d.cli.clock, d.analyst_id, d.manager_id);
      !s) {
    return Unexpected(s.error());
  }
  auto followup = demo::CreateFollowupDemo(d.db, d.cli.clock, d.seed, d.unit_ids);
  if (!followup) return Unexpected(followup.error());
  auto training = demo::CreateTrainingDemo(d.db, d.cli.clock);
  if (!training) return Unexpected(training.error());
  return summaries;
}

// A configuration for serving the demo, written where --config points when nothing is there.
Status WriteDemoConfig(const std::string& path, const std::string& db) {
  std::string escaped;
  for (char c : db) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::string text =
      "# Configuration of the Synlig demo, written by `synlig demo` (see docs/operations.md).\n"
      "[server]\n"
      "bind = \"127.0.0.1\"\n"
      "port = 8080\n"
      "\n"
      "[database]\n"
      "url = \"" + escaped + "\"\n"
      "sqlite_synchronous = \"normal\"\n";
  return WriteFileAtomically(path, text, 0644);
}

void PrintLogins(CliContext& ctx, std::uint64_t seed) {
  std::vector<std::vector<std::string>> rows = {{"username", "role", "password"}};
  for (const auto& login : demo::Logins()) {
    rows.push_back({login.username, std::string(RoleCode(login.role)), login.password});
  }
  ctx.out << "\nDemo logins - DEMO ONLY: these passwords are public; never put real data in this "
             "database.\n\n";
  PrintTable(ctx.out, rows);
  ctx.out << "\nRespondent links of the open round (append to the server address):\n";
  std::vector<std::string> tokens = LinkTokens(seed, 2, demo::Units().size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    ctx.out << "  /r/" << tokens[i] << "  " << demo::Units()[i].name << "\n";
  }
}

}  // namespace

int RunDemo(std::span<const std::string> raw, CliContext& ctx) {
  auto args = ParseArgs(raw, kFlags);
  if (!args) return UsageError(ctx, "demo", args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  std::uint64_t seed = 1;
  if (auto text = args->Value("seed")) {
    auto n = ParseIntFlag("seed", *text, 0, INT64_MAX);
    if (!n) return UsageError(ctx, "demo", n.error());
    seed = static_cast<std::uint64_t>(*n);
  }
  if (auto config_path = args->Value("config");
      config_path && args->Value("db") && !std::filesystem::exists(*config_path)) {
    if (auto ok = WriteDemoConfig(*config_path, *args->Value("db")); !ok) {
      return RuntimeError(ctx, "demo", ok.error());
    }
    ctx.out << "Wrote a demo configuration to " << *config_path << "\n";
  }
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, "demo", config.error());
    return RuntimeError(ctx, "demo", config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/true);
  if (!db) return RuntimeError(ctx, "demo", db.error());
  auto marker = (*db)->GetSetting("demo");
  if (marker) {
    if (*marker != demo::kDemoVersion) {
      return RuntimeError(ctx, "demo",
                          Error(ErrorCode::kFailedPrecondition,
                                "an earlier demo run did not finish (state '" + *marker +
                                    "'); delete the database and its key file and run again"));
    }
    auto stored_seed = (*db)->GetSetting("demo_seed");
    if (stored_seed) {
      if (auto n = ParseIntFlag("seed", *stored_seed, 0, INT64_MAX)) {
        seed = static_cast<std::uint64_t>(*n);
      }
    }
    ctx.out << "The demo is already in " << config->database.url << "; nothing changed.\n";
    if (args->Has("print-logins")) {
      PrintLogins(ctx, seed);
    } else {
      ctx.out << "Run with --print-logins to show the demo logins.\n";
    }
    return kExitOk;
  }
  if (marker.error().code() != ErrorCode::kNotFound) {
    return RuntimeError(ctx, "demo", marker.error());
  }
  auto users = (*db)->users().Count();
  if (!users) return RuntimeError(ctx, "demo", users.error());
  if (*users > 0) {
    return RuntimeError(ctx, "demo",
                        Error(ErrorCode::kFailedPrecondition,
                              "the database already has users but no demo; the demo goes only "
                              "into a new, empty database"));
  }
  auto keys = OpenKeyStore(*config, ctx.random, /*create_if_missing=*/true);
  if (!keys) return RuntimeError(ctx, "demo", keys.error());
  if (auto ok = CheckKeysBelongToDatabase(**keys, **db); !ok) {
    return RuntimeError(ctx, "demo", ok.error());
  }
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"demo", "creating"},
        {"demo_seed", std::to_string(seed)},
        {"municipality_name", demo::kMunicipality}}) {
    if (auto ok = (*db)->SetSetting(key, value); !ok) return RuntimeError(ctx, "demo", ok.error());
  }
  DemoContext d{**db, **keys, ctx, seed, {}, 0};
  auto summaries = CreateDemo(d);
  if (!summaries) return RuntimeError(ctx, "demo", summaries.error());
  if (auto ok = (*db)->SetSetting("demo", demo::kDemoVersion); !ok) {
    return RuntimeError(ctx, "demo", ok.error());
  }
  ctx.out << "Demo municipality " << demo::kMunicipality << " created in "
          << config->database.url << " (all data synthetic)\n"
          << "  " << demo::Units().size() << " units, " << demo::Logins().size()
          << " demo users, key file " << (*keys)->path() << "\n";
  const RoundSummary& closed = (*summaries)[0];
  const RoundSummary& open = (*summaries)[1];
  ctx.out << "  " << closed.name << " (closed): " << closed.submitted_units << " of "
          << demo::Units().size() << " units submitted, " << closed.entries
          << " person entries, " << closed.persons_low << "-" << closed.entries
          << " persons after matching\n"
          << "  " << open.name << " (open): a link per unit, " << open.drafts << " drafts\n";
  PrintLogins(ctx, seed);
  return kExitOk;
}

}  // namespace synlig::app
