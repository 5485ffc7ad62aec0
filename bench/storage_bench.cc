// Storage throughput: Submit of a response with three entries (SQLite with synchronous=full
// and =normal; PostgreSQL too when SYNLIG_TEST_PG names a server), and LoadSubmittedEntries
// over 10,000 entries. CPU time is what the process spends; real time adds the fsync.
//   build/bench/storage_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "synlig/storage/database.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

constexpr std::int64_t kNow = 1'750'000'000;

// A fresh database with one unit and one open round, removed when done.
class Fixture {
 public:
  // `url` empty: a temporary SQLite file.
  Fixture(const std::string& synchronous, bool postgres) {
    OpenOptions options;
    options.sqlite_synchronous = synchronous;
    if (postgres) {
      server_ = std::getenv("SYNLIG_TEST_PG");
      schema_ = "synlig_bench_" + std::to_string(::getpid()) + "_" + std::to_string(++count_);
      auto url = testing::CreateScratchSchema(server_, schema_);
      if (!url) Die(url.error());
      url_ = *url;
    } else {
      path_ =
          (std::filesystem::temp_directory_path() /
           ("synlig_bench_" + std::to_string(::getpid()) + "_" + std::to_string(++count_) + ".db"))
              .string();
      url_ = path_;
    }
    auto db = Open(url_, options);
    if (!db) Die(db.error());
    db_ = *std::move(db);
    Unit unit;
    unit.name = "Enhet";
    unit_ = Check(db_->units().Create(unit));
    Round round;
    round.name = "Bench";
    round.period = Period{*ParseDate("2025-01-01"), *ParseDate("2025-06-30")};
    round.unit_ids = {unit_};
    round_ = Check(db_->rounds().Create(round));
    Check(db_->rounds().Transition(round_, RoundState::kDraft, RoundState::kOpen, kNow));
  }
  ~Fixture() {
    db_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    }
    if (!schema_.empty()) (void)testing::DropScratchSchema(server_, schema_);
  }

  Database& db() { return *db_; }
  Id NewLink() {
    ++links_;
    return Check(
        db_->responses().CreateLink(round_, unit_, "hash-" + std::to_string(links_), "link", kNow));
  }
  Id round() const { return round_; }

  template <typename T>
  static T Check(Result<T> r) {
    if (!r) Die(r.error());
    return *std::move(r);
  }
  static void Check(const Status& s) {
    if (!s) Die(s.error());
  }

 private:
  [[noreturn]] static void Die(const Error& e) {
    std::fprintf(stderr, "storage_bench: %s\n", e.ToString().c_str());
    std::exit(1);
  }
  static inline int count_ = 0;
  std::string path_, url_, server_, schema_;
  std::unique_ptr<Database> db_;
  Id unit_ = 0, round_ = 0;
  int links_ = 0;
};

std::vector<PersonEntry> ThreeEntries(int i) {
  std::vector<PersonEntry> entries(3);
  const char* genders[] = {"woman", "man", "unknown"};
  const char* ages[] = {"15_17", "18_24", "25_34"};
  for (int k = 0; k < 3; ++k) {
    PersonEntry& e = entries[k];
    e.answers.values["gender"] = {genders[k]};
    e.answers.values["age_band"] = {ages[k]};
    e.answers.values["forms"] = {"sells_sex", "trafficking_possible"};
    e.answers.values["arenas"] = {"internet_ads", "hotel"};
    e.answers.values["location"] = {"in_municipality"};
    e.match_hash = std::string(64, static_cast<char>('a' + (i + k) % 6));
    e.has_match_key = true;
  }
  return entries;
}

void Submit(benchmark::State& state, const std::string& synchronous, bool postgres) {
  if (postgres && std::getenv("SYNLIG_TEST_PG") == nullptr) {
    state.SkipWithError("SYNLIG_TEST_PG is not set");
    return;
  }
  Fixture f(synchronous, postgres);
  int i = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Id response = f.NewLink();
    std::vector<PersonEntry> entries = ThreeEntries(i++);
    state.ResumeTiming();
    Fixture::Check(f.db().responses().Submit(response, survey::MetAnyone::kYes, entries, kNow));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_SubmitSqliteFull(benchmark::State& state) { Submit(state, "full", false); }
void BM_SubmitSqliteNormal(benchmark::State& state) { Submit(state, "normal", false); }
void BM_SubmitPostgres(benchmark::State& state) { Submit(state, "full", true); }

void BM_LoadSubmittedEntries10k(benchmark::State& state) {
  Fixture f("normal", false);
  for (int i = 0; i < 10'000 / 4; ++i) {
    std::vector<PersonEntry> entries = ThreeEntries(i);
    entries.push_back(entries.front());
    Fixture::Check(f.db().responses().Submit(f.NewLink(), survey::MetAnyone::kYes, entries, kNow));
  }
  std::size_t rows = 0;
  for (auto _ : state) {
    auto loaded = Fixture::Check(f.db().responses().LoadSubmittedEntries(f.round()));
    rows = loaded.size();
    benchmark::DoNotOptimize(loaded);
  }
  state.counters["entries"] = static_cast<double>(rows);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
}

BENCHMARK(BM_SubmitSqliteFull)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitSqliteNormal)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitPostgres)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadSubmittedEntries10k)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace synlig::storage

BENCHMARK_MAIN();
