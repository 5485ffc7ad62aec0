// Tests of the indicator rules file and of each indicator on small hand-made corpora.
#include "synlig/ads/indicators.h"

#include <gtest/gtest.h>

namespace synlig::ads {
namespace {

ExtractedAd MakeAd(std::vector<std::uint32_t> phones, std::uint64_t name, std::uint32_t city = 0) {
  ExtractedAd ad;
  ad.ad_id = "x";
  ad.phones = std::move(phones);
  ad.name_hash = name;
  ad.city = city;
  return ad;
}

struct Scored {
  Linking linking;
  IndicatorResult result;
};

Scored Score(std::vector<ExtractedAd> ads, const IndicatorRules& rules = IndicatorRules{}) {
  Corpus corpus;
  corpus.sites = {"s"};
  corpus.cities = {"a", "b", "c", "d"};
  std::uint32_t max_phone = 0;
  for (const auto& ad : ads) {
    for (std::uint32_t p : ad.phones) max_phone = std::max(max_phone, p + 1);
  }
  corpus.phone_hashes.resize(max_phone, "h");
  for (std::size_t i = 0; i < ads.size(); ++i) ads[i].ad_id = std::to_string(i);
  corpus.ads = std::move(ads);
  std::mt19937_64 rng(1);
  Scored s;
  s.linking = *Link(corpus, LinkOptions{}, rng);
  s.result = ScoreIndicators(corpus, s.linking, rules);
  return s;
}

bool Has(const Scored& s, std::size_t ad, Indicator i) {
  return s.result.ad_bits[ad] & (1u << static_cast<unsigned>(i));
}

TEST(IndicatorRulesTest, DefaultsGiveWeightOneAndMovementZero) {
  auto rules = DefaultIndicatorRules();
  ASSERT_TRUE(rules) << rules.error().ToString();
  for (int i = 0; i < kIndicatorCount; ++i) {
    double expected = static_cast<Indicator>(i) == Indicator::kMovement ? 0.0 : 1.0;
    EXPECT_EQ(rules->weights[static_cast<std::size_t>(i)], expected)
        << IndicatorName(static_cast<Indicator>(i));
  }
  EXPECT_EQ(rules->phone_min_names, 2);
  EXPECT_EQ(rules->phone_min_cities, 3);
  EXPECT_EQ(rules->profile_min_phones, 3);
}

TEST(IndicatorRulesTest, ReadsWeightsAndThresholds) {
  auto rules = ParseIndicatorRules(
      "[youth]\nweight = 2.5\n[phone_many_cities]\nmin_cities = 4\n[movement]\nweight = 0",
      "r.toml");
  ASSERT_TRUE(rules) << rules.error().ToString();
  EXPECT_EQ(rules->weight(Indicator::kYouth), 2.5);
  EXPECT_EQ(rules->phone_min_cities, 4);
  EXPECT_EQ(rules->weight(Indicator::kThirdParty), 1.0);  // untouched default
}

TEST(IndicatorRulesTest, RejectsBadFilesNamingTheKey) {
  struct Case {
    const char* toml;
    const char* field;
  };
  const Case cases[] = {{"[yuoth]\nweight = 1", "yuoth"},
                        {"[youth]\nweight = -1", "youth.weight"},
                        {"[youth]\nweight = \"high\"", "youth.weight"},
                        {"[youth]\nmin_names = 2", "youth.min_names"},
                        {"[phone_many_names]\nmin_names = 1", "phone_many_names.min_names"},
                        {"[youth\n", "toml"}};
  for (const Case& c : cases) {
    auto r = ParseIndicatorRules(c.toml, "r.toml");
    ASSERT_FALSE(r) << c.toml;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), c.field) << r.error().message();
  }
}

