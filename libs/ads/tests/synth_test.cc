// Tests of the synthetic generator (exact size, determinism, valid numbers, readable output)
// and the accuracy of linking on it: pairwise precision, recall and F1 of advertisers and
// networks against the ground truth, on both profiles.
#include "synlig/ads/synth.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <unordered_map>

#include "synlig/ads/counts.h"
#include "synlig/ads/counts_json.h"
#include "synlig/ads/extract.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/jsonl_reader.h"
#include "synlig/ads/link.h"

namespace synlig::ads {
namespace {

std::vector<std::string> Lines(std::size_t n, SynthProfile profile, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> lines;
  SynthOptions options;
  options.ads = n;
  options.profile = profile;
  EXPECT_TRUE(GenerateAds(options, rng, [&](Ad&& ad) { lines.push_back(FormatAdJson(ad)); }));
  return lines;
}

TEST(SynthTest, GivesExactlyTheAdsAskedForAndIsRepeatable) {
  auto a = Lines(500, SynthProfile::kHard, 11);
  auto b = Lines(500, SynthProfile::kHard, 11);
  auto c = Lines(500, SynthProfile::kHard, 12);
  EXPECT_EQ(a.size(), 500u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(Lines(1, SynthProfile::kEasy, 1).size(), 1u);
}

TEST(SynthTest, RejectsBadOptions) {
  std::mt19937_64 rng(1);
  auto sink = [](Ad&&) {};
  SynthOptions o;
  o.ads = 0;
  auto r = GenerateAds(o, rng, sink);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "ads");
  o = SynthOptions{};
  o.sample_days = 17;
  r = GenerateAds(o, rng, sink);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "sample_days");
  EXPECT_EQ(ParseSynthProfile("hard").value(), SynthProfile::kHard);
  EXPECT_EQ(ParseSynthProfile("medium").error().field(), "profile");
}

struct Accuracy {
  PairScores advertisers;
  PairScores networks;
  std::size_t invalid_phones = 0;
  std::size_t shown_phones = 0;
  std::size_t text_only_phones = 0;  // ads whose only readable number is in the text
};

Accuracy Measure(std::size_t n, SynthProfile profile, std::uint64_t seed) {
  Accuracy acc;
  std::vector<std::string> lines = Lines(n, profile, seed);
  SeededRandom key_random(seed);
  auto ex = Extractor::Create(*DefaultLexicon(), SecretKey::Generate(key_random));
  EXPECT_TRUE(ex);
  JsonlAdReader reader;
  std::vector<std::uint32_t> true_adv;
  std::vector<std::uint32_t> true_net;
  std::unordered_map<std::string, std::uint32_t> ids;
  auto id = [&](const std::string& s) {
    return ids.emplace(s, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  auto sink = [&](Ad&& ad) {
    const ExtractedAd& e = ex->Add(ad);
    acc.shown_phones += e.phones_shown;
    acc.invalid_phones += e.phones_invalid;
    if (e.phones_in_text > 0 && e.phones.size() == e.phones_in_text) ++acc.text_only_phones;
    true_adv.push_back(id(ad.truth->advertiser_id));
    true_net.push_back(id(ad.truth->network_id));
  };
  for (const std::string& line : lines) reader.Feed(line + "\n", sink);
  EXPECT_EQ(reader.summary().skipped, 0u);
  EXPECT_EQ(reader.summary().read, n);
  std::mt19937_64 rng(seed);
  auto linking = Link(ex->corpus(), LinkOptions{}, rng);
  EXPECT_TRUE(linking);
  acc.advertisers = ScorePairs(linking->advertiser, true_adv);
  acc.networks = ScorePairs(linking->network, true_net);
  std::printf("n=%zu profile=%s advertisers P=%.4f R=%.4f F1=%.4f | networks P=%.4f R=%.4f "
              "F1=%.4f | invalid phones %zu of %zu, %zu only in text | text links %llu "
              "blocked %llu\n",
              n, profile == SynthProfile::kHard ? "hard" : "easy", acc.advertisers.precision,
              acc.advertisers.recall, acc.advertisers.f1, acc.networks.precision,
              acc.networks.recall, acc.networks.f1, acc.invalid_phones, acc.shown_phones,
              acc.text_only_phones,
              static_cast<unsigned long long>(linking->stats.text_links),
              static_cast<unsigned long long>(linking->stats.blocked_text_links));
  return acc;
}

// An extractor holding `ads` hard-profile ads generated from seed.
Extractor HardCorpus(std::size_t ads, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  SeededRandom key_random(seed);
  auto ex = Extractor::Create(*DefaultLexicon(), SecretKey::Generate(key_random));
  EXPECT_TRUE(ex);
  SynthOptions options;
  options.ads = ads;
  options.profile = SynthProfile::kHard;
  EXPECT_TRUE(GenerateAds(options, rng, [&](Ad&& ad) { ex->Add(ad); }));
  return std::move(*ex);
}

TEST(SynthAccuracyTest, LinkingIsTheSameWhateverTheThreads) {
  Extractor ex = HardCorpus(3000, 8);
  LinkOptions one;
  LinkOptions three;
  three.threads = 3;
  std::mt19937_64 rng1(5);
  std::mt19937_64 rng3(5);
  auto a = Link(ex.corpus(), one, rng1);
  auto b = Link(ex.corpus(), three, rng3);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->advertiser, b->advertiser);
  EXPECT_EQ(a->network, b->network);
  EXPECT_EQ(a->template_cluster, b->template_cluster);
  EXPECT_EQ(a->content_group, b->content_group);
  EXPECT_EQ(a->flags, b->flags);
  EXPECT_GT(a->stats.text_links, 0u);
  EXPECT_EQ(a->stats.text_links, b->stats.text_links);
  EXPECT_EQ(a->stats.blocked_text_links, b->stats.blocked_text_links);
  EXPECT_EQ(a->stats.candidate_pairs, b->stats.candidate_pairs);
  EXPECT_EQ(a->stats.similar_pairs, b->stats.similar_pairs);
}

TEST(SynthAccuracyTest, AnalyzeRoundGivesWhatScoringAndCountingGive) {
  Extractor ex = HardCorpus(3000, 12);
  std::mt19937_64 link_rng(5);
  auto linking = Link(ex.corpus(), LinkOptions{}, link_rng);
  ASSERT_TRUE(linking);
  const IndicatorRules rules = *DefaultIndicatorRules();
  const IndicatorResult indicators = ScoreIndicators(ex.corpus(), *linking, rules);
  const RoundCounts counts = CountRound(ex.corpus(), *linking, indicators, rules);
  ASSERT_GT(counts.site_days.size(), 1u);
  const std::string want = CountsReportJson(counts, ReadSummary{}, *linking, rules, -1);
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    RoundAnalysis both = AnalyzeRound(ex.corpus(), *linking, rules, threads);
    EXPECT_EQ(both.indicators.ad_bits, indicators.ad_bits);
    EXPECT_EQ(both.indicators.ad_score, indicators.ad_score);
    EXPECT_EQ(both.indicators.advertiser_bits, indicators.advertiser_bits);
    EXPECT_EQ(both.counts.capture_patterns, counts.capture_patterns);
    EXPECT_EQ(CountsReportJson(both.counts, ReadSummary{}, *linking, rules, -1), want);
  }
}

TEST(SynthAccuracyTest, EasyProfileLinksAlmostPerfectly) {
  Accuracy acc = Measure(2000, SynthProfile::kEasy, 2025);
  EXPECT_EQ(acc.invalid_phones, 0u);  // every generated number reads back
  EXPECT_EQ(acc.text_only_phones, 0u);  // easy ads show their numbers in the phone field
  EXPECT_GE(acc.advertisers.f1, 0.97);
  EXPECT_GE(acc.networks.f1, 0.97);
}

TEST(SynthAccuracyTest, HardProfileReachesF1OfAtLeast095) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Accuracy acc = Measure(2000, SynthProfile::kHard, seed);
    EXPECT_GE(acc.advertisers.f1, 0.95) << "seed " << seed;
    EXPECT_GE(acc.networks.f1, 0.95) << "seed " << seed;
    EXPECT_GE(acc.advertisers.precision, 0.95) << "seed " << seed;
    EXPECT_GE(acc.networks.precision, 0.95) << "seed " << seed;
    EXPECT_GT(acc.text_only_phones, 2000u / 25) << "seed " << seed;  // about 7 % of ads
  }
}

}  // namespace
}  // namespace synlig::ads
