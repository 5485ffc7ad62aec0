// Tests of extraction, one rule at a time, in Swedish and English: phone hashing, names,
// ages, gender, nationality region, lexicon features and shingles.
#include "synlig/ads/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace synlig::ads {
namespace {

SecretKey TestKey(std::uint64_t seed = 7) {
  SeededRandom random(seed);
  return SecretKey::Generate(random);
}

class ExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    auto lex = DefaultLexicon();
    ASSERT_TRUE(lex);
    lexicon_ = *lex;
    auto ex = Extractor::Create(lexicon_, TestKey());
    ASSERT_TRUE(ex) << ex.error().ToString();
    ex_ = std::make_unique<Extractor>(std::move(*ex));
  }
  static Ad MakeAd(std::string title, std::string text, std::vector<std::string> phones = {}) {
    Ad ad;
    ad.site = "site-a";
    ad.ad_id = "1";
    ad.captured_on = *ParseDate("2025-03-04");
    ad.city = "Linköping";
    ad.title = std::move(title);
    ad.text = std::move(text);
    ad.phones = std::move(phones);
    return ad;
  }
  bool HasFeature(const std::string& text, Feature f) {
    return ex_->Add(MakeAd("", text)).Has(f);
  }
  Lexicon lexicon_;
  std::unique_ptr<Extractor> ex_;
};

TEST_F(ExtractTest, SameNumberInDifferentFormsGivesOneKeyedHash) {
  ExtractedAd a = ex_->Add(MakeAd("", "", {"070-174 06 05"}));
  EXPECT_EQ(a.phones.size(), 1u);
  EXPECT_FALSE(a.phone_obscured);
  ExtractedAd b = ex_->Add(MakeAd("", "", {"O7O 174 noll sex O5"}));
  ASSERT_EQ(b.phones.size(), 1u);
  EXPECT_TRUE(b.phone_obscured);
  ExtractedAd c = ex_->Add(MakeAd("", "", {"+46 (0)70-174 06 05"}));
  ASSERT_EQ(c.phones.size(), 1u);
  EXPECT_EQ(ex_->corpus().ads[0].phones[0], b.phones[0]);
  EXPECT_EQ(b.phones[0], c.phones[0]);
  ASSERT_EQ(ex_->corpus().phone_hashes.size(), 1u);
  const std::string& hash = ex_->corpus().phone_hashes[0];
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find("701740605"), std::string::npos);
  EXPECT_EQ(hash, KeyedHash(TestKey(), "phone|+46701740605"));
}

// Forms that reach libphonenumber as different digit strings ("46..." without '+', a trunk 0
// kept after the country code) still give one phone index in the corpus.
TEST_F(ExtractTest, FormsParsedSeparatelyStillGiveOnePhoneIndex) {
  const std::vector<std::string> forms = {"070-174 06 05", "46 70 174 06 05", "+46 070 174 06 05",
                                          "0046 70 174 06 05", "+46701740605"};
  for (const std::string& form : forms) {
    ExtractedAd ad = ex_->Add(MakeAd("", "", {form}));
    ASSERT_EQ(ad.phones.size(), 1u) << form;
    EXPECT_EQ(ad.phones[0], 0u) << form;
  }
  EXPECT_EQ(ex_->corpus().phone_hashes.size(), 1u);
  // In the text as well.
  ExtractedAd in_text = ex_->Add(MakeAd("", "Ring 46701740605 eller +460701740605 idag"));
  ASSERT_EQ(in_text.phones.size(), 1u);
  EXPECT_EQ(in_text.phones[0], 0u);
  EXPECT_EQ(ex_->corpus().phone_hashes.size(), 1u);
}

TEST_F(ExtractTest, PhoneHashDependsOnTheRoundKey) {
  ex_->Add(MakeAd("", "", {"070-174 06 05"}));
  auto other = Extractor::Create(lexicon_, TestKey(8));
  ASSERT_TRUE(other);
  other->Add(MakeAd("", "", {"070-174 06 05"}));
  EXPECT_NE(ex_->corpus().phone_hashes[0], other->corpus().phone_hashes[0]);
}

