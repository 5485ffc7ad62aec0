// `synlig report --db PATH --round ID --format F --out FILE [--lang sv|en] ...`: loads the round
// (audit-logged), builds the council report with disclosure control and writes one format.
#include "report_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "file_key_store.h"
#include "report_loader.h"
#include "synlig/report/render.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] =
    R"HELP(Usage: synlig report --db PATH --round ID --format FORMAT --out FILE [options]

Makes the council report of a closed mapping round: response, persons known by form, gender
and age, arenas and place, trafficking, the estimated total, online ads, Brå's reported
crimes, training and prevention work, change since the previous closed round, and method
notes. Every count passes disclosure control with the round's k (suppressed figures show as
"."). Reading the round's entries is audit-logged.

Options:
  --db PATH             database: a SQLite file path, sqlite:PATH or postgresql://...
  --config FILE         TOML configuration file (or SYNLIG_CONFIG)
  --round ID            the round (closed or published)
  --format FORMAT       html, pdf, docx, xlsx or csv
  --out FILE            where to write the report
  --lang LANG           sv (default) or en
  --municipality NAME   whose Brå and SCB figures to use (default: the settings' name)
  --text FILE           the analyst's text: "=== <section>" lines start each section's text
                        (summary, response_rates, persons_known, arenas, trafficking,
                        estimate, online_ads, official_statistics, followup, change, methods);
                        **bold**, *italic*, "- " lists
  --method M            estimation method (default stepwise; "none" for no estimate)
  --date YYYY-MM-DD     the date printed on the report (default: today)
  --status-label TEXT   a label on the title, e.g. "Utkast"
)HELP";

constexpr FlagSpec kFlags[] = {{"db", true},           {"config", true},      {"round", true},
                               {"format", true},       {"out", true},         {"lang", true},
                               {"municipality", true}, {"text", true},        {"method", true},
                               {"date", true},         {"status-label", true}};

const std::set<std::string>& SectionIds() {
  static const std::set<std::string> kIds = {
      "summary",  "response_rates",    "persons_known",       "arenas",          "trafficking",
      "estimate", "online_ads",        "official_statistics", "followup",        "change",
      "methods",  "followup_training", "followup_attitude",   "followup_clinics"};
  return kIds;
}

}  // namespace

Result<std::map<std::string, report::Text>> ParseAnalystText(std::string_view text) {
  std::map<std::string, report::Text> out;
  std::string section = "summary";
  bool english = false;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("===")) {
      std::istringstream words(line.substr(3));
      std::string id, lang;
      words >> id >> lang;
      if (!SectionIds().contains(id)) {
        return InvalidArgument("line " + std::to_string(number) + ": unknown section '" + id + "'",
                               "text");
      }
      if (!lang.empty() && lang != "sv" && lang != "en") {
        return InvalidArgument("line " + std::to_string(number) + ": language must be sv or en",
                               "text");
      }
      section = id;
      english = lang == "en";
      continue;
    }
    std::string& target = english ? out[section].en : out[section].sv;
    target += line + "\n";
  }
  return out;
}

int RunReport(std::span<const std::string> raw, CliContext& ctx) {
  const std::string command = "report";
  auto args = ParseArgs(raw, kFlags);
  if (!args) return UsageError(ctx, command, args.error());
  if (args->Has("help")) {
    ctx.out << kHelp;
    return kExitOk;
  }
  auto round_text = RequiredFlag(*args, "round");
  if (!round_text) return UsageError(ctx, command, round_text.error());
  auto round_id = ParseIntFlag("round", *round_text, 1, INT64_MAX);
  if (!round_id) return UsageError(ctx, command, round_id.error());
  auto format_name = RequiredFlag(*args, "format");
  if (!format_name) return UsageError(ctx, command, format_name.error());
  auto format = report::ParseFormat(*format_name);
  if (!format) return UsageError(ctx, command, format.error());
  auto out_path = RequiredFlag(*args, "out");
  if (!out_path) return UsageError(ctx, command, out_path.error());
  auto lang = report::ParseLanguage(args->Value("lang").value_or("sv"));
  if (!lang) return UsageError(ctx, command, lang.error());
  Date date{std::chrono::floor<std::chrono::days>(ctx.clock.Now())};
  if (auto text = args->Value("date")) {
    auto d = ParseDate(*text);
    if (!d)
      return UsageError(ctx, command,
                        Error(ErrorCode::kInvalidArgument, d.error().message(), "date"));
    date = *d;
  }
  std::map<std::string, report::Text> analyst;
  if (auto path = args->Value("text")) {
    std::ifstream in(*path, std::ios::binary);
    if (!in) return RuntimeError(ctx, command, Error(ErrorCode::kNotFound, "cannot read " + *path));
    std::stringstream s;
    s << in.rdbuf();
    auto parsed = ParseAnalystText(s.str());
    if (!parsed) return RuntimeError(ctx, command, parsed.error());
    analyst = *std::move(parsed);
  }
  auto config = ConfigFromArgs(*args, ctx);
  if (!config) {
    if (config.error().field() == "db") return UsageError(ctx, command, config.error());
    return RuntimeError(ctx, command, config.error());
  }
  auto db = OpenDatabase(*config, /*migrate=*/true, /*create=*/false);
  if (!db) return RuntimeError(ctx, command, db.error());

  ReportLoadOptions options;
  options.municipality = args->Value("municipality").value_or("");
  options.estimate_method = args->Value("method").value_or("stepwise");
  options.audit_detail = "report " + std::string(report::FormatName(*format)) + " " +
                         (*lang == report::Language::kSv ? "sv" : "en") + " (cli)";
  auto loaded = LoadReport(**db, ctx.clock, *round_id, options);
  if (!loaded) return RuntimeError(ctx, command, loaded.error());
  report::ReportInputs& inputs = loaded->inputs;
  inputs.analyst_text = std::move(analyst);
  inputs.generated_on = date;
  if (auto label = args->Value("status-label")) inputs.status_label = {*label, *label};
  auto built = report::BuildReport(inputs);
  if (!built) return RuntimeError(ctx, command, built.error());
  auto bytes = report::Render(*built, *format, *lang);
  if (!bytes) return RuntimeError(ctx, command, bytes.error());
  if (Status s = WriteFileAtomically(*out_path, *bytes, 0644); !s) {
    return RuntimeError(ctx, command, s.error());
  }
  for (const std::string& note : loaded->notes) ctx.out << "note: " << note << "\n";
  ctx.out << "Wrote " << *out_path << " (" << report::FormatName(*format) << ", " << bytes->size()
          << " bytes): " << built->tables.size() << " tables, " << built->published
          << " figures published, " << built->primary + built->secondary << " suppressed ("
          << built->primary << " under k=" << built->k << ", " << built->secondary
          << " protecting them)"
          << (inputs.previous ? ", compared with " + inputs.previous->info.name : "") << "\n";
  return kExitOk;
}

}  // namespace synlig::app
