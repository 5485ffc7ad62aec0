// Storage throughput: Submit of a response with three entries (SQLite with synchronous=full
// and =normal; PostgreSQL too when SYNLIG_TEST_PG names a server), from one thread and from 8
// at once (group commit), and LoadSubmittedEntries over 10,000 entries. CPU time is what the
// process spends; real time adds the fsync.
//   build/bench/storage_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

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

  // Closes the database and opens it again with `options` (for a setting other than the one
  // the fixture was built with).
  void Reopen(const OpenOptions& options) {
    db_.reset();
    auto db = Open(url_, options);
    if (!db) Die(db.error());
    db_ = *std::move(db);
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

// 8 threads submit at once, as HTTP workers do when many respondents send at the same time.
// Links are made beforehand (with synchronous=normal, to keep the set-up short); the database
// is then opened with `synchronous` and the group commit bound state.range(0) (1: every
// submit is a commit of its own, as before group commit). Counter writes/batch: how many
// submits shared a commit on average.
void SubmitConcurrently(benchmark::State& state, const std::string& synchronous) {
  static std::unique_ptr<Fixture> f;
  static std::vector<Id> links;
  static std::int64_t batches_before = 0, writes_before = 0;
  const auto per_thread = static_cast<std::size_t>(state.max_iterations);
  if (state.thread_index() == 0) {
    f = std::make_unique<Fixture>("normal", false);
    links.clear();
    for (std::size_t i = 0; i < per_thread * static_cast<std::size_t>(state.threads()); ++i) {
      links.push_back(f->NewLink());
    }
    OpenOptions options;
    options.sqlite_synchronous = synchronous;
    options.sqlite_max_write_batch = static_cast<int>(state.range(0));
    f->Reopen(options);
    auto stats = Fixture::Check(testing::GetWriteBatchStats(f->db()));
    batches_before = stats.batches;
    writes_before = stats.writes;
  }
  std::size_t next = static_cast<std::size_t>(state.thread_index()) * per_thread;
  int i = 0;
  for (auto _ : state) {
    Fixture::Check(f->db().responses().Submit(links[next++], survey::MetAnyone::kYes,
                                              ThreeEntries(i++), kNow));
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    auto stats = Fixture::Check(testing::GetWriteBatchStats(f->db()));
    const auto batches = static_cast<double>(stats.batches - batches_before);
    state.counters["writes/batch"] =
        batches > 0 ? static_cast<double>(stats.writes - writes_before) / batches : 0.0;
    f.reset();
  }
}

void BM_SubmitSqliteFullConcurrent(benchmark::State& state) { SubmitConcurrently(state, "full"); }
void BM_SubmitSqliteNormalConcurrent(benchmark::State& state) {
  SubmitConcurrently(state, "normal");
}

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
BENCHMARK(BM_SubmitSqliteFullConcurrent)
    ->ArgName("max_batch")
    ->Arg(1)
    ->Arg(64)
    ->Threads(8)
    ->Iterations(250)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SubmitSqliteNormalConcurrent)
    ->ArgName("max_batch")
    ->Arg(1)
    ->Arg(64)
    ->Threads(8)
    ->Iterations(250)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadSubmittedEntries10k)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace synlig::storage

BENCHMARK_MAIN();
