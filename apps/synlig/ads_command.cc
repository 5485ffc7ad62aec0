// `synlig ads analyze|synth|evaluate|lexicon|rules`: reads files (the library does no I/O),
// runs libs/ads and prints the round's counts as text or JSON.
#include "ads_command.h"

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "synlig/ads/counts.h"
#include "synlig/ads/extract.h"
#include "synlig/ads/import.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/jsonl_reader.h"
#include "synlig/ads/link.h"
#include "synlig/ads/synth.h"
#include "synlig/core/crypto.h"

namespace synlig::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kChunkBytes = 4 << 20;
constexpr std::size_t kMaxPrintedErrors = 20;

constexpr char kHelp[] = R"HELP(Usage: synlig ads <command> [options]

Online-ad analysis: reads ads collected on sample days (JSON Lines, one ad per line), extracts
phone numbers (kept only as keyed hashes), stated details and risk language, links ads into
advertisers and networks, flags indicators and counts.

Commands:
  analyze FILE.jsonl [--json] [--assignments OUT.csv] [--captures OUT.csv]
                     [--rules FILE] [--lexicon FILE] [--seed S] [--threads T]
      --json            print the counts as one JSON object instead of tables
      --assignments F   write ad_id,advertiser_id,network_id per ad to F
      --captures F      write the advertisers' capture histories over the sample days to F
                        (the pattern-count CSV that `synlig estimate` reads)
      --rules F         indicator rules (TOML; see `synlig ads rules`)
      --lexicon F       extraction lexicon (TOML; see `synlig ads lexicon`)
      --seed S          seed of the MinHash functions (default 1)
      --threads T       threads for reading, extraction and text search (default 2)
  synth --ads N [--seed S] [--profile easy|hard] [--days D] [--first-day YYYY-MM-DD]
      synthetic ads with ground truth (_truth) as JSON Lines on standard output
  evaluate FILE.jsonl [--json] [--seed S] [--threads T]
      pairwise precision, recall and F1 of the linking against the _truth of a synthetic file
  lexicon   print the default lexicon
  rules     print the default indicator rules

Bad lines are reported with their line number and reason and skipped.
Exit codes: 0 success, 1 unreadable file or nothing to analyse, 2 usage error.
)HELP";

struct Flags {
  std::string command;
  std::string file;
  bool json = false;
  std::string assignments;
  std::string captures;
  std::string rules;
  std::string lexicon;
  std::uint64_t seed = 1;
  bool seed_given = false;
  int threads = 2;
  std::size_t ads = 0;
  std::string profile = "easy";
  int days = 8;
  std::string first_day = "2025-03-03";
};

template <typename T>
bool ParseNumber(const std::string& text, T& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Returns an empty string on success, else the usage error.
std::string ParseFlags(const std::vector<std::string>& args, Flags& f) {
  f.command = args[0];
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::string* v = i + 1 < args.size() ? &args[i + 1] : nullptr;
    auto take = [&](std::string& target) {
      if (!v) return false;
      target = *v;
      ++i;
      return true;
    };
    if (a == "--json") {
      f.json = true;
    } else if (a == "--assignments" || a == "--captures" || a == "--rules" || a == "--lexicon" ||
               a == "--profile" || a == "--first-day") {
      std::string& target = a == "--assignments" ? f.assignments
                            : a == "--captures"  ? f.captures
                            : a == "--rules"     ? f.rules
                            : a == "--lexicon"   ? f.lexicon
                            : a == "--profile"   ? f.profile
                                                 : f.first_day;
      if (!take(target)) return a + " needs a value";
    } else if (a == "--seed") {
      if (!v || !ParseNumber(*v, f.seed)) return "--seed needs a non-negative integer";
      f.seed_given = true;
      ++i;
    } else if (a == "--threads") {
      if (!v || !ParseNumber(*v, f.threads) || f.threads < 1 || f.threads > 16) {
        return "--threads needs a count from 1 to 16";
      }
      ++i;
    } else if (a == "--ads") {
      if (!v || !ParseNumber(*v, f.ads) || f.ads < 1 || f.ads > 10'000'000) {
        return "--ads needs a count from 1 to 10000000";
      }
      ++i;
    } else if (a == "--days") {
      if (!v || !ParseNumber(*v, f.days) || f.days < 1 || f.days > 16) {
        return "--days needs a count from 1 to 16";
      }
      ++i;
    } else if (a.starts_with("--")) {
      return "unknown option '" + a + "'";
    } else if (f.file.empty()) {
      f.file = a;
    } else {
      return "more than one file given ('" + f.file + "', '" + a + "')";
    }
  }
  const bool reads_file = f.command == "analyze" || f.command == "evaluate";
  if (reads_file && f.file.empty()) return "missing FILE.jsonl";
  if (!reads_file && !f.file.empty()) return "unexpected argument '" + f.file + "'";
  if (f.command == "synth" && f.ads == 0) return "missing --ads N";
  return {};
}

