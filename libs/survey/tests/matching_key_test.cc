// Tests of matching-key parsing, normalisation and keyed hashing.
#include "synlig/survey/matching_key.h"

#include <gtest/gtest.h>

#include <string>

namespace synlig::survey {
namespace {

constexpr int kMaxYear = 2025;

class MatchingKeyTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
  static SecretKey Key(char fill) { return SecretKey::FromHex(std::string(64, fill)).value(); }
  static MatchingKey Parse(std::string_view gender, std::string_view year, std::string_view first,
                           std::string_view last) {
    auto key = ParseMatchingKey(gender, year, first, last, kMaxYear);
    EXPECT_TRUE(key) << key.error().ToString();
    return key.value_or(MatchingKey{});
  }
  static std::string Hash(const MatchingKey& key, char fill = '1') {
    return MatchingKeyHash(Key(fill), key).value_or("none");
  }
};

TEST_F(MatchingKeyTest, ParsesAndUpperCasesInitials) {
  MatchingKey key = Parse("woman", "1998", "a", "ö");
  EXPECT_EQ(key.gender, "woman");
  EXPECT_EQ(key.birth_year, 1998);
  EXPECT_EQ(key.first_initial, U'A');
  EXPECT_EQ(key.last_initial, U'Ö');
}

TEST_F(MatchingKeyTest, UpperCasesLatin1AndExtendedALetters) {
  const std::pair<std::string_view, char32_t> cases[] = {
      {"å", U'Å'}, {"ä", U'Ä'}, {"é", U'É'}, {"ü", U'Ü'}, {"ø", U'Ø'}, {"æ", U'Æ'},
      {"ñ", U'Ñ'}, {"þ", U'Þ'}, {"ÿ", U'Ÿ'}, {"ā", U'Ā'}, {"č", U'Č'}, {"ł", U'Ł'},
      {"ň", U'Ň'}, {"ő", U'Ő'}, {"š", U'Š'}, {"ž", U'Ž'}, {"ź", U'Ź'}, {"ı", U'I'},
      {"İ", U'I'}, {"ß", U'ß'}, {"Ž", U'Ž'}, {"Ł", U'Ł'}, {"z", U'Z'}, {"Q", U'Q'}};
  for (const auto& [text, expected] : cases) {
    MatchingKey key = Parse("", "", text, "");
    EXPECT_EQ(key.first_initial, expected) << text;
  }
}

TEST_F(MatchingKeyTest, ComposesDecomposedLetters) {
  EXPECT_EQ(Parse("", "", "o\xcc\x88", "").first_initial, U'Ö');  // o + U+0308
  EXPECT_EQ(Parse("", "", "A\xcc\x8a", "").first_initial, U'Å');  // A + U+030A
  EXPECT_EQ(Parse("", "", "c\xcc\x8c", "").first_initial, U'Č');  // c + U+030C
}

TEST_F(MatchingKeyTest, EmptyOrQuestionMarkIsUnknown) {
  MatchingKey key = Parse("?", " ", "?", "");
  EXPECT_EQ(key.gender, "unknown");
  EXPECT_FALSE(key.birth_year);
  EXPECT_FALSE(key.first_initial);
  EXPECT_FALSE(key.last_initial);
}

TEST_F(MatchingKeyTest, SamePersonTypedDifferentlyHashesEqual) {
  std::string a = Hash(Parse("woman", "1998", "a", "ö"));
  EXPECT_EQ(a, Hash(Parse("woman", " 1998 ", "A", "Ö")));
  EXPECT_EQ(a, Hash(Parse("woman", "1998\t", " A. ", "o\xcc\x88")));
  EXPECT_EQ(a.size(), 64u);
}

TEST_F(MatchingKeyTest, HashIsKeyedBlake2bOfNormalisedKey) {
  EXPECT_EQ(Hash(Parse("woman", "1998", "a", "ö")), KeyedHash(Key('1'), "v1|woman|1998|A|Ö"));
  EXPECT_EQ(Hash(Parse("unknown", "", "b", "")), KeyedHash(Key('1'), "v1|?|?|B|?"));
  EXPECT_EQ(Hash(Parse("", "2001", "", "")), KeyedHash(Key('1'), "v1|?|2001|?|?"));
}

TEST_F(MatchingKeyTest, DifferentRoundKeysGiveDifferentHashes) {
  MatchingKey key = Parse("man", "1980", "j", "k");
  EXPECT_NE(Hash(key, '1'), Hash(key, '2'));
}

TEST_F(MatchingKeyTest, DifferentPartsGiveDifferentHashes) {
  std::string base = Hash(Parse("man", "1980", "j", "k"));
  EXPECT_NE(base, Hash(Parse("woman", "1980", "j", "k")));
  EXPECT_NE(base, Hash(Parse("man", "1981", "j", "k")));
  EXPECT_NE(base, Hash(Parse("man", "1980", "k", "j")));
  EXPECT_NE(base, Hash(Parse("man", "1980", "j", "")));
}

TEST_F(MatchingKeyTest, NoHashWhenYearAndInitialsAllUnknown) {
  EXPECT_FALSE(MatchingKeyHash(Key('1'), Parse("woman", "", "?", "")));
  EXPECT_TRUE(MatchingKeyHash(Key('1'), Parse("woman", "", "", "x")));
}

TEST_F(MatchingKeyTest, RejectsBadBirthYearNamingField) {
  for (std::string_view year : {"98", "19980", "199x", "1899", "2026", "-1998", "１９９８"}) {
    auto r = ParseMatchingKey("woman", year, "a", "b", kMaxYear);
    ASSERT_FALSE(r) << year;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), "matching_key_birth_year");
    EXPECT_EQ(r.error().message().find(year), std::string::npos) << "input echoed";
  }
  EXPECT_TRUE(ParseMatchingKey("woman", "1900", "", "", kMaxYear));
  EXPECT_TRUE(ParseMatchingKey("woman", "2025", "", "", kMaxYear));
}

