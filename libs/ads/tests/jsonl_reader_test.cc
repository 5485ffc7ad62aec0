// Tests of the JSON Lines reader: field types, required fields, unknown fields, bad lines.
#include "synlig/ads/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synlig::ads {
namespace {

constexpr char kGood[] =
    R"({"site":"s1","ad_id":"a1","captured_on":"2025-03-04","city":"Linköping",)"
    R"("title":"Hej","text":"Ny i stan","phones":["070-174 06 05"],"stated_age":24,)"
    R"("stated_gender":"kvinna","stated_nationality":null,"price":"1500 kr",)"
    R"("image_hashes":["8f3a00ff12345678","ff"],"extra":{"nested":[1,2,3]}})";

TEST(JsonlAdParserTest, ParsesEveryKnownField) {
  JsonlAdParser parser;
  auto ad = parser.Parse(kGood);
  ASSERT_TRUE(ad) << ad.error().ToString();
  EXPECT_EQ(ad->site, "s1");
  EXPECT_EQ(ad->ad_id, "a1");
  EXPECT_EQ(FormatDate(ad->captured_on), "2025-03-04");
  EXPECT_EQ(ad->city, "Linköping");
  EXPECT_EQ(ad->title, "Hej");
  EXPECT_EQ(ad->text, "Ny i stan");
  ASSERT_EQ(ad->phones.size(), 1u);
  EXPECT_EQ(ad->phones[0], "070-174 06 05");
  EXPECT_EQ(ad->stated_age, 24);
  EXPECT_EQ(ad->stated_gender, "kvinna");
  EXPECT_FALSE(ad->stated_nationality.has_value());
  EXPECT_EQ(ad->price, "1500 kr");
  ASSERT_EQ(ad->image_hashes.size(), 2u);
  EXPECT_EQ(ad->image_hashes[0], 0x8f3a00ff12345678u);
  EXPECT_EQ(ad->image_hashes[1], 0xffu);
  EXPECT_FALSE(ad->truth.has_value());
}

TEST(JsonlAdParserTest, ParserIsReusableAcrossLines) {
  JsonlAdParser parser;
  ASSERT_TRUE(parser.Parse(kGood));
  auto second = parser.Parse(R"({"site":"x","ad_id":"2","captured_on":"2025-01-01"})");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->site, "x");
  EXPECT_TRUE(second->phones.empty());
  EXPECT_FALSE(second->stated_age.has_value());
}

TEST(JsonlAdParserTest, ParseIntoResetsEveryFieldOfAReusedAd) {
  JsonlAdParser parser;
  Ad ad;
  ASSERT_TRUE(parser.ParseInto(kGood, ad));
  ASSERT_TRUE(parser.ParseInto(R"({"site":"s2","ad_id":"a2","captured_on":"2025-03-05"})", ad));
  EXPECT_EQ(ad.site, "s2");
  EXPECT_EQ(ad.ad_id, "a2");
  EXPECT_EQ(FormatDate(ad.captured_on), "2025-03-05");
  EXPECT_EQ(ad.city, "");
  EXPECT_EQ(ad.title, "");
  EXPECT_EQ(ad.text, "");
  EXPECT_TRUE(ad.phones.empty());
  EXPECT_FALSE(ad.stated_age.has_value());
  EXPECT_EQ(ad.stated_gender, "");
  EXPECT_FALSE(ad.price.has_value());
  EXPECT_TRUE(ad.image_hashes.empty());
  // A bad line leaves no field of the line before it either.
  EXPECT_FALSE(parser.ParseInto(R"({"site":"s3","ad_id":"a3","captured_on":"x"})", ad));
  ASSERT_TRUE(parser.ParseInto(R"({"site":"s4","ad_id":"a4","captured_on":"2025-03-06",)"
                               R"("price":"900 kr","phones":["0701740606"]})",
                               ad));
  EXPECT_EQ(ad.price, "900 kr");
  ASSERT_EQ(ad.phones.size(), 1u);
  ASSERT_TRUE(parser.ParseInto(R"({"site":"s5","ad_id":"a5","captured_on":"2025-03-07"})", ad));
  EXPECT_FALSE(ad.price.has_value());
  EXPECT_TRUE(ad.phones.empty());
}

TEST(JsonlAdParserTest, ReadsGroundTruth) {
  JsonlAdParser parser;
  auto ad = parser.Parse(
      R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","_truth":{"person_id":"p1",)"
      R"("advertiser_id":"a1","network_id":"n1","organised":true}})");
  ASSERT_TRUE(ad);
  ASSERT_TRUE(ad->truth.has_value());
  EXPECT_EQ(ad->truth->person_id, "p1");
  EXPECT_EQ(ad->truth->advertiser_id, "a1");
  EXPECT_EQ(ad->truth->network_id, "n1");
  EXPECT_TRUE(ad->truth->organised);
}

struct BadCase {
  const char* line;
  const char* field;
};

class JsonlAdParserRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(JsonlAdParserRejects, NamesTheField) {
  JsonlAdParser parser;
  auto ad = parser.Parse(GetParam().line);
  ASSERT_FALSE(ad.has_value()) << GetParam().line;
  EXPECT_EQ(ad.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ad.error().field(), GetParam().field) << ad.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    BadLines, JsonlAdParserRejects,
    ::testing::Values(
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01")", "json"},
        BadCase{R"([1,2])", "json"},
        BadCase{R"("just a string")", "json"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01"} {"x":1})", "json"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01"} x)", "json"},
        BadCase{R"({"ad_id":"1","captured_on":"2025-01-01"})", "site"},
        BadCase{R"({"site":"s","captured_on":"2025-01-01"})", "ad_id"},
        BadCase{R"({"site":"s","ad_id":"1"})", "captured_on"},
        BadCase{R"({"site":"s","ad_id":"","captured_on":"2025-01-01"})", "ad_id"},
        BadCase{R"({"site":"s","ad_id":17,"captured_on":"2025-01-01"})", "ad_id"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-02-30"})", "captured_on"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","stated_age":"24"})",
                "stated_age"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","stated_age":24.5})",
                "stated_age"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","stated_age":130})",
                "stated_age"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","phones":"0701"})",
                "phones"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","phones":[701]})",
                "phones"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","text":5})", "text"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","image_hashes":["xyz"]})",
                "image_hashes"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01",)"
                R"("image_hashes":["00112233445566778"]})",
                "image_hashes"},
        BadCase{R"({"site":"s","ad_id":"1","site":"t","captured_on":"2025-01-01"})", "site"},
        BadCase{R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","_truth":[]})",
                "_truth"}));

TEST(JsonlAdParserTest, RejectsInvalidUtf8) {
  JsonlAdParser parser;
  std::string line = R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","text":"a)";
  line += "\xff\xfe";
  line += "\"}";
  auto ad = parser.Parse(line);
  ASSERT_FALSE(ad);
  EXPECT_EQ(ad.error().field(), "json");
}

TEST(JsonlAdParserTest, RejectsTooManyPhones) {
  std::string line = R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","phones":[)";
  for (int i = 0; i < 65; ++i) line += std::string(i ? "," : "") + "\"1\"";
  line += "]}";
  JsonlAdParser parser;
  auto ad = parser.Parse(line);
  ASSERT_FALSE(ad);
  EXPECT_EQ(ad.error().field(), "phones");
}

TEST(JsonlAdReaderTest, ReportsBadLinesWithNumbersAndSkipsThem) {
  JsonlAdReader reader;
  std::vector<std::string> ids;
  auto sink = [&](Ad&& ad) { ids.push_back(ad.ad_id); };
  std::string text = std::string(kGood) + "\n\n" +
                     R"({"site":"s","ad_id":"2","captured_on":"nope"})" + "\r\n" +
                     R"({"site":"s","ad_id":"3","captured_on":"2025-01-02"})";
  // Feed in awkward pieces so lines are split across chunks.
  for (std::size_t i = 0; i < text.size(); i += 7) reader.Feed(text.substr(i, 7), sink);
  reader.Finish(sink);
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "3"}));
  const ReadSummary& s = reader.summary();
  EXPECT_EQ(s.lines, 3u);
  EXPECT_EQ(s.read, 2u);
  EXPECT_EQ(s.skipped, 1u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 3u);
  EXPECT_NE(s.errors[0].reason.find("captured_on"), std::string::npos);
  EXPECT_EQ(s.reasons.at("captured_on"), 1u);
  EXPECT_EQ(reader.bytes_fed(), text.size());
}

TEST(JsonlAdReaderTest, ProblemCodesNeverQuoteTheLine) {
  struct Case {
    const char* line;
    const char* field;
    const char* problem;
  };
  const Case cases[] = {
      {R"({"site":"s","ad_id":"1")", "json", "syntax"},
      {R"({"site":"s","captured_on":"2025-01-01"})", "ad_id", "missing"},
      {R"({"site":"s","ad_id":"1","site":"t","captured_on":"2025-01-01"})", "site", "twice"},
      {R"({"site":"s","ad_id":"1","captured_on":"070-174 06 05"})", "captured_on", "date"},
      {R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","stated_age":130})", "stated_age",
       "range"},
      {R"({"site":"s","ad_id":"","captured_on":"2025-01-01"})", "ad_id", "empty"},
      {R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","image_hashes":["Sofia"]})",
       "image_hashes", "hash"},
      {R"({"site":"s","ad_id":"1","captured_on":"2025-01-01","phones":[701]})", "phones", "type"},
  };
  for (const Case& c : cases) {
    JsonlAdReader reader;
    reader.Feed(std::string(c.line) + "\n", [](Ad&&) {});
    ASSERT_EQ(reader.summary().errors.size(), 1u) << c.line;
    const LineError& e = reader.summary().errors[0];
    EXPECT_EQ(e.field, c.field) << c.line;
    EXPECT_EQ(LineProblemCode(e), c.problem) << c.line << " -> " << e.reason;
  }
  LineError too_long{1, "line is longer than 1048576 bytes", "line"};
  EXPECT_EQ(LineProblemCode(too_long), "too_long");
}

TEST(JsonlAdReaderTest, SkipsOverlongLineWithoutBufferingIt) {
  JsonlAdReader reader;
  int n = 0;
  auto sink = [&](Ad&&) { ++n; };
  std::string big(kMaxLineBytes + 10, 'x');
  reader.Feed(big, sink);
  reader.Feed("\n", sink);
  reader.Feed(R"({"site":"s","ad_id":"3","captured_on":"2025-01-02"})", sink);
  reader.Finish(sink);
  EXPECT_EQ(n, 1);
  ASSERT_EQ(reader.summary().errors.size(), 1u);
  EXPECT_EQ(reader.summary().errors[0].line, 1u);
  EXPECT_EQ(reader.summary().reasons.at("line"), 1u);
}

}  // namespace
}  // namespace synlig::ads
