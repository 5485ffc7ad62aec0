// HtmlEscape / XmlEscape: the five characters with a meaning in markup, and XML's forbidden
// control characters.
#include "synlig/core/escape.h"

#include <gtest/gtest.h>

namespace synlig {
namespace {

TEST(EscapeTest, HtmlEscapesTheFiveMarkupCharactersAndKeepsTheRest) {
  EXPECT_EQ(HtmlEscape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(HtmlEscape("Åsa – Göteborg\n\t"), "Åsa – Göteborg\n\t");
  EXPECT_EQ(HtmlEscape(""), "");
  std::string out = "x";
  AppendHtmlEscaped("<", out);
  EXPECT_EQ(out, "x&lt;");
}

TEST(EscapeTest, XmlDropsForbiddenControlCharacters) {
  EXPECT_EQ(XmlEscape(std::string("a\x01<b\x1f\tc\nd\re\0", 11)), "a&lt;b\tc\nd\re");
  EXPECT_EQ(XmlEscape("\x02"), "");
  EXPECT_EQ(XmlEscape("plain"), "plain");
}

TEST(EscapeTest, CsvFieldQuotesOnlyWhenItMust) {
  EXPECT_EQ(CsvField("Linköping"), "Linköping");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hej\""), "\"say \"\"hej\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  std::string out = "x,";
  AppendCsvField("1,5", out);
  EXPECT_EQ(out, "x,\"1,5\"");
}

}  // namespace
}  // namespace synlig
