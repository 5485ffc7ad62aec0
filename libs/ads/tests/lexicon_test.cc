// Tests of lexicon parsing: the embedded default and the errors of a bad file.
#include "synlig/ads/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace synlig::ads {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(LexiconTest, DefaultLexiconParsesWithSwedishAndEnglishPhrases) {
  auto lex = DefaultLexicon();
  ASSERT_TRUE(lex) << lex.error().ToString();
  EXPECT_EQ(lex->default_region, "SE");
  EXPECT_TRUE(Contains(lex->digit_words[4], "fyra"));
  EXPECT_TRUE(Contains(lex->digit_words[4], "four"));
  const auto& real = lex->features[static_cast<int>(Feature::kRealPhotos)];
  EXPECT_TRUE(Contains(real, "100 real"));  // "100 % real" in normal form
  EXPECT_TRUE(Contains(real, "100 äkta"));
  const auto& news = lex->features[static_cast<int>(Feature::kNewInTown)];
  EXPECT_TRUE(Contains(news, "ny i stan"));
  EXPECT_TRUE(Contains(news, "new in town"));
  for (int f = 0; f < kFeatureCount; ++f) {
    EXPECT_FALSE(lex->features[static_cast<std::size_t>(f)].empty())
        << FeatureName(static_cast<Feature>(f));
  }
  EXPECT_TRUE(Contains(lex->region_names, "sweden"));
  EXPECT_TRUE(Contains(lex->gender_names, "female"));
  EXPECT_FALSE(lex->age_after.empty());
}

TEST(LexiconTest, FeatureNamesAreSnakeCase) {
  EXPECT_EQ(FeatureName(Feature::kThirdParty), "third_party");
  EXPECT_EQ(FeatureName(Feature::kNewInTown), "new_in_town");
  EXPECT_EQ(FeatureName(Feature::kEthnicity), "ethnicity");
}

TEST(LexiconTest, AcceptsPlainListsAndListsByLanguage) {
  auto lex = ParseLexicon(R"(
[features]
youth = ["Ung", "Barely legal!"]
[features.hotel]
sv = ["hotell*"]
)",
                          "t.toml");
  ASSERT_TRUE(lex) << lex.error().ToString();
  EXPECT_EQ(lex->features[static_cast<int>(Feature::kYouth)],
            (std::vector<std::string>{"ung", "barely legal"}));
  EXPECT_EQ(lex->features[static_cast<int>(Feature::kHotel)],
            (std::vector<std::string>{"hotell*"}));
}

struct BadLexicon {
  const char* toml;
  const char* field;
};

class LexiconRejects : public ::testing::TestWithParam<BadLexicon> {};

TEST_P(LexiconRejects, NamesTheKey) {
  auto lex = ParseLexicon(GetParam().toml, "bad.toml");
  ASSERT_FALSE(lex.has_value());
  EXPECT_EQ(lex.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(lex.error().field(), GetParam().field) << lex.error().message();
  EXPECT_NE(lex.error().message().find("bad.toml"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, LexiconRejects,
    ::testing::Values(BadLexicon{"[features\nx=1", "toml"},
                      BadLexicon{"[features]\nyuoth = [\"ung\"]", "features.yuoth"},
                      BadLexicon{"[features]\nyouth = \"ung\"", "features.youth"},
                      BadLexicon{"[features]\nyouth = [\"!!\"]", "features.youth"},
                      BadLexicon{"[phone]\ndefault_region = \"Sweden\"", "phone.default_region"},
                      BadLexicon{"[phone.digit_words]\n\"10\" = [\"tio\"]",
                                 "phone.digit_words.10"},
                      BadLexicon{"[phone.digit_words]\n\"1\" = [\"en och\"]",
                                 "phone.digit_words.1"},
                      BadLexicon{"[colours]\nred = [\"röd\"]", "colours"},
                      BadLexicon{"[age]\nbetween = [\"år\"]", "age.between"}));

TEST(LexiconTest, SyntaxErrorNamesTheLine) {
  auto lex = ParseLexicon("[phone]\ndefault_region = \n", "x.toml");
  ASSERT_FALSE(lex);
  EXPECT_NE(lex.error().message().find("x.toml:2"), std::string::npos) << lex.error().message();
}

}  // namespace
}  // namespace synlig::ads