TEST_F(ExtractTest, InvalidNumbersAreCountedNotKept) {
  ExtractedAd a = ex_->Add(MakeAd("", "", {"070-17", "0000 000 000", "070-174 06 06"}));
  EXPECT_EQ(a.phones_shown, 3);
  EXPECT_EQ(a.phones_invalid, 2);
  EXPECT_EQ(a.phones.size(), 1u);
}

TEST_F(ExtractTest, TwoNumbersInOneFieldGiveTwoHashes) {
  ExtractedAd a = ex_->Add(MakeAd("", "", {"070-174 06 05 / 070-174 06 06"}));
  EXPECT_EQ(a.phones.size(), 2u);
}

TEST_F(ExtractTest, NumberWrittenOnlyInTheTextIsHashedLikeThePhoneField) {
  ExtractedAd field = ex_->Add(MakeAd("", "", {"070-174 06 05"}));
  ExtractedAd text = ex_->Add(MakeAd("", "Ring mig på O7O-174 O6 O5 efter klockan 10"));
  ASSERT_EQ(text.phones.size(), 1u);
  EXPECT_EQ(text.phones[0], field.phones[0]);
  EXPECT_EQ(text.phones_in_text, 1);
  EXPECT_EQ(text.phones_shown, 0);
  EXPECT_TRUE(text.phone_obscured);
  ExtractedAd title = ex_->Add(MakeAd("Sofia 070 174 06 06", "1500 kr/h"));
  ASSERT_EQ(title.phones.size(), 1u);
  EXPECT_NE(title.phones[0], field.phones[0]);
  EXPECT_FALSE(title.phone_obscured);
  EXPECT_EQ(ex_->corpus().phone_hashes.size(), 2u);
  EXPECT_EQ(ex_->corpus().phone_hashes[1], KeyedHash(TestKey(), "phone|+46701740606"));
}

TEST_F(ExtractTest, NumberInBothFieldAndTextCountsOnce) {
  ExtractedAd a =
      ex_->Add(MakeAd("", "sms 070-174 06 05 eller +46 70 174 06 07", {"0701740605"}));
  EXPECT_EQ(a.phones.size(), 2u);
  EXPECT_EQ(a.phones_in_text, 1);
  EXPECT_EQ(a.phones_invalid, 0);
}

TEST_F(ExtractTest, PricesAgesDatesAndTimesInTheTextAreNotNumbers) {
  ExtractedAd a = ex_->Add(MakeAd(
      "Sofia 23",
      "Här 2025-03-03 till 09.03.2025, öppet 09.00-17.00. 1500 kr/h, 2500 kr 2h. "
      "Jag är 23 år. Storgatan 1, 582 22 Linköping. I love 0 stress."));
  EXPECT_TRUE(a.phones.empty());
  EXPECT_EQ(a.phones_in_text, 0);
  EXPECT_FALSE(a.phone_obscured);
}

TEST_F(ExtractTest, NameFromTitleIsHashedAndStopWordsAreSkipped) {
  std::uint64_t sofia = ex_->Add(MakeAd("Ny i stan! Sofia 23", "")).name_hash;
  EXPECT_NE(sofia, 0u);
  EXPECT_EQ(ex_->Add(MakeAd("Sexy Sofia, incall", "")).name_hash, sofia);
  EXPECT_EQ(ex_->Add(MakeAd("SOFIA", "")).name_hash, 0u);  // all capitals: not taken
  EXPECT_NE(ex_->Add(MakeAd("Anna 25", "")).name_hash, sofia);
  EXPECT_EQ(ex_->Add(MakeAd("Linköping massage", "")).name_hash, 0u);
  EXPECT_EQ(ex_->Add(MakeAd("Hot Latina", "")).name_hash, 0u);
  EXPECT_EQ(ex_->Add(MakeAd("", "Sofia")).name_hash, 0u);  // only the title is read
}