int Usage(std::ostream& err, const std::string& message) {
  err << "synlig ads: " << message << " (see 'synlig ads --help')\n";
  return kExitUsage;
}

int Fail(std::ostream& err, const std::string& message) {
  err << "synlig ads: error: " << message << "\n";
  return kExitError;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads and extracts the file on `threads` threads.
Result<ads::ImportResult> LoadAds(const std::string& path, const ads::Lexicon& lexicon,
                                  int threads, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  const bool progress = &err == &std::cerr && isatty(STDERR_FILENO) && !ec && size > (32 << 20);
  // The key of this run's phone and name hashes: random, never written anywhere.
  SystemRandom random;
  auto importer = ads::AdImporter::Create(lexicon, SecretKey::Generate(random), threads);
  if (!importer) return Unexpected(importer.error());
  std::string chunk(kChunkBytes, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    importer->Feed(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
    if (progress) {
      err << "\rsynlig ads: read " << (importer->bytes_fed() >> 20) << " of " << (size >> 20)
          << " MB" << std::flush;
    }
  }
  if (progress) err << "\r\033[K" << std::flush;
  if (in.bad()) return Fail(ErrorCode::kUnavailable, "reading '" + path + "' failed");
  return importer->Finish();
}

void ReportReading(const ads::ReadSummary& s, std::ostream& err) {
  for (std::size_t i = 0; i < s.errors.size() && i < kMaxPrintedErrors; ++i) {
    err << "synlig ads: line " << s.errors[i].line << ": " << s.errors[i].reason << "\n";
  }
  if (s.skipped > kMaxPrintedErrors) {
    err << "synlig ads: ... and " << (s.skipped - kMaxPrintedErrors) << " more bad lines\n";
  }
  err << "synlig ads: read " << s.read << " ads, skipped " << s.skipped << " lines";
  if (!s.reasons.empty()) {
    err << " (";
    bool first = true;
    for (const auto& [field, count] : s.reasons) {
      err << (first ? "" : ", ") << field << ": " << count;
      first = false;
    }
    err << ")";
  }
  err << "\n";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) return Fail(ErrorCode::kUnavailable, "cannot write '" + path + "'");
  return Ok();
}

std::string AssignmentsCsv(const ads::Corpus& corpus, const ads::Linking& linking) {
  std::string csv = "ad_id,advertiser_id,network_id\n";
  for (std::size_t i = 0; i < corpus.ads.size(); ++i) {
    csv += CsvField(corpus.ads[i].ad_id) + "," + std::to_string(linking.advertiser[i] + 1) + "," +
           std::to_string(linking.network[i] + 1) + "\n";
  }
  return csv;
}

nlohmann::json Buckets(const auto& names, const auto& values) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < names.size(); ++i) j[names[i]] = values[i];
  return j;
}

nlohmann::json Named(const std::vector<ads::NamedCount>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const ads::NamedCount& c : counts) j[c.name] = c.count;
  return j;
}

