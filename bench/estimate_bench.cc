// Benchmarks of libs/estimate on the shared MSE datasets, with the settings of the R packages'
// timings in tests/data/mse/reference_results.json. Process CPU time is what to compare.
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>

#include "synlig/estimate/bootstrap.h"
#include "synlig/estimate/closedp.h"
#include "synlig/estimate/dga.h"
#include "synlig/estimate/latent_class.h"
#include "synlig/estimate/model_search.h"
#include "synlig/estimate/stepwise.h"

namespace {

using synlig::estimate::CaptureTable;

CaptureTable Load(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/mse/" + name + ".csv");
  std::stringstream text;
  text << in.rdbuf();
  auto table = synlig::estimate::ParseCaptureCsv(text.str());
  if (!table) std::abort();
  return *std::move(table);
}

void BM_Closedp(benchmark::State& state, const std::string& name) {
  CaptureTable table = Load(name);
  for (auto _ : state) benchmark::DoNotOptimize(synlig::estimate::ClosedPopulationModels(table));
}
BENCHMARK_CAPTURE(BM_Closedp, uk2013_5lists, std::string("uk2013_5lists"));
BENCHMARK_CAPTURE(BM_Closedp, neworleans_8lists, std::string("neworleans_8lists"));

void BM_Stepwise(benchmark::State& state, const std::string& name) {
  CaptureTable table = Load(name);
  for (auto _ : state) benchmark::DoNotOptimize(synlig::estimate::StepwiseSelect(table, {}));
}
BENCHMARK_CAPTURE(BM_Stepwise, uk2013_5lists, std::string("uk2013_5lists"));
BENCHMARK_CAPTURE(BM_Stepwise, neworleans_8lists, std::string("neworleans_8lists"));

// All 32,768 pairwise models of 6 lists (goal: under 1 s); arg = threads.
void BM_BicSearch(benchmark::State& state, const std::string& name) {
  CaptureTable table = Load(name);
  synlig::estimate::ModelSearchOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.max_order = synlig::estimate::DefaultMaxOrder(table.num_lists());
  for (auto _ : state) benchmark::DoNotOptimize(synlig::estimate::SearchModels(table, options));
}
BENCHMARK_CAPTURE(BM_BicSearch, uk2013_6lists, std::string("uk2013_6lists"))
    ->Arg(1)->Arg(2)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BicSearch, uk2013_5lists_order3, std::string("uk2013_5lists"))
    ->Arg(2)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

// Stepwise + 1,000-replicate BCa bootstrap with re-selection (SparseMSE estimatepopulation,
// nboot = 1000: 764 CPU-s in R for New Orleans 8 lists); arg = threads.
void BM_StepwiseBootstrap(benchmark::State& state, const std::string& name) {
  CaptureTable table = Load(name);
  synlig::estimate::BootstrapOptions options;
  options.replicates = 1000;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::mt19937_64 rng(1234);
    benchmark::DoNotOptimize(synlig::estimate::StepwiseBootstrap(table, options, rng));
  }
}
BENCHMARK_CAPTURE(BM_StepwiseBootstrap, neworleans_8lists, std::string("neworleans_8lists"))
    ->Arg(1)->Arg(2)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_StepwiseBootstrap, uk2013_5lists, std::string("uk2013_5lists"))
    ->Arg(2)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_StepwiseBootstrap, netherlands_6lists, std::string("netherlands_6lists"))
    ->Arg(2)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kSecond);

// dga bma.cr with the reference grid (uk2013_5lists: Nmax 109,760, 7.99 CPU-s in R;
// netherlands_5lists: Nmax 1,317,440, 5.82 CPU-s in R).
void BM_Dga(benchmark::State& state, const std::string& name, std::int64_t max_missing) {
  CaptureTable table = Load(name);
  for (auto _ : state) {
    benchmark::DoNotOptimize(synlig::estimate::DecomposableBma(table, {.max_missing = max_missing}));
  }
}
BENCHMARK_CAPTURE(BM_Dga, uk2013_5lists, std::string("uk2013_5lists"), 109760)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Dga, netherlands_5lists, std::string("netherlands_5lists"), 1317440)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Dga, neworleans_5lists, std::string("neworleans_5lists"), 29600)
    ->Unit(benchmark::kMillisecond);

// One LCMCR-sized chain: K = 10, 10,000 burn-in + 1,000 × 100 thinned = 110,000 iterations
// (LCMCR's compiled sampler: 1.56 CPU-s on uk2013_5lists, 2.09 on neworleans_8lists).
void BM_LatentClassChain(benchmark::State& state, const std::string& name) {
  CaptureTable table = Load(name);
  synlig::estimate::LatentClassOptions options;
  options.chains = 1;
  options.threads = 1;
  for (auto _ : state) {
    std::mt19937_64 rng(1234);
    benchmark::DoNotOptimize(synlig::estimate::SampleLatentClass(table, options, rng));
  }
}
BENCHMARK_CAPTURE(BM_LatentClassChain, uk2013_5lists, std::string("uk2013_5lists"))
    ->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK_CAPTURE(BM_LatentClassChain, neworleans_8lists, std::string("neworleans_8lists"))
    ->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