TEST_F(ExtractTest, AgeFromFieldTextOrTitle) {
  Ad stated = MakeAd("Sofia 23", "jag är 30 år");
  stated.stated_age = 27;
  EXPECT_EQ(ex_->Add(stated).age, 27);
  EXPECT_EQ(ex_->Add(MakeAd("", "jag är 30 år och bor här")).age, 30);
  EXPECT_EQ(ex_->Add(MakeAd("", "I am 22 years old")).age, 22);
  EXPECT_EQ(ex_->Add(MakeAd("", "Ålder: 41")).age, 41);
  EXPECT_EQ(ex_->Add(MakeAd("", "age 19, new in town")).age, 19);
  EXPECT_EQ(ex_->Add(MakeAd("Sofia 23", "")).age, 23);
  EXPECT_EQ(ex_->Add(MakeAd("Bara 2 dagar", "1500 kr 30 min")).age, -1);
}

TEST_F(ExtractTest, StatedGenderAndNationalityRegion) {
  Ad ad = MakeAd("", "");
  ad.stated_gender = "Kvinna";
  ad.stated_nationality = "Rumänska";
  ExtractedAd a = ex_->Add(ad);
  ASSERT_GE(a.gender, 0);
  EXPECT_EQ(lexicon_.gender_names[static_cast<std::size_t>(a.gender)], "female");
  ASSERT_GE(a.region, 0);
  EXPECT_EQ(lexicon_.region_names[static_cast<std::size_t>(a.region)], "eu_east");
  EXPECT_TRUE(a.nationality_stated);

  Ad en = MakeAd("", "");
  en.stated_gender = "trans woman";
  en.stated_nationality = "Brazilian";
  ExtractedAd b = ex_->Add(en);
  EXPECT_EQ(lexicon_.gender_names[static_cast<std::size_t>(b.gender)], "trans");
  EXPECT_EQ(lexicon_.region_names[static_cast<std::size_t>(b.region)], "latin_america");

  Ad unknown = MakeAd("", "");
  unknown.stated_nationality = "Atlantis";
  ExtractedAd c = ex_->Add(unknown);
  EXPECT_TRUE(c.nationality_stated);
  EXPECT_EQ(c.region, -1);
  EXPECT_EQ(c.gender, -1);
}

struct FeatureCase {
  const char* text;
  Feature feature;
};

TEST_F(ExtractTest, FindsEachFeatureInSwedishAndEnglish) {
  const FeatureCase cases[] = {
      {"Välkommen hos mig i egen lägenhet", Feature::kIncall},
      {"Incall only, my place", Feature::kIncall},
      {"Jag kommer hem till dig", Feature::kOutcall},
      {"Outcall to your place", Feature::kOutcall},
      {"Träffas på hotellet", Feature::kHotel},
      {"hotel visits", Feature::kHotel},
      {"Avslappnande massage", Feature::kMassage},
      {"body to body massage", Feature::kMassage},
      {"Vi är två tjejer", Feature::kMultiPerson},
      {"Two girls for you", Feature::kMultiPerson},
      {"Bokning via min chef", Feature::kThirdParty},
      {"Call my manager", Feature::kThirdParty},
      {"Ung och söt", Feature::kYouth},
      {"Barely legal", Feature::kYouth},
      {"Ny i stan!", Feature::kNewInTown},
      {"Just arrived, new in town", Feature::kNewInTown},
      {"Allt utan skydd", Feature::kUnprotected},
      {"BBBJ", Feature::kUnprotected},
      {"Grekiskt finns", Feature::kUnusualServices},
      {"Domination and role play", Feature::kUnusualServices},
      {"100 % äkta bilder", Feature::kRealPhotos},
      {"100% REAL PHOTOS", Feature::kRealPhotos},
      {"Exotisk skönhet", Feature::kEthnicity},
      {"Hot Latina", Feature::kEthnicity},
  };
  for (const FeatureCase& c : cases) {
    EXPECT_TRUE(HasFeature(c.text, c.feature)) << c.text;
  }
}

TEST_F(ExtractTest, FeaturesNeedWholeWords) {
  EXPECT_FALSE(HasFeature("ungefär som vanligt", Feature::kYouth));
  EXPECT_FALSE(HasFeature("hotline", Feature::kHotel));
  EXPECT_FALSE(HasFeature("ny i stanken", Feature::kNewInTown));
  EXPECT_EQ(ex_->Add(MakeAd("", "Trevlig och glad")).features, 0u);
}

TEST_F(ExtractTest, TitleFeaturesCountToo) {
  EXPECT_TRUE(ex_->Add(MakeAd("Ny i stan", "Hej")).Has(Feature::kNewInTown));
}

