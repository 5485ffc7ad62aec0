// `synlig ads`: help and dispatch to analyze/evaluate/synth (ads_analyze.cc), import-html
// (ads_html_command.cc) and the printing of the default lexicon, rules and site rules.
#include "ads_command.h"

#include "ads_cli_util.h"
#include "synlig/ads/html_import.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/lexicon.h"

namespace synlig::app {
namespace {

constexpr char kHelp[] = R"HELP(Usage: synlig ads <command> [options]

Online-ad analysis: reads ads collected on sample days (JSON Lines, one ad per line), extracts
phone numbers (kept only as keyed hashes), stated details and risk language, links ads into
advertisers and networks, flags indicators and counts.

Commands:
  analyze FILE.jsonl... [--json] [--assignments OUT.csv] [--captures OUT.csv]
                        [--rules FILE] [--lexicon FILE] [--seed S] [--threads T]
                        [--images-dir DIR]
      several files (one per sample day, say) are read one after the other as one input,
      so that advertisers are followed across them; bad lines are named by file and line
      --json            print the counts as one JSON object instead of tables
      --assignments F   write ad_id,advertiser_id,network_id per ad to F
      --captures F      write the advertisers' capture histories over the sample days to F
                        (the pattern-count CSV that `synlig estimate` reads)
      --rules F         indicator rules (TOML; see `synlig ads rules`)
      --lexicon F       extraction lexicon (TOML; see `synlig ads lexicon`)
      --seed S          seed of the MinHash functions (default 1)
      --threads T       threads for reading, extraction and text search (default 2)
      --images-dir D    where relative paths in `images` start (default: the folder of the
                        first file); image files are reduced to perceptual hashes (pHash)
                        and not kept, in builds with OpenCV img_hash, else counted only
  import-html [--site RULES.toml] [--captured-on YYYY-MM-DD] PAGE.html... > ads.jsonl
      saved listing pages to JSON Lines (then: synlig ads analyze ads.jsonl); the site's
      rule file says where the listings and their fields are (see `synlig ads site`);
      --captured-on is the sample day the pages were saved (or captured_on in the rules);
      a page whose file name begins with a date (2025-03-03-page1.html) is of that day
  synth --ads N [--seed S] [--profile easy|hard] [--days D] [--first-day YYYY-MM-DD]
      synthetic ads with ground truth (_truth) as JSON Lines on standard output
  evaluate FILE.jsonl... [--json] [--seed S] [--threads T]
      pairwise precision, recall and F1 of the linking against the _truth of a synthetic file
  lexicon   print the default lexicon
  rules     print the default indicator rules
  site      print the example site rules for import-html

Bad lines (and listings) are reported with their line number (listing number) and reason and
skipped. Exit codes: 0 success, 1 unreadable file or nothing to analyse, 2 usage error.
)HELP";

}  // namespace

int RunAdsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  using namespace ads_cli;
  if (args.empty()) return Usage(err, "missing command");
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h" || args[0] == "help") {
      out << kHelp;
      return kExitOk;
    }
  }
  if (args[0] == "lexicon") {
    out << ads::DefaultLexiconText();
    return kExitOk;
  }
  if (args[0] == "rules") {
    out << ads::DefaultIndicatorRulesText();
    return kExitOk;
  }
  if (args[0] == "site") {
    out << ads::DefaultSiteRulesText();
    return kExitOk;
  }
  if (args[0] == "import-html") return RunImportHtml(args, out, err);
  if (args[0] != "analyze" && args[0] != "synth" && args[0] != "evaluate") {
    return Usage(err, "unknown command '" + args[0] + "'");
  }
  Flags flags;
  if (std::string problem = ParseFlags(args, flags); !problem.empty()) {
    return Usage(err, problem);
  }
  if (flags.command == "synth") return RunSynth(flags, out, err);
  return RunAnalyze(flags, out, err);
}

}  // namespace synlig::app
