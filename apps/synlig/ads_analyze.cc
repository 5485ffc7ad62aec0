// `synlig ads analyze|evaluate|synth`: reads the JSON Lines files on several threads, links,
// scores and counts, and prints the counts as tables or JSON; synth writes synthetic ads.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <unordered_map>

#include "ads_cli_util.h"
#include "ads_images.h"
#include "synlig/core/escape.h"
#include "synlig/ads/counts.h"
#include "synlig/ads/counts_json.h"
#include "synlig/ads/import.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/link.h"
#include "synlig/ads/synth.h"
#include "synlig/core/crypto.h"

namespace synlig::app::ads_cli {
namespace {

constexpr std::size_t kChunkBytes = 4 << 20;

// The input files, read one after the other as one input, and the number in that input of each
// file's first line (counted only when there are several files; ReportReading needs them then).
struct Loaded {
  ads::ImportResult result;
  std::vector<std::size_t> first_line;
};

// Reads and extracts the files on `threads` threads. A file whose last line has no line break
// gets one, so that its last line and the next file's first stay two lines.
Result<Loaded> LoadAds(const std::vector<std::string>& paths, const ads::Lexicon& lexicon,
                       int threads, const std::string& images_dir, std::ostream& err) {
  std::uintmax_t total = 0;
  bool sizes_known = true;
  for (const std::string& path : paths) {  // every file readable before any is read
    if (!std::ifstream(path, std::ios::binary)) return NotFound("cannot read '" + path + "'");
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    sizes_known = sizes_known && !ec;
    if (!ec) total += size;
  }
  const bool progress =
      &err == &std::cerr && isatty(STDERR_FILENO) && sizes_known && total > (32 << 20);
  // The key of this run's phone and name hashes: random, never written anywhere.
  SystemRandom random;
  // Image files named in ads: from --images-dir, else from the first file's folder.
  ads::ExtractOptions options;
  options.hash_image = MakeImageHasher(
      !images_dir.empty() ? images_dir
      : paths.empty()     ? std::string(".")
                          : std::filesystem::path(paths[0]).parent_path().string());
  auto importer =
      ads::AdImporter::Create(lexicon, SecretKey::Generate(random), threads, options);
  if (!importer) return Unexpected(importer.error());
  if (sizes_known) importer->ExpectBytes(total);
  Loaded out;
  std::size_t line = 1;
  std::string chunk(kChunkBytes, '\0');
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFound("cannot read '" + path + "'");
    out.first_line.push_back(line);
    char last = '\n';
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const std::string_view piece(chunk.data(), static_cast<std::size_t>(in.gcount()));
      if (piece.empty()) break;
      if (paths.size() > 1) {  // line numbers by file are needed only then
        line += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
      }
      last = piece.back();
      importer->Feed(piece);
      if (progress) {
        err << "\rsynlig ads: read " << (importer->bytes_fed() >> 20) << " of " << (total >> 20)
            << " MB" << std::flush;
      }
    }
    if (in.bad()) return synlig::Fail(ErrorCode::kUnavailable, "reading '" + path + "' failed");
    if (last != '\n') {
      importer->Feed("\n");
      ++line;
    }
  }
  if (progress) err << "\r\033[K" << std::flush;
  out.result = importer->Finish();
  return out;
}