TEST_F(ExtractTest, ShinglesAreSortedUniqueAndIgnorePunctuationAndCase) {
  ExtractedAd a = ex_->Add(MakeAd("Hej", "Ring mig nu, ring mig nu!"));
  const std::vector<std::uint32_t> first = a.shingles;
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
  // hej ring mig / ring mig nu / mig nu ring / nu ring mig (ring mig nu again)
  EXPECT_EQ(first.size(), 4u);
  ExtractedAd b = ex_->Add(MakeAd("HEJ!", "ring mig nu... RING MIG NU"));
  EXPECT_EQ(b.shingles, first);
  EXPECT_EQ(ex_->Add(MakeAd("", "Hej")).shingles.size(), 1u);  // short text: one shingle
  EXPECT_TRUE(ex_->Add(MakeAd("", "")).shingles.empty());
}

TEST_F(ExtractTest, InternsSitesAndCitiesAndKeepsDay) {
  Ad a = MakeAd("", "");
  Ad b = MakeAd("", "");
  b.site = "site-b";
  b.city = "Norrköping";
  b.captured_on = *ParseDate("2025-03-05");
  ExtractedAd ea = ex_->Add(a);
  std::int32_t day_a = ea.day;
  ExtractedAd eb = ex_->Add(b);
  EXPECT_EQ(eb.day, day_a + 1);
  Corpus corpus = ex_->TakeCorpus();
  EXPECT_EQ(corpus.sites, (std::vector<std::string>{"site-a", "site-b"}));
  EXPECT_EQ(corpus.cities, (std::vector<std::string>{"Linköping", "Norrköping"}));
  EXPECT_EQ(corpus.ads[1].site, 1u);
  EXPECT_TRUE(ex_->corpus().ads.empty());
}

TEST(ExtractorCreateTest, RejectsBadOptionsAndRegions) {
  ASSERT_TRUE(InitCrypto());
  Lexicon lex = *DefaultLexicon();
  ExtractOptions zero_words;
  zero_words.shingle_words = 0;
  auto bad = Extractor::Create(lex, TestKey(), zero_words);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "shingle_words");
  lex.default_region = "QQ";
  auto region = Extractor::Create(lex, TestKey());
  ASSERT_FALSE(region);
  EXPECT_EQ(region.error().field(), "default_region");
}

}  // namespace
}  // namespace synlig::ads

namespace synlig::ads {
namespace {

// The image-file hook: each path goes to it once; what it hashes joins the given hashes,
// what it cannot is counted; without it nothing is read.
TEST(ExtractImagesTest, PathsGoToTheHookAndUnreadOnesAreCounted) {
  ASSERT_TRUE(InitCrypto());
  const Lexicon lex = *DefaultLexicon();
  Ad ad;
  ad.site = "s";
  ad.ad_id = "1";
  ad.image_hashes = {0xABCDu};
  ad.images = {"a.jpg", "missing.jpg", "b.png"};
  std::vector<std::string> asked;
  ExtractOptions options;
  options.hash_image = [&](const std::string& path) -> std::optional<std::uint64_t> {
    asked.push_back(path);
    if (path == "missing.jpg") return std::nullopt;
    return path == "a.jpg" ? 0x1111u : 0x2222u;
  };
  auto with = Extractor::Create(lex, TestKey(), options);
  ASSERT_TRUE(with);
  const ExtractedAd& a = with->Add(ad);
  EXPECT_EQ(asked, ad.images);
  EXPECT_EQ(a.image_hashes, (std::vector<std::uint64_t>{0xABCDu, 0x1111u, 0x2222u}));
  EXPECT_EQ(a.images_read, 2);
  EXPECT_EQ(a.images_unread, 1);
  auto without = Extractor::Create(lex, TestKey());
  ASSERT_TRUE(without);
  const ExtractedAd& b = without->Add(ad);
  EXPECT_EQ(b.image_hashes, std::vector<std::uint64_t>{0xABCDu});
  EXPECT_EQ(b.images_read, 0);
  EXPECT_EQ(b.images_unread, 3);
}

}  // namespace
}  // namespace synlig::ads
