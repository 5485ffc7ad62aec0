// Tests of phone-field reading: obfuscated forms to digits, and digits to E.164 via
// libphonenumber. Numbers are from the range set aside for fiction (070-174 06 05 to 99).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "phone_number.h"
#include "phone_text.h"
#include "synlig/ads/lexicon.h"

namespace synlig::ads::internal {
namespace {

class PhoneTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lex = DefaultLexicon();
    ASSERT_TRUE(lex);
    reader_ = std::make_unique<PhoneTextReader>(lex->digit_words);
  }
  std::unique_ptr<PhoneTextReader> reader_;
};

struct Case {
  const char* shown;
  std::vector<std::string> numbers;
  bool obscured;
};

TEST_F(PhoneTextTest, ReadsPlainAndObfuscatedForms) {
  const Case cases[] = {
      {"070-174 06 05", {"0701740605"}, false},
      {"070.174.06.05", {"0701740605"}, false},
      {"(070) 174 06 05", {"0701740605"}, false},
      {"+46 70 174 06 05", {"+46701740605"}, false},
      {"+46 (0)70-174 06 05", {"+46701740605"}, false},
      {"0046 70 174 06 05", {"0046701740605"}, false},
      {"O7O-174 O6 O5", {"0701740605"}, true},
      {"o7o l74 o6 o5", {"0701740605"}, true},
      {"070 174 noll sex 05", {"0701740605"}, true},
      {"070 one seven four 06 05", {"0701740605"}, true},
      {"noll sju noll ett sju fyra noll sex noll fem", {"0701740605"}, true},
      {"070\xF0\x9F\x92\x8B" "174\xF0\x9F\x92\x8B" "06\xF0\x9F\x92\x8B" "05", {"0701740605"},
       true},
      {"0\xEF\xB8\x8F\xE2\x83\xA3" "7\xEF\xB8\x8F\xE2\x83\xA3" "0\xEF\xB8\x8F\xE2\x83\xA3"
       "1740605",
       {"0701740605"},
       true},
      {"\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x90" "1740605", {"0701740605"}, true},
      {"0.7.0.1.7.4.0.6.0.5", {"0701740605"}, true},
      {"0 7 0 1 7 4 0 6 0 5", {"0701740605"}, true},
      {"Ring 070-174 06 05 nu!", {"0701740605"}, false},
      {"070-174 06 05 / 070-174 06 06", {"0701740605", "0701740606"}, false},
      {"070-174 06 05 eller 070-174 06 06", {"0701740605", "0701740606"}, false},
      {"070-174 06 05 +46 70 174 06 06", {"0701740605", "+46701740606"}, false},
      {"070-174", {}, false},
      {"", {}, false},
      {"ring mig", {}, false},
      {"070*174*06*05", {"0701740605"}, true},
      {"nollsju.noll.1.7.4.0.6.0.5", {"0701740605"}, true},
      {"07017406etttvå", {"070174061" "2"}, true},
      {"070-174 06 05 \xF0\x9F\x92\x8B", {"0701740605"}, false},
  };
  for (const Case& c : cases) {
    PhoneCandidates got = reader_->Read(c.shown);
    EXPECT_EQ(got.numbers, c.numbers) << c.shown;
    EXPECT_EQ(got.obscured, c.obscured) << c.shown;
  }
}

TEST(PhoneNumberTest, NormalisesToE164AndChecksValidity) {
  ASSERT_TRUE(InitPhoneNumbers("SE"));
  EXPECT_EQ(ToE164("0701740605", "SE"), "+46701740605");
  EXPECT_EQ(ToE164("+46701740605", "SE"), "+46701740605");
  EXPECT_EQ(ToE164("0046701740605", "SE"), "+46701740605");
  EXPECT_EQ(ToE164("46701740605", "SE"), "+46701740605");  // '+' left out
  EXPECT_EQ(ToE164("+48601234567", "SE"), "+48601234567");  // Polish mobile
  EXPECT_EQ(ToE164("0123456", "SE"), std::nullopt);         // too short to be valid
  EXPECT_EQ(ToE164("070174060", "SE"), std::nullopt);       // a mobile number is 10 digits
  EXPECT_EQ(ToE164("999999999999999", "SE"), std::nullopt);
}

// The Swedish fast path (a national number built without Parse) and the folding of +46/0046
// (also with the trunk 0 kept, "+46 070...") must give what libphonenumber's Parse gives,
// valid or not, for every length and prefix.
TEST(PhoneNumberTest, SwedishFastPathAndFoldingAgreeWithParsing) {
  ASSERT_TRUE(InitPhoneNumbers("SE"));
  std::vector<std::string> nationals = {"701740605", "8123456", "13123456", "31234567",
                                        "101234567", "200123456", "9001234567", "7"};
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 400; ++i) {  // pseudo-random digits of 1-15 digits, not starting with 0
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::string digits = std::to_string(1 + x % 9);
    const std::size_t length = 1 + (x >> 8) % 15;
    std::uint64_t y = x;
    while (digits.size() < length) {
      y = y * 6364136223846793005ull + 1442695040888963407ull;
      digits.push_back(static_cast<char>('0' + (y >> 33) % 10));
    }
    nationals.push_back(digits);
  }
  int valid = 0;
  for (const std::string& n : nationals) {
    const auto parsed = ToE164Parsed("0" + n, "SE");
    EXPECT_EQ(ToE164("0" + n, "SE"), parsed) << n;
    valid += parsed.has_value();
    for (const std::string& prefix : {std::string("+46"), std::string("0046"),
                                      std::string("+460"), std::string("00460")}) {
      std::string folded = prefix + n;
      FoldPhoneDigits(folded, "SE");
      EXPECT_EQ(folded, "0" + n);
      EXPECT_EQ(ToE164Parsed(prefix + n, "SE"), parsed) << prefix << n;
    }
  }
  EXPECT_GE(valid, 8);  // the cases above hold valid numbers, not only rejects
}

TEST(PhoneNumberTest, FoldingLeavesOtherFormsAlone) {
  for (const char* digits : {"+4600701740605", "0046", "+460", "00460", "+48601234567",
                             "46701740605", "0701740605", "004600701740605"}) {
    std::string s = digits;
    FoldPhoneDigits(s, "SE");
    EXPECT_EQ(s, digits);
  }
  std::string norwegian = "+4791234567";
  FoldPhoneDigits(norwegian, "NO");
  EXPECT_EQ(norwegian, "+4791234567");
}

TEST(PhoneNumberTest, RejectsUnknownRegion) {
  EXPECT_FALSE(InitPhoneNumbers("XX"));
  EXPECT_TRUE(InitPhoneNumbers("NO"));
}

}  // namespace
}  // namespace synlig::ads::internal