TEST(IndicatorsTest, PhoneUnderSeveralNamesAndInSeveralCities) {
  Scored s = Score({MakeAd({0}, 1, 0), MakeAd({0}, 2, 1), MakeAd({0}, 1, 2), MakeAd({1}, 3, 0),
                    MakeAd({1}, 3, 1)});
  EXPECT_TRUE(Has(s, 0, Indicator::kPhoneManyNames));
  EXPECT_TRUE(Has(s, 0, Indicator::kPhoneManyCities));
  EXPECT_FALSE(Has(s, 3, Indicator::kPhoneManyNames));
  EXPECT_FALSE(Has(s, 3, Indicator::kPhoneManyCities));  // two cities < 3
}

TEST(IndicatorsTest, ProfileWithSeveralPhones) {
  const std::uint64_t img = 0xabcdef0123456789ull;
  std::vector<ExtractedAd> ads = {MakeAd({0}, 1), MakeAd({1}, 1), MakeAd({2}, 1), MakeAd({3}, 2)};
  for (int i = 0; i < 3; ++i) ads[static_cast<std::size_t>(i)].image_hashes = {img};
  Scored s = Score(ads);
  EXPECT_TRUE(Has(s, 0, Indicator::kProfileManyPhones));
  EXPECT_FALSE(Has(s, 3, Indicator::kProfileManyPhones));
}

TEST(IndicatorsTest, TemplateAcrossSeveralPhonesAndSharedImage) {
  std::vector<std::uint32_t> text;
  for (std::uint32_t i = 0; i < 30; ++i) text.push_back(i);
  std::vector<ExtractedAd> ads = {MakeAd({0}, 1), MakeAd({1}, 2), MakeAd({2}, 3), MakeAd({3}, 4)};
  for (int i = 0; i < 3; ++i) ads[static_cast<std::size_t>(i)].shingles = text;
  ads[3].image_hashes = {42};
  ads[0].image_hashes = {42};
  Scored s = Score(ads);
  EXPECT_TRUE(Has(s, 0, Indicator::kTemplateManyPhones));
  EXPECT_TRUE(Has(s, 2, Indicator::kTemplateManyPhones));
  EXPECT_FALSE(Has(s, 3, Indicator::kTemplateManyPhones));
  EXPECT_TRUE(Has(s, 3, Indicator::kImageManyNames));
  EXPECT_FALSE(Has(s, 1, Indicator::kImageManyNames));
}

TEST(IndicatorsTest, LanguageIndicatorsAndMovementHasNoWeight) {
  ExtractedAd ad = MakeAd({0}, 1);
  ad.features = (1u << static_cast<unsigned>(Feature::kMultiPerson)) |
                (1u << static_cast<unsigned>(Feature::kYouth)) |
                (1u << static_cast<unsigned>(Feature::kRealPhotos)) |
                (1u << static_cast<unsigned>(Feature::kUnprotected)) |
                (1u << static_cast<unsigned>(Feature::kNewInTown));
  ad.phone_obscured = true;
  ad.nationality_stated = true;
  IndicatorRules rules;
  Scored s = Score({ad}, rules);
  for (Indicator i : {Indicator::kThirdParty, Indicator::kYouth, Indicator::kRealPhotos,
                      Indicator::kUnprotected, Indicator::kObscuredPhone,
                      Indicator::kNationality, Indicator::kMovement}) {
    EXPECT_TRUE(Has(s, 0, i)) << IndicatorName(i);
  }
  EXPECT_EQ(s.result.CountOf(s.result.ad_bits[0], rules), 6);  // movement not counted
  EXPECT_DOUBLE_EQ(s.result.ad_score[0], 6.0);
  EXPECT_EQ(s.result.advertiser_bits[0], s.result.ad_bits[0]);
  rules.weights[static_cast<std::size_t>(Indicator::kYouth)] = 3;
  EXPECT_DOUBLE_EQ(Score({ad}, rules).result.ad_score[0], 8.0);
}

TEST(IndicatorsTest, PlainAdHasNone) {
  Scored s = Score({MakeAd({0}, 1)});
  EXPECT_EQ(s.result.ad_bits[0], 0u);
  EXPECT_EQ(s.result.ad_score[0], 0.0);
}

}  // namespace
}  // namespace synlig::ads