// The bad lines (by file and line when there are several files) and the totals.
void ReportReading(const ads::ReadSummary& s, const std::vector<std::string>& files,
                   const std::vector<std::size_t>& first_line, std::ostream& err) {
  for (std::size_t i = 0; i < s.errors.size() && i < kMaxPrintedErrors; ++i) {
    const ads::LineError& e = s.errors[i];
    err << "synlig ads: ";
    if (files.size() > 1) {
      const auto k = static_cast<std::size_t>(
          std::upper_bound(first_line.begin(), first_line.end(), e.line) - first_line.begin() -
          1);
      err << files[k] << ": line " << (e.line - first_line[k] + 1);
    } else {
      err << "line " << e.line;
    }
    err << ": " << e.reason << "\n";
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

// How many image files named in the ads were hashed, and how many not (and why not).
void ReportImages(const ads::Corpus& corpus, std::ostream& err) {
  std::uint64_t read = 0;
  std::uint64_t unread = 0;
  for (const ads::ExtractedAd& ad : corpus.ads) {
    read += ad.images_read;
    unread += ad.images_unread;
  }
  if (read + unread == 0) return;
  err << "synlig ads: image files: " << read << " hashed, " << unread << " not read";
  if (unread > 0) {
    err << (ImageHashingBuilt() ? " (missing, over 32 MB, or not a JPEG, PNG or WebP image)"
                                : " (this build has no image hashing: OpenCV img_hash)");
  }
  err << "\n";
}

std::string AssignmentsCsv(const ads::Corpus& corpus, const ads::Linking& linking) {
  std::string csv = "ad_id,advertiser_id,network_id\n";
  for (std::size_t i = 0; i < corpus.ads.size(); ++i) {
    csv += synlig::CsvField(corpus.ads[i].ad_id) + "," + std::to_string(linking.advertiser[i] + 1) + "," +
           std::to_string(linking.network[i] + 1) + "\n";
  }
  return csv;
}

void PrintCountsText(const ads::RoundCounts& c, const ads::IndicatorRules& rules,
                     std::ostream& out) {
  out << "ads            " << c.ads << " read, " << c.unique_ads << " unique, " << c.reposts
      << " re-posts\n"
      << "advertisers    " << std::min(c.advertisers_phone_only, c.advertisers_all_links) << "-"
      << std::max(c.advertisers_phone_only, c.advertisers_all_links)
      << "  (phone links only: " << c.advertisers_phone_only
      << ", all links: " << c.advertisers_all_links << ")\n"
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

int PrintEvaluation(const Flags& f, const ads::Corpus& corpus, const ads::Linking& linking,
                    std::ostream& out, std::ostream& err) {
  auto [true_advertiser, true_network] = TruthLabels(corpus);
  if (true_advertiser.empty()) return Fail(err, "every ad needs _truth to evaluate linking");
  ads::PairScores a = ads::ScorePairs(linking.advertiser, true_advertiser);
  ads::PairScores n = ads::ScorePairs(linking.network, true_network);
  auto scores = [](const ads::PairScores& s) {
    return nlohmann::json{{"precision", s.precision},
                          {"recall", s.recall},
                          {"f1", s.f1},
                          {"true_pairs", s.true_pairs},
                          {"predicted_pairs", s.predicted_pairs}};
  };
  if (f.json) {
    out << nlohmann::json{{"ads", corpus.ads.size()},
                          {"advertisers", scores(a)},
                          {"networks", scores(n)}}
               .dump(2)
        << "\n";
    return kExitOk;
  }
  char line[200];
  std::snprintf(line, sizeof line,
                "advertisers  precision %.4f  recall %.4f  F1 %.4f\n"
                "networks     precision %.4f  recall %.4f  F1 %.4f\n",
                a.precision, a.recall, a.f1, n.precision, n.recall, n.f1);
  out << line;
  return kExitOk;
}

}  // namespace

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

  auto read = LoadAds(f.files, *lexicon, f.threads, f.images_dir, err);
  if (!read) return Fail(err, read.error().message());
  ReportReading(read->result.summary, f.files, read->first_line, err);
  ReportImages(read->result.corpus, err);
  const ads::ImportResult& loaded = read->result;
  if (loaded.corpus.ads.empty()) {
    return Fail(err, f.files.size() == 1
                         ? "no ad could be read from '" + f.files[0] + "'"
                         : "no ad could be read from the " + std::to_string(f.files.size()) +
                               " files");
  }
  std::mt19937_64 rng(f.seed);
  ads::LinkOptions link_options;
  link_options.threads = f.threads;
  auto linking = ads::Link(loaded.corpus, link_options, rng);
  if (!linking) return Fail(err, linking.error().message());
  if (f.command == "evaluate") return PrintEvaluation(f, loaded.corpus, *linking, out, err);

  const ads::RoundCounts counts =
      ads::AnalyzeRound(loaded.corpus, *linking, *rules, f.threads).counts;
  if (!f.assignments.empty()) {
    if (auto ok = WriteFile(f.assignments, AssignmentsCsv(loaded.corpus, *linking)); !ok) {
      return Fail(err, ok.error().message());
    }
  }
  if (!f.captures.empty()) {
    auto csv = ads::CaptureHistoryCsv(counts);
    if (!csv) return Fail(err, csv.error().message());
    if (auto ok = WriteFile(f.captures, *csv); !ok) return Fail(err, ok.error().message());
  }
  if (f.json) {
    out << ads::CountsReportJson(counts, loaded.summary, *linking, *rules) << "\n";
  } else {
    PrintCountsText(counts, *rules, out);
  }
  return kExitOk;
}

}  // namespace synlig::app::ads_cli
