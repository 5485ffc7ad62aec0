// Tests of the round counts and of the capture-history CSV (read back by libs/estimate).
#include "synlig/ads/counts.h"

#include <gtest/gtest.h>

#include <chrono>

#include "synlig/estimate/capture_table.h"

namespace synlig::ads {
namespace {

std::int32_t Day(const char* ymd) {
  return static_cast<std::int32_t>(
      std::chrono::sys_days(*ParseDate(ymd)).time_since_epoch().count());
}

struct Fixture {
  Corpus corpus;
  Linking linking;
  IndicatorResult indicators;
  IndicatorRules rules;
  RoundCounts counts;

  void Add(const char* day, const char* id, std::vector<std::uint32_t> phones,
           std::uint64_t name, std::vector<std::uint32_t> shingles = {}) {
    ExtractedAd ad;
    ad.ad_id = id;
    ad.day = Day(day);
    ad.phones = std::move(phones);
    for (std::uint32_t p : ad.phones) {
      if (corpus.phone_hashes.size() <= p) corpus.phone_hashes.resize(p + 1, "h");
    }
    ad.name_hash = name;
    ad.shingles = std::move(shingles);
    corpus.ads.push_back(std::move(ad));
  }
  void Run() {
    std::mt19937_64 rng(1);
    linking = *Link(corpus, LinkOptions{}, rng);
    indicators = ScoreIndicators(corpus, linking, rules);
    counts = CountRound(corpus, linking, indicators, rules);
  }
};

std::vector<std::uint32_t> Words(std::uint32_t from, std::uint32_t n) {
  std::vector<std::uint32_t> v;
  for (std::uint32_t i = 0; i < n; ++i) v.push_back(from + i);
  return v;
}

TEST(CountRoundTest, CountsRawUniqueAndRepostsPerSiteAndDay) {
  Fixture f;
  f.corpus.sites = {"site-a"};
  f.corpus.cities = {"c"};
  f.corpus.gender_names = {"female"};
  f.corpus.region_names = {"sweden"};
  f.Add("2025-03-03", "1", {0}, 1, Words(0, 20));
  f.Add("2025-03-03", "1", {0}, 1, Words(0, 20));    // the same ad captured twice
  f.Add("2025-03-03", "2", {0}, 1, Words(0, 20));    // re-posted under a new id
  f.Add("2025-03-03", "3", {1}, 2, Words(100, 20));  // another advertiser
  f.Add("2025-03-10", "1", {0}, 1, Words(0, 20));    // still up a week later: not a re-post
  f.Add("2025-03-10", "4", {}, 0, Words(200, 20));   // no number
  f.Run();
  const RoundCounts& c = f.counts;
  ASSERT_EQ(c.site_days.size(), 2u);
  EXPECT_EQ(c.site_days[0].site, "site-a");
  EXPECT_EQ(FormatDate(c.site_days[0].day), "2025-03-03");
  EXPECT_EQ(c.site_days[0].raw_ads, 4u);
  EXPECT_EQ(c.site_days[0].unique_ads, 3u);
  EXPECT_EQ(c.site_days[0].reposts, 1u);
  EXPECT_EQ(c.site_days[0].advertisers, 2u);
  EXPECT_EQ(c.site_days[1].raw_ads, 2u);
  EXPECT_EQ(c.site_days[1].unique_ads, 2u);
  EXPECT_EQ(c.site_days[1].reposts, 0u);
  EXPECT_EQ(c.ads, 6u);
  EXPECT_EQ(c.unique_ads, 4u);
  EXPECT_EQ(c.advertisers_all_links, 3u);
  EXPECT_EQ(c.advertisers_phone_only, 3u);
  ASSERT_EQ(c.days.size(), 2u);
}

TEST(CountRoundTest, AdvertiserRangeStatedValuesAndNetworks) {
  Fixture f;
  f.corpus.sites = {"s"};
  f.corpus.cities = {"c"};
  f.corpus.gender_names = {"female", "male"};
  f.corpus.region_names = {"sweden", "eu_east"};
  // Advertiser A: two ads; B and C share a booking phone (one network of two advertisers).
  f.Add("2025-03-03", "1", {0}, 1);
  f.Add("2025-03-03", "2", {0}, 1);
  f.Add("2025-03-03", "3", {1, 9}, 2);
  f.Add("2025-03-03", "4", {2, 9}, 3);
  f.corpus.ads[0].gender = 0;
  f.corpus.ads[0].age = 16;
  f.corpus.ads[1].age = 16;
  f.corpus.ads[0].region = 1;
  f.corpus.ads[0].nationality_stated = true;
  f.corpus.ads[2].nationality_stated = true;  // stated, but in no known region
  f.corpus.ads[2].age = 52;
  f.corpus.ads[3].features = 1u << static_cast<unsigned>(Feature::kHotel);
  f.Run();
  const RoundCounts& c = f.counts;
  EXPECT_EQ(c.advertisers_all_links, 3u);
  EXPECT_EQ(c.advertisers_phone_only, 2u);  // the booking phone joins B and C
  EXPECT_EQ(c.networks, 2u);
  EXPECT_EQ(c.networks_with_several_advertisers, 1u);
  EXPECT_EQ(c.largest_network, 2u);
  EXPECT_EQ(c.network_sizes[0], 1u);
  EXPECT_EQ(c.network_sizes[1], 1u);
  EXPECT_EQ(c.gender[0].count, 1u);                  // female
  EXPECT_EQ(c.gender.back().name, "not_stated");
  EXPECT_EQ(c.gender.back().count, 2u);
  EXPECT_EQ(c.age_bands[1], 1u);  // 15-17
  EXPECT_EQ(c.age_bands[5], 1u);  // 50+
  EXPECT_EQ(c.age_bands[6], 1u);  // not stated
  EXPECT_EQ(c.nationality[1].name, "eu_east");
  EXPECT_EQ(c.nationality[1].count, 1u);
  EXPECT_EQ(c.nationality[2].name, "other_stated");
  EXPECT_EQ(c.nationality[2].count, 1u);
  EXPECT_EQ(c.nationality[3].count, 1u);  // not stated
  EXPECT_EQ(c.arenas[2].name, "hotel");
  EXPECT_EQ(c.arenas[2].count, 1u);
  // B and C: their booking phone is under two names.
  std::size_t names = static_cast<std::size_t>(Indicator::kPhoneManyNames);
  EXPECT_EQ(c.ads_with_indicator[names], 2u);
  EXPECT_EQ(c.advertisers_with_indicator[names], 2u);
  // Stated nationality is an indicator too: ads 0 (nationality), 1 (none), 2 (phone and
  // nationality), 3 (phone).
  EXPECT_EQ(c.ads_by_indicator_count, (std::array<std::uint64_t, 4>{1, 2, 1, 0}));
  EXPECT_EQ(c.advertisers_by_indicator_count, (std::array<std::uint64_t, 4>{0, 2, 1, 0}));
}

TEST(CaptureHistoryTest, WritesEveryPatternReadableByEstimate) {
  Fixture f;
  f.corpus.sites = {"s"};
  f.corpus.cities = {"c"};
  f.Add("2025-03-03", "1", {0}, 1);  // A on days 1, 2
  f.Add("2025-03-10", "2", {0}, 1);
  f.Add("2025-03-10", "3", {1}, 2);  // B on day 2
  f.Add("2025-03-17", "4", {2}, 3);  // C on day 3
  f.Add("2025-03-03", "5", {3}, 4);  // D on days 1, 3
  f.Add("2025-03-17", "6", {3}, 4);
  f.Run();
  auto csv = CaptureHistoryCsv(f.counts);
  ASSERT_TRUE(csv) << csv.error().ToString();
  EXPECT_EQ(*csv,
            "2025-03-03,2025-03-10,2025-03-17,count\n"
            "0,0,1,1\n"
            "0,1,0,1\n"
            "0,1,1,0\n"
            "1,0,0,0\n"
            "1,0,1,1\n"
            "1,1,0,1\n"
            "1,1,1,0\n");
  auto table = estimate::ParseCaptureCsv(*csv);
  ASSERT_TRUE(table) << table.error().ToString();
  EXPECT_EQ(table->num_lists(), 3);
  EXPECT_EQ(table->n_observed(), 4);
  EXPECT_EQ(table->ListTotal(0), 2);  // A and D on the first day
}

TEST(CaptureHistoryTest, NeedsTwoToSixteenDays) {
  Fixture f;
  f.corpus.sites = {"s"};
  f.corpus.cities = {"c"};
  f.Add("2025-03-03", "1", {0}, 1);
  f.Run();
  auto csv = CaptureHistoryCsv(f.counts);
  ASSERT_FALSE(csv);
  EXPECT_EQ(csv.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace synlig::ads
