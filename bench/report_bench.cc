// Council report benchmark: a SQLite store with one closed round of N person entries (default
// 10,000, from 500 responses, synthetic answers), then what `synlig report` does for every
// format — load the round (audit event, entries, status, estimate with the sectors as lists),
// build the report (tables, disclosure control), render — timed per phase, wall and CPU; then
// what publication does (CouncilReportExporter: one load and build, all five renderers).
//   report_bench [N] [DIR]   (DIR: where the store is made, default a temporary directory)
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "report_exporter.h"
#include "report_loader.h"
#include "synlig/core/clock.h"
#include "synlig/report/render.h"
#include "synlig/storage/database.h"
#include "synlig/survey/questionnaire.h"

namespace {

using namespace synlig;

struct Stamp {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = Cpu();
  static double Cpu() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  double Wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double CpuSince() const { return Cpu() - cpu; }
};

[[noreturn]] void Die(const Error& e) {
  std::fprintf(stderr, "report_bench: %s\n", e.ToString().c_str());
  std::exit(1);
}

template <typename T>
T Must(Result<T> r) {
  if (!r) Die(r.error());
  return *std::move(r);
}
void Must(Status s) {
  if (!s) Die(s.error());
}

survey::EntryAnswers Answers(std::mt19937_64& rng) {
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  auto pick = [&](std::vector<std::string> v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  survey::EntryAnswers a;
  a.values["gender"] = {chance(0.75) ? "woman" : pick({"man", "other", "unknown"})};
  a.values["age_band"] = {chance(0.7) ? pick({"18_24", "25_34"})
                                      : pick({"under_15", "15_17", "35_49", "50_plus"})};
  std::vector<std::string> forms;
  for (auto [code, p] : std::vector<std::pair<std::string, double>>{{"sells", 0.7},
                                                                    {"buys", 0.15},
                                                                    {"sexual_self_harm", 0.1},
                                                                    {"trafficking_possible", 0.08},
                                                                    {"trafficking_confirmed", 0.03},
                                                                    {"procuring", 0.03}}) {
    if (chance(p)) forms.push_back(code);
  }
  if (forms.empty()) forms.push_back("sells");
  a.values["forms"] = forms;
  std::vector<std::string> arenas;
  for (auto [code, p] : std::vector<std::pair<std::string, double>>{
           {"internet_ads", 0.6}, {"social_media_apps", 0.3}, {"street", 0.05}, {"hotel", 0.05}}) {
    if (chance(p)) arenas.push_back(code);
  }
  if (!arenas.empty()) a.values["arenas"] = arenas;
  a.values["location"] = {chance(0.8) ? "in_municipality" : pick({"elsewhere", "both"})};
  if (chance(0.3)) a.values["control_signs"] = {pick({"debt_bondage", "takes_earnings", "none"})};
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2])
                                       : std::filesystem::temp_directory_path() /
                                             ("synlig-report-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "bench.db").string();
  std::filesystem::remove(path);

  // The store: 20 units over every sector, one round, 500 responses of N/500 entries each.
  Stamp setup;
  storage::OpenOptions options;
  options.sqlite_synchronous = "normal";
  auto db = Must(storage::Open(path, options));
  std::vector<storage::Id> units;
  for (int u = 0; u < 20; ++u) {
    storage::Unit unit;
    unit.name = "Enhet " + std::to_string(u);
    unit.sector = kAllSectors[static_cast<std::size_t>(u) % kAllSectors.size()];
    units.push_back(Must(db->units().Create(unit)));
  }
  storage::Round round;
  round.name = "Kartläggning (benchmark)";
  round.period =
      Must(MakePeriod(std::chrono::year(2025) / 1 / 1, std::chrono::year(2025) / 12 / 31));
  round.unit_ids = units;
  const storage::Id id = Must(db->rounds().Create(round));
  const std::int64_t now = 1'760'000'000;
  Must(db->rounds().Transition(id, storage::RoundState::kDraft, storage::RoundState::kOpen, now));
  std::mt19937_64 rng(2025);
  const int responses = 500;
  const int persons = n * 2 / 3;  // so matching merges about a third of the entries
  for (int r = 0; r < responses; ++r) {
    storage::Id link =
        Must(db->responses().CreateLink(id, units[static_cast<std::size_t>(r) % units.size()],
                                        "token-" + std::to_string(r), "länk", now));
    std::vector<storage::PersonEntry> entries;
    for (int e = r * n / responses; e < (r + 1) * n / responses; ++e) {
      storage::PersonEntry entry;
      entry.answers = Answers(rng);
      entry.has_match_key = true;
      entry.match_hash = "p" + std::to_string(std::uniform_int_distribution<int>(0, persons)(rng));
      entries.push_back(std::move(entry));
    }
    Must(db->responses().Submit(link, survey::MetAnyone::kYes, entries, now));
  }
  Must(db->rounds().Transition(id, storage::RoundState::kOpen, storage::RoundState::kClosed, now));
  std::printf("store: %d entries in %d responses, made in %.2f s\n", n, responses, setup.Wall());

  FakeClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(now))};
  double total_wall = 0, total_cpu = 0;
  std::printf("%-8s %10s %10s %10s %10s %12s\n", "format", "load s", "build s", "render s",
              "total s", "bytes");
  for (report::Format f : {report::Format::kHtml, report::Format::kPdf, report::Format::kDocx,
                           report::Format::kXlsx, report::Format::kCsv}) {
    Stamp all;
    app::ReportLoadOptions load;
    load.audit_detail = "benchmark";
    auto loaded = Must(app::LoadReport(*db, clock, id, load));
    const double t_load = all.Wall();
    loaded.inputs.generated_on = std::chrono::year(2026) / 3 / 1;
    Stamp build;
    auto report = Must(report::BuildReport(loaded.inputs));
    const double t_build = build.Wall();
    Stamp render;
    auto bytes = Must(report::Render(report, f, report::Language::kSv));
    const double t_render = render.Wall();
    total_wall += all.Wall();
    total_cpu += all.CpuSince();
    std::printf("%-8s %10.3f %10.3f %10.3f %10.3f %12zu\n",
                std::string(report::FormatName(f)).c_str(), t_load, t_build, t_render, all.Wall(),
                bytes.size());
  }
  std::printf("all five formats: %.2f s wall, %.2f s CPU (target < 3 s)\n", total_wall, total_cpu);
  // What publication does: one load, one build, the five renderers.
  Stamp publish;
  app::CouncilReportExporter exporter(clock);
  auto round_now = Must(db->rounds().Find(id));
  auto files = Must(exporter.Export(*db, round_now, {}));
  std::size_t stored = 0;
  for (const auto& file : files) stored += file.bytes.size();
  std::printf(
      "publication (one load and build, five renders): %.2f s wall, %.2f s CPU, %zu files, "
      "%zu bytes\n",
      publish.Wall(), publish.CpuSince(), files.size(), stored);
  if (argc <= 2) std::filesystem::remove_all(dir);
  return 0;
}
