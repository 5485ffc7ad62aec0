// Tests of EntryAnswers helpers, MetAnyone codes and the answers storage encoding.
#include <gtest/gtest.h>

#include <string>

#include "synlig/survey/answers.h"

namespace synlig::survey {
namespace {

EntryAnswers Sample() {
  EntryAnswers a;
  a.values["gender"] = {"woman"};
  a.values["forms"] = {"sells", "buys"};
  a.values["arenas"] = {"street"};
  return a;
}

TEST(EntryAnswersTest, HasAndSingle) {
  EntryAnswers a = Sample();
  EXPECT_TRUE(a.Has("forms", "buys"));
  EXPECT_FALSE(a.Has("forms", "procuring"));
  EXPECT_FALSE(a.Has("location", "street"));
  EXPECT_EQ(a.Single("gender"), "woman");
  EXPECT_EQ(a.Single("location"), "");
}

TEST(MetAnyoneTest, CodesRoundTrip) {
  for (MetAnyone m : {MetAnyone::kYes, MetAnyone::kNo, MetAnyone::kUnknown}) {
    EXPECT_EQ(ParseMetAnyone(MetAnyoneCode(m)).value(), m);
  }
  EXPECT_EQ(MetAnyoneCode(MetAnyone::kUnknown), "unknown");
}

TEST(MetAnyoneTest, RejectsUnknownCodeNamingIt) {
  auto r = ParseMetAnyone("maybe");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "met_anyone");
  EXPECT_NE(r.error().message().find("maybe"), std::string::npos);
}

TEST(EncodeAnswersTest, WritesItemsAndOptionsSorted) {
  EXPECT_EQ(EncodeAnswers(Sample()), "arenas=street;forms=buys,sells;gender=woman");
}

TEST(EncodeAnswersTest, DropsEmptyItemsAndDuplicateOptions) {
  EntryAnswers a;
  a.values["forms"] = {"sells", "sells"};
  a.values["arenas"] = {};
  EXPECT_EQ(EncodeAnswers(a), "forms=sells");
  EXPECT_EQ(EncodeAnswers(EntryAnswers{}), "");
}

TEST(DecodeAnswersTest, RoundTripsToCanonicalForm) {
  EntryAnswers a = Sample();
  auto decoded = DecodeAnswers(EncodeAnswers(a));
  ASSERT_TRUE(decoded) << decoded.error().ToString();
  EXPECT_EQ(*decoded, CanonicalAnswers(a));
  EXPECT_EQ(decoded->values.at("forms"), (std::vector<std::string>{"buys", "sells"}));
}

TEST(DecodeAnswersTest, EmptyTextIsNoAnswers) {
  auto decoded = DecodeAnswers("");
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(decoded->values.empty());
}

TEST(DecodeAnswersTest, AcceptsCanonicalTextAndReEncodesIdentically) {
  for (std::string_view text :
       {"a=b", "age_band=15_17", "a=b,c;d=e", "forms=buys,sells;gender=woman;location=both"}) {
    auto decoded = DecodeAnswers(text);
    ASSERT_TRUE(decoded) << text << ": " << decoded.error().ToString();
    EXPECT_EQ(EncodeAnswers(*decoded), text);
  }
}

TEST(DecodeAnswersTest, RejectsMalformedText) {
  using namespace std::string_view_literals;
  const std::vector<std::string_view> texts = {
      "="sv,     "a"sv,      "a=",    "=b",    "a=b;",    ";a=b",    "a=b,",   "a=,b",
      "a==b",    "a=b;;c=d", "A=b",   "a=B",   "a=b c",   "a=b\n",   "a=ö",    "b=x;a=y",
      "a=x;a=y", "a=y,x",    "a=x,x", "a=b;c", "a=b,c=d", "\0a=b"sv, "a=b\0"sv};
  for (std::string_view text : texts) {
    auto decoded = DecodeAnswers(text);
    ASSERT_FALSE(decoded) << "accepted '" << text << "'";
    EXPECT_EQ(decoded.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(decoded.error().field(), "answers");
  }
}

TEST(DecodeAnswersTest, RejectsOverlongCode) {
  std::string at_limit = "a=" + std::string(64, 'x');
  EXPECT_TRUE(DecodeAnswers(at_limit));
  auto r = DecodeAnswers("a=" + std::string(65, 'x'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
}

TEST(DecodeAnswersTest, NamesOutOfOrderItem) {
  auto r = DecodeAnswers("gender=man;forms=buys");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("forms"), std::string::npos);
}

}  // namespace
}  // namespace synlig::survey
