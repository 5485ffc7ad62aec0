// Steps of the online-ad analysis one at a time. The text steps of the extraction on the titles
// and texts of 10,000 hard-profile synthetic ads (seed 2025): the normal form, the word split,
// the lexicon phrase walk, the shingle hashes and the free-text phone scan (its candidates
// refused, so that libphonenumber's cost is left out); each handles all the ads once an
// iteration. The LSH candidate pairs of the linking on the shingle sets of 100,000 such ads,
// on one thread.
//   build/bench/bench/ads_steps_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "candidate_pairs.h"
#include "phrase_matcher.h"
#include "shingles.h"
#include "synlig/ads/lexicon.h"
#include "synlig/ads/synth.h"
#include "text.h"
#include "text_phones.h"

namespace {

namespace ads = synlig::ads;
namespace internal = synlig::ads::internal;

struct Texts {
  std::vector<std::string> titles;
  std::vector<std::string> texts;
  std::vector<std::string> normal;  // title and text in normal form
};

Texts Generate(std::size_t n) {
  Texts t;
  std::mt19937_64 rng(2025);
  const auto status =
      ads::GenerateAds({.ads = n, .profile = ads::SynthProfile::kHard}, rng, [&](ads::Ad&& ad) {
        t.titles.push_back(ad.title);
        t.texts.push_back(ad.text);
      });
  if (!status) std::abort();
  for (std::size_t i = 0; i < t.texts.size(); ++i) {
    std::string normal;
    internal::AppendNormalized(t.titles[i], normal);
    internal::AppendNormalized(t.texts[i], normal);
    t.normal.push_back(std::move(normal));
  }
  return t;
}

const Texts& Sample() {
  static const Texts texts = Generate(10000);
  return texts;
}

const ads::Lexicon& Lexicon() {
  static const ads::Lexicon lexicon = [] {
    auto l = ads::DefaultLexicon();
    if (!l) std::abort();
    return *l;
  }();
  return lexicon;
}

void SetItems(benchmark::State& state, const Texts& t) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.texts.size()));
}

void BM_NormalForm(benchmark::State& state) {
  const Texts& t = Sample();
  std::string out;
  for (auto _ : state) {
    for (std::size_t i = 0; i < t.texts.size(); ++i) {
      out.clear();
      internal::AppendNormalized(t.titles[i], out);
      internal::AppendNormalized(t.texts[i], out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetItems(state, t);
}
BENCHMARK(BM_NormalForm);

void BM_SplitWords(benchmark::State& state) {
  const Texts& t = Sample();
  std::vector<std::string_view> words;
  for (auto _ : state) {
    for (const std::string& normal : t.normal) {
      internal::SplitWords(normal, words);
      benchmark::DoNotOptimize(words.data());
    }
  }
  SetItems(state, t);
}
BENCHMARK(BM_SplitWords);

void BM_PhraseWalk(benchmark::State& state) {
  const Texts& t = Sample();
  internal::PhraseMatcher features;
  for (int f = 0; f < ads::kFeatureCount; ++f) {
    for (const std::string& p : Lexicon().features[static_cast<std::size_t>(f)]) {
      features.Add(p, static_cast<std::uint32_t>(f));
    }
  }
  features.Build();
  std::vector<std::vector<std::string_view>> words(t.normal.size());
  for (std::size_t i = 0; i < t.normal.size(); ++i) internal::SplitWords(t.normal[i], words[i]);
  for (auto _ : state) {
    for (std::size_t i = 0; i < t.normal.size(); ++i) {
      std::uint32_t found = 0;
      features.MatchAtWordStarts(t.normal[i], words[i], [&](std::uint32_t f) { found |= 1u << f; });
      benchmark::DoNotOptimize(found);
    }
  }
  SetItems(state, t);
}
BENCHMARK(BM_PhraseWalk);

void BM_Shingles(benchmark::State& state) {
  const Texts& t = Sample();
  std::vector<std::vector<std::string_view>> words(t.normal.size());
  for (std::size_t i = 0; i < t.normal.size(); ++i) internal::SplitWords(t.normal[i], words[i]);
  std::vector<std::uint32_t> shingles;
  std::vector<std::uint32_t> scratch;
  for (auto _ : state) {
    for (const auto& w : words) {
      internal::HashShingles(w, 3, shingles, scratch);
      benchmark::DoNotOptimize(shingles.data());
    }
  }
  SetItems(state, t);
}
BENCHMARK(BM_Shingles);

void BM_TextPhoneScan(benchmark::State& state) {
  const Texts& t = Sample();
  internal::TextPhoneFinder finder(Lexicon().digit_words);
  std::size_t candidates = 0;
  const std::function<bool(const std::string&)> refuse = [&](const std::string&) {
    ++candidates;
    return false;
  };
  for (auto _ : state) {
    for (std::size_t i = 0; i < t.texts.size(); ++i) {
      benchmark::DoNotOptimize(finder.Find(t.titles[i], refuse));
      benchmark::DoNotOptimize(finder.Find(t.texts[i], refuse));
    }
  }
  benchmark::DoNotOptimize(candidates);
  SetItems(state, t);
}
BENCHMARK(BM_TextPhoneScan);

void BM_CandidatePairs(benchmark::State& state) {
  static const std::vector<std::vector<std::uint32_t>> shingles = [] {
    const Texts t = Generate(100000);
    std::vector<std::vector<std::uint32_t>> out(t.normal.size());
    std::vector<std::string_view> words;
    std::vector<std::uint32_t> scratch;
    for (std::size_t i = 0; i < t.normal.size(); ++i) {
      internal::SplitWords(t.normal[i], words);
      internal::HashShingles(words, 3, out[i], scratch);
    }
    return out;
  }();
  std::vector<const std::vector<std::uint32_t>*> sets;
  for (const auto& s : shingles) sets.push_back(&s);
  internal::LshOptions options;  // the linking's: 16 bands of 4 rows, buckets over 64 sampled
  std::uint64_t pairs = 0;
  for (auto _ : state) {
    std::mt19937_64 rng(1);
    pairs = internal::FindCandidatePairs(sets, options, rng).count;
    benchmark::DoNotOptimize(pairs);
  }
  state.counters["pairs"] = static_cast<double>(pairs);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sets.size()));
}
BENCHMARK(BM_CandidatePairs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
