// Tests of phone numbers written in an ad's free text: plain and obfuscated forms are found,
// prices, ages, dates, times and postcodes are not. Numbers are from the range set aside for
// fiction (070-174 06 05 to 99); validity is decided by libphonenumber as in the extractor.
#include "text_phones.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "phone_number.h"
#include "synlig/ads/lexicon.h"

namespace synlig::ads::internal {
namespace {

struct Result {
  std::vector<std::string> numbers;  // E.164
  bool obscured = false;
};

class TextPhonesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitPhoneNumbers("SE"));
    auto lex = DefaultLexicon();
    ASSERT_TRUE(lex);
    finder_ = std::make_unique<TextPhoneFinder>(lex->digit_words);
  }
  Result Find(const std::string& text) {
    Result r;
    auto found = finder_->Find(text, [&](const std::string& digits) {
      EXPECT_GE(digits.size(), 8u) << digits;
      EXPECT_TRUE(digits[0] == '0' || digits[0] == '+') << digits;
      auto e164 = ToE164(digits, "SE");
      if (!e164) return false;
      r.numbers.push_back(*e164);
      return true;
    });
    EXPECT_EQ(found.numbers, static_cast<int>(r.numbers.size())) << text;
    r.obscured = found.obscured;
    return r;
  }
  std::unique_ptr<TextPhoneFinder> finder_;
};

constexpr char kN1[] = "+46701740605";
constexpr char kN2[] = "+46701740606";

TEST_F(TextPhonesTest, FindsPlainNumbersInSentences) {
  EXPECT_EQ(Find("Ring mig på 070-174 06 05 så ses vi!").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("Call 0701740605 now").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("tel:070.174.06.05").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("WhatsApp +46 70 174 06 05").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("+46 (0)70-174 06 05").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("0046 70 174 06 05").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("(070) 174 06 05").numbers, std::vector<std::string>{kN1});
  EXPECT_FALSE(Find("Ring 070-174 06 05").obscured);
}

TEST_F(TextPhonesTest, FindsTwoNumbersAndForeignNumbersWithCountryCode) {
  EXPECT_EQ(Find("070-174 06 05 eller 070-174 06 06").numbers,
            (std::vector<std::string>{kN1, kN2}));
  EXPECT_EQ(Find("070-174 06 05, 070-174 06 06").numbers, (std::vector<std::string>{kN1, kN2}));
  EXPECT_EQ(Find("0701740605 0701740606").numbers, (std::vector<std::string>{kN1, kN2}));
  EXPECT_EQ(Find("Polish number +48 601 234 567").numbers,
            std::vector<std::string>{"+48601234567"});
}

TEST_F(TextPhonesTest, FindsObfuscatedForms) {
  const char* texts[] = {
      "Ring O7O-174 O6 O5",
      "ring O 7O 1 7 4O 6O 5",
      "sms o7o l74 o6 o5 tack",
      "ring 070 174 noll sex 05",
      "call 070 one seven four 06 05",
      "ring noll sju noll ett sju fyra noll sex noll fem",
      "nollsju noll 174 06 05",
      "070\xF0\x9F\x92\x8B"
      "174\xF0\x9F\x92\x8B"
      "06\xF0\x9F\x92\x8B"
      "05 puss",
      "0\xEF\xB8\x8F\xE2\x83\xA3"
      "7\xEF\xB8\x8F\xE2\x83\xA3"
      "0\xEF\xB8\x8F\xE2\x83\xA3"
      "1740605",
      "\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x90"
      "1740605",
      "0.7.0.1.7.4.0.6.0.5",
      "0 7 0 1 7 4 0 6 0 5",
      "070*174*06*05",
      "Tel: + fyra  sex  7 noll  1 sju 4 0605",
      "+.4.6.7.0.1.7.4.0.6.0.5",
      "+\xF0\x9F\x8C\xB9"
      "4\xF0\x9F\x8C\xB9"
      "6\xF0\x9F\x8C\xB9"
      "701740605",
  };
  for (const char* text : texts) {
    Result r = Find(text);
    EXPECT_EQ(r.numbers, std::vector<std::string>{kN1}) << text;
    EXPECT_TRUE(r.obscured) << text;
  }
}

TEST_F(TextPhonesTest, IgnoresPricesAgesDatesTimesAndPostcodes) {
  const char* texts[] = {
      "1500 kr/h, 2500 kr 2h, 3000:-",
      "pris 1000 1500 2000 3000",
      "Sofia 23 år, 168 cm, 55 kg",
      "Öppet 09.00-17.00 alla dagar",
      "öppet 08.00 - 22.00",
      "kl 10-22, 08:00-23:30",
      "Här 2025-03-03 till 2025-03-09",
      "här 03.03.2025-09.03.2025",
      "Storgatan 1, 582 22 Linköping",
      "ålder 19900101-1234",
      "0 7 0",
      "sex tjejer, en av oss, ett möte, tre timmar",
      "Jag är en sex tre en sju fem",
      "I am 23, I love 0 stress",
      "070-174 06",
  };
  for (const char* text : texts) {
    EXPECT_TRUE(Find(text).numbers.empty()) << text;
  }
}

TEST_F(TextPhonesTest, NumberNextToADateOrTimeIsStillFound) {
  EXPECT_EQ(Find("Här 03.03.2025 0701740605").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("09.00-17.00 070 174 06 05").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("2025-03-03 070-174 06 05").numbers, std::vector<std::string>{kN1});
}

TEST_F(TextPhonesTest, LongOrBrokenInputIsSafe) {
  std::string many(100000, '0');
  EXPECT_TRUE(Find(many).numbers.empty());
  std::string spaced;
  for (int i = 0; i < 2000; ++i) spaced += "0 ";
  EXPECT_TRUE(Find(spaced).numbers.empty());
  EXPECT_TRUE(Find("\xFF\xFE"
                   "070\xC3"
                   "174 06 05")
                  .numbers.empty());
  std::string word(500, 'o');
  EXPECT_TRUE(Find(word + " 0701740605").numbers == std::vector<std::string>{kN1});
}

TEST_F(TextPhonesTest, LongWordsAndLettersOutsideAsciiAroundANumber) {
  // Words of sixteen letters and more are skipped in blocks; a word goes on through letters
  // such as 'ö' and 'å', and a number right after one is read.
  EXPECT_EQ(Find("Supersexigaochvackraflickan ringer 070-174 06 05 Fantastiskaste").numbers,
            std::vector<std::string>{kN1});
  EXPECT_EQ(Find("Malmöflickornassällskap noll sju noll ett sju fyra noll sex noll fem").numbers,
            std::vector<std::string>{kN1});
  EXPECT_EQ(Find("Malmö0701740605").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("Sällskapsdamernaiöstergötland0701740605").numbers, std::vector<std::string>{kN1});
  EXPECT_EQ(Find("abcdefghijklmno\xF0\x9F\x92\x8B"
                 "0701740605")
                .numbers,
            std::vector<std::string>{kN1});
}

}  // namespace
}  // namespace synlig::ads::internal
