// `synlig stats import-bra|import-scb|list`: reads an export with libs/report's readers and
// stores every figure in one transaction (nothing half-imported), with source and retrieval
// date.
#include "stats_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "synlig/core/date.h"
#include "synlig/report/official.h"
#include "synlig/storage/statistics.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig stats <action> --db PATH [options]

Official statistics for the council report.

Actions:
  import-bra FILE --municipality NAME
                  reported crimes per year from an export of Brå's statistics database
                  (CSV in any common encoding and delimiter, or .xlsx): köp av sexuell tjänst
                  (BrB 6:11), koppleri (6:12) and människohandel (4:1a). Rows of other areas
                  and crimes are skipped; figures marked preliminary (2024*, "prel.") are
                  stored as preliminary; a figure stored earlier for the same year is replaced
  import-scb FILE [--region NAME]
                  population per region and year from SCB's table (e.g. BE0101N1,
                  "Folkmängden efter region och år"), for rates per 100,000 inhabitants
  list [--municipality NAME]
                  the stored figures with rates per 100,000 (default: the municipality named
                  in the settings)

Options:
  --db PATH             database: a SQLite file path, sqlite:PATH or postgresql://...
  --config FILE         TOML configuration file (or SYNLIG_CONFIG)
  --retrieved DATE      when the file was downloaded, YYYY-MM-DD (default: today)
  --source TEXT         the source stored with each figure (default: the agency, its
                        database and the file name)
  --status S            import-bra: auto (marks in the file; default), preliminary or final
                        (every figure of the file)

Nothing is stored when any row is wrong: the error names its line and column.
)HELP";

constexpr FlagSpec kFlags[] = {{"db", true},     {"config", true},    {"municipality", true},
                               {"region", true}, {"retrieved", true}, {"source", true},
                               {"status", true}};
