// Tests of libphonenumber's validity rules as digit automata: the pattern compiler against
// std::regex, the compiled rules of every region against PhoneNumberUtil, and ToE164's forms
// that the rules settle against libphonenumber's Parse (ToE164Parsed). Numbers are the
// library's own example numbers and variations of them.
#include "phone_rules.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "digit_pattern.h"
#include "phone_number.h"

namespace synlig::ads::internal {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : x_(seed) {}
  std::uint64_t Next() {
    x_ ^= x_ << 13;
    x_ ^= x_ >> 7;
    x_ ^= x_ << 17;
    return x_;
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t x_;
};

TEST(DigitPatternTest, MatchesWholeStringsOfDigits) {
  auto p = DigitPattern::Compile("(?:[26]\\d\\d|9)\\d{9}|[1-9]\\d{8}|2\\d{5}");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->FullMatch("701740605"));
  EXPECT_TRUE(p->FullMatch("200000"));
  EXPECT_TRUE(p->FullMatch("9123456789"));
  EXPECT_TRUE(p->FullMatch("260123456789"));
  EXPECT_FALSE(p->FullMatch("70174060"));    // a prefix of a match
  EXPECT_FALSE(p->FullMatch("7017406051"));  // a match and more
  EXPECT_FALSE(p->FullMatch("70174060x"));
  EXPECT_FALSE(p->FullMatch(""));
  auto optional = DigitPattern::Compile("99[1-59]\\d{4}(?:\\d{3})?");
  ASSERT_TRUE(optional);
  EXPECT_TRUE(optional->FullMatch("9910000"));
  EXPECT_TRUE(optional->FullMatch("9910000123"));
  EXPECT_FALSE(optional->FullMatch("99100001"));
  EXPECT_FALSE(optional->FullMatch("9960000"));  // 6 is not in [1-59]
  auto empty = DigitPattern::Compile("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->FullMatch(""));
  EXPECT_FALSE(empty->FullMatch("1"));
}

TEST(DigitPatternTest, RefusesSyntaxOutsideTheMetadatas) {
  for (const char* bad :
       {"\\d*",  "\\d+", "\\d{2,}", "(1)",    "(?=1)", "\\s", "[a-z]", "[^1]", "\\d{3}?",
        "\\d??", "[]",   "[5-]",    "[9-1]",  "(?:1",  "1)",  "{3}",   "?",    "|*",
        "\\",    "[1",   "1{2",     "1{3,2}", "1{40}", "a",   "1.2"}) {
    EXPECT_FALSE(DigitPattern::Compile(bad)) << bad;
  }
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "(?:";
  deep += "1";
  for (int i = 0; i < 100; ++i) deep += ")";
  EXPECT_FALSE(DigitPattern::Compile(deep));
  // Nested bounded repetition that would need too many states is refused, not built.
  EXPECT_FALSE(DigitPattern::Compile("(?:(?:(?:(?:\\d{1,30}){1,30}){1,30}){1,30})"));
}

// A random pattern of the metadata's syntax, `depth` levels of groups at most.
std::string RandomPattern(Rng& rng, int depth) {
  std::string out;
  const int alternatives = 1 + rng.Below(depth > 0 ? 3 : 2);
  for (int a = 0; a < alternatives; ++a) {
    if (a > 0) out += '|';
    const int items = 1 + rng.Below(4);
    for (int i = 0; i < items; ++i) {
      const int kind = rng.Below(depth > 0 ? 4 : 3);
      if (kind == 0) {
        out += static_cast<char>('0' + rng.Below(10));
      } else if (kind == 1) {
        out += "\\d";
      } else if (kind == 2) {
        const int lo = rng.Below(10);
        const int hi = lo + rng.Below(10 - lo);
        out += '[';
        out += static_cast<char>('0' + lo);
        if (hi > lo) out += '-', out += static_cast<char>('0' + hi);
        if (rng.Below(2) == 0) out += static_cast<char>('0' + rng.Below(10));
        out += ']';
      } else {
        out += "(?:" + RandomPattern(rng, depth - 1) + ")";
      }
      const int quantifier = rng.Below(5);
      if (quantifier == 0) {
        out += '?';
      } else if (quantifier == 1) {
        const int lo = rng.Below(3);
        out += '{' + std::to_string(lo) + ',' + std::to_string(lo + rng.Below(3)) + '}';
      } else if (quantifier == 2) {
        out += '{' + std::to_string(rng.Below(3)) + '}';
      }
    }
  }
  return out;
}

TEST(DigitPatternTest, AgreesWithStdRegexOnRandomPatterns) {
  Rng rng(0x5EED);
  int matches = 0;
  int refused = 0;
  for (int p = 0; p < 300; ++p) {
    const std::string pattern = RandomPattern(rng, 2);
    auto compiled = DigitPattern::Compile(pattern);
    if (!compiled) {  // syntax it knows, but too many states (repeated groups of optionals)
      ++refused;
      continue;
    }
    const std::regex reference(pattern, std::regex::ECMAScript);
    for (int s = 0; s < 200; ++s) {
      std::string digits;
      const int length = rng.Below(9);
      for (int i = 0; i < length; ++i) digits += static_cast<char>('0' + rng.Below(10));
      const bool expected = std::regex_match(digits, reference);
      matches += expected;
      ASSERT_EQ(compiled->FullMatch(digits), expected) << pattern << " on " << digits;
    }
  }
  EXPECT_GT(matches, 1000);  // not only rejects
  EXPECT_LT(refused, 15);
}

// The national significant numbers to try in a region: its example number of every type, and
// each with one digit changed, one dropped, one added.
std::vector<std::string> NumbersToTry(const PhoneNumberUtil& util, const std::string& region) {
  std::set<std::string> out;
  for (int t = PhoneNumberUtil::FIXED_LINE; t <= PhoneNumberUtil::UNKNOWN; ++t) {
    PhoneNumber example;
    if (!util.GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(t),
                                      &example)) {
      continue;
    }
    std::string nsn;
    util.GetNationalSignificantNumber(example, &nsn);
    out.insert(nsn);
    for (std::size_t i = 0; i < nsn.size(); ++i) {
      std::string changed = nsn;
      changed[i] = static_cast<char>('0' + (changed[i] - '0' + 3) % 10);
      out.insert(changed);
      out.insert(nsn.substr(0, i) + nsn.substr(i + 1));
    }
    out.insert(nsn + "5");
  }
  std::vector<std::string> numbers;
  for (const std::string& n : out) {
    if (!n.empty() && n[0] != '0') numbers.push_back(n);  // Check's precondition
  }
  return numbers;
}

