// Online-ad analysis benchmark: end to end on a hard-profile synthetic file — read, parse,
// extract (phones to keyed hashes), link, indicators, counts — with the time of each phase,
// the peak memory of the process and the linking accuracy against the file's ground truth.
//   ads_bench generate N FILE   write N hard-profile ads (seed 2025) to FILE
//   ads_bench run FILE [T [R]]  analyse FILE on T threads (default 2) and print the figures;
//                               link and count R times (default 1), showing the fastest
// bench/ads_bench.sh runs both at 10k, 100k (and 1M with --full) under /usr/bin/time -v.
#include <sys/resource.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>

#include "synlig/ads/counts.h"
#include "synlig/ads/extract.h"
#include "synlig/ads/import.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/link.h"
#include "synlig/ads/synth.h"
#include "synlig/core/crypto.h"

namespace {

// Wall and CPU time: on a shared machine the CPU time is the steadier figure.
struct Stamp {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  static double CpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
};
std::string Since(const Stamp& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%7.3f s wall %7.3f s CPU",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - s.wall).count(),
                Stamp::CpuSeconds() - s.cpu);
  return buf;
}

double Seconds(const Stamp& s) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - s.wall).count();
}

int Generate(std::size_t n, const char* path) {
  std::ofstream out(path, std::ios::binary);
  std::mt19937_64 rng(2025);
  synlig::ads::SynthOptions options;
  options.ads = n;
  options.profile = synlig::ads::SynthProfile::kHard;
  std::string line;
  auto ok = synlig::ads::GenerateAds(options, rng, [&](synlig::ads::Ad&& ad) {
    line = synlig::ads::FormatAdJson(ad);
    line.push_back('\n');
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  });
  out.close();
  if (!ok || !out) {
    std::fprintf(stderr, "ads_bench: cannot generate %s\n", path);
    return 1;
  }
  return 0;
}

int Run(const char* path, int threads, int repeat) {
  namespace ads = synlig::ads;
  if (!synlig::InitCrypto()) return 1;
  synlig::SystemRandom random;
  auto importer = ads::AdImporter::Create(*ads::DefaultLexicon(),
                                          synlig::SecretKey::Generate(random), threads);
  auto rules = ads::DefaultIndicatorRules();
  if (!importer || !rules) return 1;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "ads_bench: cannot read %s\n", path);
    return 1;
  }
  Stamp t0;
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  if (!size_error) importer->ExpectBytes(size);
  std::string chunk(4 << 20, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    importer->Feed(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  ads::ImportResult imported = importer->Finish();
  const std::string t_read = Since(t0);
  ads::Corpus& corpus = imported.corpus;
  const ads::ReadSummary& summary = imported.summary;

  // Linking and counting `repeat` times (the same result each time); the fastest is shown.
  std::string t_link;
  std::string t_count;
  double best_link = 1e300;
  double best_count = 1e300;
  std::optional<ads::Linking> linking;
  ads::IndicatorResult indicators;
  ads::RoundCounts counts;
  for (int r = 0; r < repeat; ++r) {
    Stamp t1;
    std::mt19937_64 rng(1);
    ads::LinkOptions link_options;
    link_options.threads = threads;
    auto linked = ads::Link(corpus, link_options, rng);
    if (!linked) return 1;
    linking = std::move(*linked);
    if (Seconds(t1) < best_link) {
      best_link = Seconds(t1);
      t_link = Since(t1);
    }
    Stamp t2;
    ads::RoundAnalysis analysis = ads::AnalyzeRound(corpus, *linking, *rules, threads);
    indicators = std::move(analysis.indicators);
    counts = std::move(analysis.counts);
    if (Seconds(t2) < best_count) {
      best_count = Seconds(t2);
      t_count = Since(t2);
    }
  }
  const std::string total = Since(t0);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("file               %s (%.1f MB), %d threads\n", path,
              static_cast<double>(importer->bytes_fed()) / 1e6, threads);
  std::printf("ads                %zu read, %zu skipped\n", summary.read, summary.skipped);
  std::printf("read+parse+extract %s\n", t_read.c_str());
  std::printf("link               %s  (%llu text pairs compared, %llu similar)\n",
              t_link.c_str(),
              static_cast<unsigned long long>(linking->stats.candidate_pairs),
              static_cast<unsigned long long>(linking->stats.similar_pairs));
  std::printf("indicators+counts  %s\n", t_count.c_str());
  std::printf("total              %s\n", total.c_str());
  std::printf("peak RSS           %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::vector<std::uint32_t> template_size(linking->template_clusters, 0);
  for (std::uint32_t t : linking->template_cluster) ++template_size[t];
  std::uint32_t largest_template = 0;
  for (std::uint32_t s : template_size) largest_template = std::max(largest_template, s);
  std::printf("template clusters  %u, largest %u ads\n", linking->template_clusters,
              largest_template);
  std::printf("advertisers        %llu-%llu, networks %llu\n",
              static_cast<unsigned long long>(counts.advertisers_all_links),
              static_cast<unsigned long long>(counts.advertisers_phone_only),
              static_cast<unsigned long long>(counts.networks));
  // Accuracy against the file's ground truth (outside the timed phases).
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::uint32_t> true_adv;
  std::vector<std::uint32_t> true_net;
  auto id = [&](const std::string& s) {
    return ids.emplace(s, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  for (const ads::ExtractedAd& ad : corpus.ads) {
    if (!ad.truth) break;
    true_adv.push_back(id("a" + ad.truth->advertiser_id));
    true_net.push_back(id("n" + ad.truth->network_id));
  }
  if (true_adv.size() == corpus.ads.size()) {
    ads::PairScores a = ads::ScorePairs(linking->advertiser, true_adv);
    ads::PairScores n = ads::ScorePairs(linking->network, true_net);
    std::printf("advertiser F1      %.4f (precision %.4f, recall %.4f)\n", a.f1, a.precision,
                a.recall);
    std::printf("network F1         %.4f (precision %.4f, recall %.4f)\n", n.f1, n.precision,
                n.recall);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "generate") {
    return Generate(std::stoul(argv[2]), argv[3]);
  }
  if (argc >= 3 && argc <= 5 && std::string(argv[1]) == "run") {
    return Run(argv[2], argc >= 4 ? std::stoi(argv[3]) : 2,
               argc == 5 ? std::max(1, std::stoi(argv[4])) : 1);
  }
  std::fprintf(stderr,
               "usage: ads_bench generate N FILE | ads_bench run FILE [THREADS [REPEAT]]\n");
  return 2;
}