nlohmann::json CountsJson(const ads::ImportResult& loaded, const ads::RoundCounts& c,
                          const ads::Linking& linking, const ads::IndicatorRules& rules) {
  nlohmann::json j;
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [field, count] : loaded.summary.reasons) skipped[field] = count;
  j["input"] = {{"lines", loaded.summary.lines},
                {"ads_read", loaded.summary.read},
                {"lines_skipped", loaded.summary.skipped},
                {"skipped_by_field", skipped}};
  nlohmann::json days = nlohmann::json::array();
  for (const Date& d : c.days) days.push_back(FormatDate(d));
  j["sample_days"] = days;
  j["ads"] = {{"raw", c.ads}, {"unique", c.unique_ads}, {"reposts", c.reposts}};
  j["site_days"] = nlohmann::json::array();
  for (const ads::SiteDayCount& s : c.site_days) {
    j["site_days"].push_back({{"site", s.site},
                              {"day", FormatDate(s.day)},
                              {"raw_ads", s.raw_ads},
                              {"unique_ads", s.unique_ads},
                              {"reposts", s.reposts},
                              {"advertisers", s.advertisers}});
  }
  j["advertisers"] = {
      {"phone_links_only", c.advertisers_phone_only},
      {"all_links", c.advertisers_all_links},
      {"range", {std::min(c.advertisers_phone_only, c.advertisers_all_links),
                 std::max(c.advertisers_phone_only, c.advertisers_all_links)}}};
  j["networks"] = {{"count", c.networks},
                   {"with_several_advertisers", c.networks_with_several_advertisers},
                   {"largest_in_advertisers", c.largest_network},
                   {"by_advertisers", Buckets(ads::kNetworkSizes, c.network_sizes)}};
  j["stated_gender"] = Named(c.gender);
  j["age_bands"] = Buckets(ads::kAgeBands, c.age_bands);
  j["stated_nationality_region"] = Named(c.nationality);
  j["arenas"] = Named(c.arenas);
  nlohmann::json per = nlohmann::json::object();
  for (int i = 0; i < ads::kIndicatorCount; ++i) {
    auto k = static_cast<std::size_t>(i);
    per[std::string(ads::IndicatorName(static_cast<ads::Indicator>(i)))] = {
        {"weight", rules.weights[k]},
        {"ads", c.ads_with_indicator[k]},
        {"advertisers", c.advertisers_with_indicator[k]}};
  }
  j["indicators"] = {
      {"ads_by_count", Buckets(ads::kIndicatorBuckets, c.ads_by_indicator_count)},
      {"advertisers_by_count", Buckets(ads::kIndicatorBuckets, c.advertisers_by_indicator_count)},
      {"per_indicator", per}};
  const ads::LinkStats& st = linking.stats;
  j["linking"] = {{"controller_phones", st.controller_phones},
                  {"stock_images", st.stock_images},
                  {"template_clusters", linking.template_clusters},
                  {"text_pairs_compared", st.candidate_pairs},
                  {"text_links", st.text_links},
                  {"text_links_blocked", st.blocked_text_links}};
  return j;
}

void PrintCountsText(const ads::RoundCounts& c, const ads::IndicatorRules& rules,
                     std::ostream& out) {
  out << "ads            " << c.ads << " read, " << c.unique_ads << " unique, " << c.reposts
      << " re-posts\n"
      << "advertisers    " << std::min(c.advertisers_phone_only, c.advertisers_all_links) << "-"
      << std::max(c.advertisers_phone_only, c.advertisers_all_links) << "  (phone links only: "
      << c.advertisers_phone_only << ", all links: " << c.advertisers_all_links << ")\n"
      << "networks       " << c.networks << ", " << c.networks_with_several_advertisers
      << " with several advertisers, largest " << c.largest_network << "\n\n";
  out << "site                 day         raw  unique  re-posts  advertisers\n";
  for (const ads::SiteDayCount& s : c.site_days) {
    char line[160];
    std::snprintf(line, sizeof line, "%-20s %s %6llu %7llu %9llu %12llu\n", s.site.c_str(),
                  FormatDate(s.day).c_str(), static_cast<unsigned long long>(s.raw_ads),
                  static_cast<unsigned long long>(s.unique_ads),
                  static_cast<unsigned long long>(s.reposts),
                  static_cast<unsigned long long>(s.advertisers));
    out << line;
  }
  auto row = [&](const std::string& label, const auto& names, const auto& values) {
    out << label;
    for (std::size_t i = 0; i < names.size(); ++i) out << "  " << names[i] << " " << values[i];
    out << "\n";
  };
  out << "\nadvertisers by\n";
  std::vector<std::string> names;
  std::vector<std::uint64_t> values;
  auto split = [&](const std::vector<ads::NamedCount>& v) {
    names.clear();
    values.clear();
    for (const auto& nc : v) {
      names.push_back(nc.name);
      values.push_back(nc.count);
    }
  };
  split(c.gender);
  row("  stated gender     ", names, values);
  row("  age band          ", ads::kAgeBands, c.age_bands);
  split(c.nationality);
  row("  stated nationality", names, values);
  split(c.arenas);
  row("  arena             ", names, values);
  out << "\nindicators (weight > 0)\n";
  row("  ads by count        ", ads::kIndicatorBuckets, c.ads_by_indicator_count);
  row("  advertisers by count", ads::kIndicatorBuckets, c.advertisers_by_indicator_count);
  for (int i = 0; i < ads::kIndicatorCount; ++i) {
    auto k = static_cast<std::size_t>(i);
    out << "  " << ads::IndicatorName(static_cast<ads::Indicator>(i)) << ": "
        << c.ads_with_indicator[k] << " ads, " << c.advertisers_with_indicator[k]
        << " advertisers (weight " << rules.weights[k] << ")\n";
  }
}

