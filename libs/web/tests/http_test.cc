// Form parsing, URL encoding and local redirect checks.
#include "http.h"

#include <gtest/gtest.h>

namespace synlig::web {
namespace {

TEST(ParseUrlEncodedTest, DecodesPlusPercentAndRepeatedNames) {
  const Params p = ParseUrlEncoded("a=1&b=x+y&b=%C3%85%3D&c&=skipped&d=%zz");
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"a", "1"}));
  EXPECT_EQ(p[1].second, "x y");
  EXPECT_EQ(p[2].second, "Å=");
  EXPECT_EQ(p[3], (std::pair<std::string, std::string>{"c", ""}));
  EXPECT_EQ(p[4].second, "%zz");  // malformed escape kept literally
  EXPECT_EQ(FindAllParams(p, "b").size(), 2u);
  EXPECT_EQ(FindParam(p, "a"), "1");
  EXPECT_FALSE(FindParam(p, "missing").has_value());
}

TEST(ParseUrlEncodedTest, TruncatedEscapeAtEndIsKept) {
  const Params p = ParseUrlEncoded("a=%4");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].second, "%4");
}

TEST(UrlEncodeTest, RoundTripsThroughParse) {
  const std::string text = "åäö & =?/x";
  const Params p = ParseUrlEncoded("k=" + UrlEncode(text));
  EXPECT_EQ(p.at(0).second, text);
}

TEST(SafeLocalPathTest, AcceptsOnlyLocalPaths) {
  EXPECT_EQ(SafeLocalPath("/rounds/3?x=1"), "/rounds/3?x=1");
  EXPECT_EQ(SafeLocalPath("//evil.example/"), "/");
  EXPECT_EQ(SafeLocalPath("/\\evil.example"), "/");
  EXPECT_EQ(SafeLocalPath("https://evil.example/"), "/");
  EXPECT_EQ(SafeLocalPath(""), "/");
  EXPECT_EQ(SafeLocalPath("/a\r\nSet-Cookie: x"), "/");
}

}  // namespace
}  // namespace synlig::web