constexpr std::size_t kMaxFileBytes = 16u << 20;

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return NotFound("cannot read " + path + ": " + ec.message());
  if (size > kMaxFileBytes + 16) {
    return InvalidArgument(path + " is larger than 16 MiB; export only the rows needed", "file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Today(const Clock& clock) {
  return FormatDate(Date{std::chrono::floor<std::chrono::days>(clock.Now())});
}

Result<std::string> RetrievedOn(const ParsedArgs& args, const Clock& clock) {
  auto text = args.Value("retrieved");
  if (!text) return Today(clock);
  if (!ParseDate(*text)) {
    return InvalidArgument("--retrieved '" + *text + "' is not a date YYYY-MM-DD", "retrieved");
  }
  return *text;
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

int ImportBra(const ParsedArgs& args, CliContext& ctx, storage::Database& db) {
  const std::string command = "stats import-bra";
  const std::string& path = args.positional()[1];
  auto municipality = RequiredFlag(args, "municipality");
  if (!municipality) return UsageError(ctx, command, municipality.error());
  std::string status = args.Value("status").value_or("auto");
  if (status != "auto" && status != "preliminary" && status != "final") {
    return UsageError(
        ctx, command,
        Error(ErrorCode::kInvalidArgument,
              "--status must be auto, preliminary or final, not '" + status + "'", "status"));
  }
  auto retrieved = RetrievedOn(args, ctx.clock);
  if (!retrieved) return UsageError(ctx, command, retrieved.error());
  auto bytes = ReadFile(path);
  if (!bytes) return RuntimeError(ctx, command, bytes.error());
  auto table = report::ReadStatisticsFile(*bytes);
  if (!table) return RuntimeError(ctx, command, table.error());
  auto parsed = report::ParseBraExport(*table, {.municipality = *municipality});
  if (!parsed) return RuntimeError(ctx, command, parsed.error());
  const std::string source = args.Value("source").value_or(
      "Brå, statistikdatabasen över anmälda brott (" + FileName(path) + ")");
  std::vector<storage::CrimeFigure> figures;
  for (const report::BraFigure& f : parsed->figures) {
    storage::CrimeFigure s;
    s.municipality = *municipality;
    s.crime = std::string(report::CrimeCode(f.crime));
    s.year = f.year;
    s.reported = f.reported;
    bool prel = status == "auto" ? f.preliminary : status == "preliminary";
    s.status = prel ? storage::FigureStatus::kPreliminary : storage::FigureStatus::kFinal;
    s.source = source;
    s.retrieved_on = *retrieved;
    figures.push_back(std::move(s));
  }
  auto stored = db.statistics().ImportCrimeFigures(figures, ctx.clock.NowUnix());
  if (!stored) return RuntimeError(ctx, command, stored.error());
  ctx.out << "Read " << path << " as " << table->format << ".\n";
  for (const std::string& note : parsed->notes) ctx.out << "note: " << note << "\n";
  ctx.out << "Stored " << *stored << " figure(s) for " << *municipality << ", retrieved "
          << *retrieved << ":\n";
  std::vector<std::vector<std::string>> rows = {{"crime", "year", "reported", "status"}};
  for (const storage::CrimeFigure& f : figures) {
    rows.push_back({f.crime, std::to_string(f.year), std::to_string(f.reported),
                    std::string(storage::FigureStatusCode(f.status))});
  }
  PrintTable(ctx.out, rows);
  return kExitOk;
}

int ImportScb(const ParsedArgs& args, CliContext& ctx, storage::Database& db) {
  const std::string command = "stats import-scb";
  const std::string& path = args.positional()[1];
  auto retrieved = RetrievedOn(args, ctx.clock);
  if (!retrieved) return UsageError(ctx, command, retrieved.error());
  auto bytes = ReadFile(path);
  if (!bytes) return RuntimeError(ctx, command, bytes.error());
  auto table = report::ReadStatisticsFile(*bytes);
  if (!table) return RuntimeError(ctx, command, table.error());
  auto parsed = report::ParseScbPopulation(*table);
  if (!parsed) return RuntimeError(ctx, command, parsed.error());
  const std::string source = args.Value("source").value_or(
      "SCB, Statistikdatabasen, folkmängd 31 december (" + FileName(path) + ")");
  auto only = args.Value("region");
  std::vector<storage::PopulationFigure> figures;
  for (const report::PopulationRow& r : parsed->rows) {
    if (only && report::NormaliseArea(r.region) != report::NormaliseArea(*only)) continue;
    figures.push_back({r.region_code, r.region, r.year, r.population, source, *retrieved, 0});
  }
  if (figures.empty()) {
    return RuntimeError(
        ctx, command,
        Error(ErrorCode::kInvalidArgument,
              "the file has no rows for region '" + only.value_or("") + "'", "region"));
  }
  auto stored = db.statistics().ImportPopulation(figures, ctx.clock.NowUnix());
  if (!stored) return RuntimeError(ctx, command, stored.error());
  ctx.out << "Read " << path << " as " << table->format << ".\n";
  for (const std::string& note : parsed->notes) ctx.out << "note: " << note << "\n";
  std::map<std::string, std::pair<int, int>> span;  // region -> first, last year
  for (const auto& f : figures) {
    auto [it, added] = span.emplace(f.region, std::make_pair(f.year, f.year));
    it->second.first = std::min(it->second.first, f.year);
    it->second.second = std::max(it->second.second, f.year);
  }
  ctx.out << "Stored " << *stored << " population figure(s) for " << span.size()
          << " region(s), retrieved " << *retrieved << ":\n";
  for (const auto& [region, years] : span) {
    ctx.out << "  " << region << " " << years.first << "-" << years.second << "\n";
  }
  return kExitOk;
}

std::string Rate(std::int64_t reported, std::int64_t population) {
  if (population <= 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f",
                100000.0 * static_cast<double>(reported) / static_cast<double>(population));
  return buf;
}

int List(const ParsedArgs& args, CliContext& ctx, storage::Database& db) {
  const std::string command = "stats list";
  std::string municipality;
  if (auto m = args.Value("municipality")) {
    municipality = *m;
  } else if (auto setting = db.GetSetting("municipality_name")) {
    municipality = *setting;
  } else {
    return UsageError(ctx, command,
                      Error(ErrorCode::kInvalidArgument, "missing --municipality", "municipality"));
  }
  auto crimes = db.statistics().CrimeFigures(municipality);
  if (!crimes) return RuntimeError(ctx, command, crimes.error());
  auto population = db.statistics().Population(municipality);
  if (!population) return RuntimeError(ctx, command, population.error());
  std::map<int, std::int64_t> people;
  for (const auto& p : *population) people[p.year] = p.population;
  if (crimes->empty()) {
    ctx.out << "No reported-crime figures stored for " << municipality << ".\n";
  } else {
    std::vector<std::vector<std::string>> rows = {
        {"crime", "year", "reported", "per 100,000", "status", "retrieved", "source"}};
    for (const auto& f : *crimes) {
      auto p = people.find(f.year);
      rows.push_back({f.crime, std::to_string(f.year), std::to_string(f.reported),
                      p == people.end() ? "-" : Rate(f.reported, p->second),
                      std::string(storage::FigureStatusCode(f.status)), f.retrieved_on, f.source});
    }
    PrintTable(ctx.out, rows);
  }
  if (population->empty()) {
    ctx.out << "No population figures stored for " << municipality << ".\n";
  }
  return kExitOk;
}

}  // namespace

int RunStats(std::span<const std::string> raw, CliContext& ctx) {
  auto args = ParseArgs(raw, kFlags, 2);
  if (!args) return UsageError(ctx, "stats", args.error());
  if (args->Has("help") || args->positional().empty()) {
    if (!args->Has("help")) {
      return UsageError(ctx, "stats",
                        Error(ErrorCode::kInvalidArgument, "missing action", "action"));
    }
    ctx.out << kHelp;
    return kExitOk;
  }
  const std::string& action = args->positional()[0];
  const bool takes_file = action == "import-bra" || action == "import-scb";
  if (!takes_file && action != "list") {
    return UsageError(
        ctx, "stats",
        Error(ErrorCode::kInvalidArgument, "unknown action '" + action + "'", "action"));
  }
  if (takes_file && args->positional().size() < 2) {
    return UsageError(ctx, "stats " + action,
                      Error(ErrorCode::kInvalidArgument, "missing FILE", "file"));
  }
  if (!takes_file && args->positional().size() > 1) {
    return UsageError(ctx, "stats list",
                      Error(ErrorCode::kInvalidArgument, "list takes no FILE", "file"));
  }
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, "stats", config.error());
    return RuntimeError(ctx, "stats", config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/true, /*create=*/false);
  if (!db) return RuntimeError(ctx, "stats", db.error());
  if (action == "import-bra") return ImportBra(*args, ctx, **db);
  if (action == "import-scb") return ImportScb(*args, ctx, **db);
  return List(*args, ctx, **db);
}

}  // namespace synlig::app