TEST_F(MatchingKeyTest, RejectsBadInitialsNamingField) {
  for (std::string_view text :
       {"Anna", "1", "-", ".", "ab", "Ωmega", "Ω", "\xff", "o\xcc\x88x", "x\xcc\x88", "\xcc\x88"}) {
    auto first = ParseMatchingKey("woman", "", text, "", kMaxYear);
    ASSERT_FALSE(first) << text;
    EXPECT_EQ(first.error().field(), "matching_key_first");
    auto last = ParseMatchingKey("woman", "", "", text, kMaxYear);
    ASSERT_FALSE(last) << text;
    EXPECT_EQ(last.error().field(), "matching_key_last");
    if (text.size() > 1) {
      EXPECT_EQ(last.error().message().find(text), std::string::npos) << "input echoed";
    }
  }
}

TEST_F(MatchingKeyTest, RejectsGenderThatIsNotACode) {
  auto r = ParseMatchingKey("Woman!", "", "", "", kMaxYear);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "matching_key_gender");
}

TEST_F(MatchingKeyTest, ValidateListsEveryBadPartInBothLanguages) {
  auto issues = ValidateMatchingKey("19x8", "Anna", "Ö", kMaxYear, 1);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].entry, 1);
  EXPECT_EQ(issues[0].item, "matching_key_birth_year");
  EXPECT_EQ(issues[0].message_sv,
            "Födelseåret ska vara fyra siffror mellan 1900 och 2025 (person 2)");
  EXPECT_EQ(issues[0].message_en,
            "The birth year must be four digits between 1900 and 2025 (person 2)");
  EXPECT_EQ(issues[1].item, "matching_key_first");
  EXPECT_EQ(issues[1].message_sv, "Förnamnets första bokstav ska vara en enda bokstav (person 2)");
  EXPECT_TRUE(ValidateMatchingKey("", "?", "b", kMaxYear, 0).empty());
}

}  // namespace
}  // namespace synlig::survey
