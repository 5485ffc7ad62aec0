// Top-level dispatch, --help and --version of the synlig binary.
#include "cli.h"

#include <ostream>
#include <vector>

#include "ads_command.h"
#include "disclosure_command.h"
#include "estimate_command.h"
#include "report_command.h"
#include "stats_command.h"
#include "synlig/app/version.h"

namespace synlig::app {
namespace {

constexpr char kTopHelp[] =
    R"HELP(Usage: synlig <command> [options]

Synlig maps sex for compensation and related trafficking for a municipality, estimates the
hidden total and reports to the council.

Commands:
  serve      run the web server
  init       create a database, its key file and the first administrator
  demo       fill a database with a synthetic demo municipality (demo logins printed)
  migrate    apply pending database migrations and print the schema version
  user       add, list, disable, enable users and reset passwords
  estimate   estimate the hidden total from capture data (multiple systems estimation)
  ads        online-ad analysis: import, link advertisers and networks, indicators, counts
  stats      import Brå's reported crimes and SCB's population for the council report
  report     the council report of a round: HTML, PDF, Word, Excel or CSV
  disclosure check a published table for cells that could reveal a person

Options:
  --help     show this help (every command has --help too)
  --version  print the version

Configuration: a TOML file (--config or SYNLIG_CONFIG), then SYNLIG_* environment
variables, then command-line flags. See docs/operations.md.
)HELP";

}  // namespace

int RunCli(std::span<const std::string> args, CliContext& ctx) {
  if (args.empty()) {
    ctx.err << "synlig: missing command (see 'synlig --help')\n";
    return kExitUsage;
  }
  const std::string& command = args[0];
  std::span<const std::string> rest = args.subspan(1);
  if (command == "--help" || command == "-h" || command == "help") {
    ctx.out << kTopHelp;
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    ctx.out << "synlig " << kVersion << "\n";
    return kExitOk;
  }
  if (command == "serve") return RunServe(rest, ctx);
  if (command == "init") return RunInit(rest, ctx);
  if (command == "migrate") return RunMigrate(rest, ctx);
  if (command == "user") return RunUser(rest, ctx);
  if (command == "demo") return RunDemo(rest, ctx);
  if (command == "stats") return RunStats(rest, ctx);
  if (command == "report") return RunReport(rest, ctx);
  if (command == "ads") return RunAdsCommand({rest.begin(), rest.end()}, ctx.out, ctx.err);
  if (command == "disclosure") {
    return RunDisclosureCommand({rest.begin(), rest.end()}, ctx.out, ctx.err);
  }
  if (command == "estimate") {
    return RunEstimateCommand(std::vector<std::string>(rest.begin(), rest.end()), ctx.out,
                              ctx.err);
  }
  if (command.starts_with("-")) {
    ctx.err << "synlig: unknown option '" << command << "' (see 'synlig --help')\n";
  } else {
    ctx.err << "synlig: unknown command '" << command << "' (see 'synlig --help')\n";
  }
  return kExitUsage;
}

}  // namespace synlig::app