TEST(PhoneRulesTest, AgreeWithLibphonenumberInEveryRegion) {
  ASSERT_TRUE(InitPhoneNumbers("SE"));
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const PhoneRules& rules = PhoneRules::Get();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  ASSERT_GT(regions.size(), 200u);
  int checked = 0;
  int valid = 0;
  for (const std::string& region : regions) {
    const int code = util.GetCountryCodeForRegion(region);
    for (const std::string& nsn : NumbersToTry(util, region)) {
      PhoneNumber number;
      number.set_country_code(code);
      number.set_national_number(std::stoull(nsn));
      const bool expected = util.IsValidNumberForRegion(number, region);
      const PhoneRules::Validity got = rules.Check(region, nsn);
      ASSERT_NE(got, PhoneRules::Validity::kUnknown) << region;  // every region compiles
      EXPECT_EQ(got == PhoneRules::Validity::kValid, expected) << region << " " << nsn;
      ++checked;
      valid += expected;
    }
  }
  EXPECT_GT(checked, 10000);
  EXPECT_GT(valid, 1000);
  EXPECT_EQ(rules.Check("XX", "123456"), PhoneRules::Validity::kUnknown);
}

TEST(PhoneRulesTest, KnowTheCallingCodes) {
  const PhoneRules& rules = PhoneRules::Get();
  EXPECT_EQ(rules.CallingCodeAtStart("46701740605"), 46);
  EXPECT_EQ(rules.CallingCodeAtStart("1202"), 1);
  EXPECT_EQ(rules.CallingCodeAtStart("358401234567"), 358);
  EXPECT_EQ(rules.CallingCodeAtStart("0701"), 0);
  EXPECT_EQ(rules.CallingCodeAtStart("28"), 0);  // no such code, nor 2 or 28x
  EXPECT_EQ(rules.CountryOf(46).region, "SE");
  EXPECT_EQ(rules.CountryOf(46).national_prefix, "0");
  EXPECT_TRUE(rules.CountryOf(1).several_regions);
  EXPECT_TRUE(rules.CountryOf(800).non_geographic);
  ASSERT_NE(rules.CountryOfRegion("SE"), nullptr);
  EXPECT_EQ(rules.CountryOfRegion("SE")->international_prefix, "00");
  EXPECT_EQ(rules.CountryOfRegion("XX"), nullptr);
}

// Every form the rules settle, in several home regions, must give what Parse gives.
TEST(PhoneNumberTest, InternationalFormsAgreeWithParsing) {
  ASSERT_TRUE(InitPhoneNumbers("SE"));
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  int compared = 0;
  int valid = 0;
  int k = 0;
  for (const std::string& region : regions) {
    const std::string code = std::to_string(util.GetCountryCodeForRegion(region));
    for (const std::string& nsn : NumbersToTry(util, region)) {
      // Swedish home always; a home with another international prefix (US: 011), and one
      // without a national prefix (PL), for every third number (Parse is slow).
      std::vector<const char*> homes = {"SE"};
      if (++k % 3 == 0) homes = {"SE", "US", "PL"};
      for (const std::string& form : {"+" + code + nsn, "00" + code + nsn, "+" + code + "0" + nsn,
                                      "011" + code + nsn, "0" + nsn}) {
        for (const char* home : homes) {
          const auto parsed = ToE164Parsed(form, home);
          ASSERT_EQ(ToE164(form, home), parsed) << form << " in " << home;
          ++compared;
          valid += parsed.has_value();
        }
      }
    }
  }
  EXPECT_GT(compared, 40000);
  EXPECT_GT(valid, 5000);
}

}  // namespace
}  // namespace synlig::ads::internal