int RunSynth(const Flags& f, std::ostream& out, std::ostream& err) {
  auto profile = ads::ParseSynthProfile(f.profile);
  if (!profile) return Usage(err, profile.error().message());
  ads::SynthOptions options;
  options.ads = f.ads;
  options.profile = *profile;
  options.sample_days = f.days;
  options.first_day = f.first_day;
  std::mt19937_64 rng(f.seed_given ? f.seed : 1);
  std::string line;
  auto ok = ads::GenerateAds(options, rng, [&](ads::Ad&& ad) {
    line = ads::FormatAdJson(ad);
    line.push_back('\n');
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  });
  if (!ok) return Usage(err, ok.error().message());
  return kExitOk;
}

// Truth labels (advertiser, network) per ad; empty when an ad has no _truth.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> TruthLabels(
    const ads::Corpus& corpus) {
  std::unordered_map<std::string, std::uint32_t> ids;
  auto id = [&](const std::string& s) {
    return ids.emplace(s, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  std::vector<std::uint32_t> advertisers;
  std::vector<std::uint32_t> networks;
  for (const ads::ExtractedAd& ad : corpus.ads) {
    if (!ad.truth) return {};
    advertisers.push_back(id("a" + ad.truth->advertiser_id));
    networks.push_back(id("n" + ad.truth->network_id));
  }
  return {advertisers, networks};
}

int RunAnalyze(const Flags& f, std::ostream& out, std::ostream& err) {
  auto lexicon = ads::DefaultLexicon();
  if (!f.lexicon.empty()) {
    auto text = ReadWholeFile(f.lexicon);
    if (!text) return Fail(err, text.error().message());
    lexicon = ads::ParseLexicon(*text, f.lexicon);
  }
  if (!lexicon) return Fail(err, lexicon.error().message());
  auto rules = ads::DefaultIndicatorRules();
  if (!f.rules.empty()) {
    auto text = ReadWholeFile(f.rules);
    if (!text) return Fail(err, text.error().message());
    rules = ads::ParseIndicatorRules(*text, f.rules);
  }
  if (!rules) return Fail(err, rules.error().message());
  if (auto ok = InitCrypto(); !ok) return Fail(err, ok.error().message());

  auto loaded = LoadAds(f.file, *lexicon, f.threads, err);
  if (!loaded) return Fail(err, loaded.error().message());
  ReportReading(loaded->summary, err);
  if (loaded->corpus.ads.empty()) return Fail(err, "no ad could be read from '" + f.file + "'");
  std::mt19937_64 rng(f.seed);
  ads::LinkOptions link_options;
  link_options.threads = f.threads;
  auto linking = ads::Link(loaded->corpus, link_options, rng);
  if (!linking) return Fail(err, linking.error().message());

  if (f.command == "evaluate") {
    auto [true_advertiser, true_network] = TruthLabels(loaded->corpus);
    if (true_advertiser.empty()) return Fail(err, "every ad needs _truth to evaluate linking");
    ads::PairScores a = ads::ScorePairs(linking->advertiser, true_advertiser);
    ads::PairScores n = ads::ScorePairs(linking->network, true_network);
    auto scores = [](const ads::PairScores& s) {
      return nlohmann::json{{"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1},
                            {"true_pairs", s.true_pairs},
                            {"predicted_pairs", s.predicted_pairs}};
    };
    if (f.json) {
      out << nlohmann::json{{"ads", loaded->corpus.ads.size()},
                            {"advertisers", scores(a)},
                            {"networks", scores(n)}}
                 .dump(2)
          << "\n";
    } else {
      char line[200];
      std::snprintf(line, sizeof line,
                    "advertisers  precision %.4f  recall %.4f  F1 %.4f\n"
                    "networks     precision %.4f  recall %.4f  F1 %.4f\n",
                    a.precision, a.recall, a.f1, n.precision, n.recall, n.f1);
      out << line;
    }
    return kExitOk;
  }

  ads::IndicatorResult indicators = ads::ScoreIndicators(loaded->corpus, *linking, *rules);
  ads::RoundCounts counts = ads::CountRound(loaded->corpus, *linking, indicators, *rules);
  if (!f.assignments.empty()) {
    if (auto ok = WriteFile(f.assignments, AssignmentsCsv(loaded->corpus, *linking)); !ok) {
      return Fail(err, ok.error().message());
    }
  }
  if (!f.captures.empty()) {
    auto csv = ads::CaptureHistoryCsv(counts);
    if (!csv) return Fail(err, csv.error().message());
    if (auto ok = WriteFile(f.captures, *csv); !ok) return Fail(err, ok.error().message());
  }
  if (f.json) {
    out << CountsJson(*loaded, counts, *linking, *rules).dump(2) << "\n";
  } else {
    PrintCountsText(counts, *rules, out);
  }
  return kExitOk;
}

}  // namespace

int RunAdsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return Usage(err, "missing command");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    out << kHelp;
    return kExitOk;
  }
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
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
