// The CSV reader: separators, quoting, line ends and its errors.
#include "synlig/training/csv.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

using Records = std::vector<std::vector<std::string>>;

TEST(CsvTest, DetectsSemicolonCommaAndTab) {
  EXPECT_EQ(DetectSeparator("a;b;c\n1,2;3"), ';');
  EXPECT_EQ(DetectSeparator("a,b,c\n"), ',');
  EXPECT_EQ(DetectSeparator("a\tb\n"), '\t');
  EXPECT_EQ(DetectSeparator("\"a;b\",c\n"), ',');  // quoted separators do not count
  EXPECT_EQ(DetectSeparator("one column\n"), ';');
}

TEST(CsvTest, ParsesQuotesDoubledQuotesAndLineBreaksInFields) {
  auto t = ParseCsv("a;\"b;c\";\"say \"\"hi\"\"\"\r\n1;\"two\nlines\";3\r\n");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->records, (Records{{"a", "b;c", "say \"hi\""}, {"1", "two\nlines", "3"}}));
  EXPECT_EQ(t->lines, (std::vector<int>{1, 2}));
}

TEST(CsvTest, SkipsBlankLinesAndKeepsEmptyFields) {
  auto t = ParseCsv("a,b\n\n1,\n\r\n,2\n\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->records, (Records{{"a", "b"}, {"1", ""}, {"", "2"}}));
  EXPECT_EQ(t->lines, (std::vector<int>{1, 3, 5}));
}

TEST(CsvTest, AcceptsCrOnlyLineEndsAndNoFinalNewline) {
  auto t = ParseCsv("a;b\r1;2\r3;4");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->records, (Records{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
}

TEST(CsvTest, ExcelSepLineChoosesTheSeparator) {
  auto t = ParseCsv("sep=,\r\na;b,c\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->separator, ',');
  EXPECT_EQ(t->records, (Records{{"a;b", "c"}}));
  EXPECT_EQ(t->lines, (std::vector<int>{2}));
}

TEST(CsvTest, UnclosedQuoteNamesTheLineItOpenedOn) {
  auto t = ParseCsv("a;b\n1;\"open\n2;3\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(t.error().message().find("line 2"), std::string::npos) << t.error().message();
}

TEST(CsvTest, TextAfterClosingQuoteIsAnError) {
  auto t = ParseCsv("a;b\n\"x\"y;2\n");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message().find("line 2"), std::string::npos);
}

TEST(CsvTest, QuoteInsideUnquotedFieldIsLiteral) {
  auto t = ParseCsv("a;b\n5\" skärm;2\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->records[1][0], "5\" skärm");
}

TEST(CsvTest, LimitsAreEnforced) {
  EXPECT_FALSE(ParseCsv(std::string(kMaxCsvFieldBytes + 1, 'x')));
  EXPECT_FALSE(ParseCsv(std::string(kMaxCsvFields, ';')));
  EXPECT_TRUE(ParseCsv(std::string(kMaxCsvFields - 1, ';')));
}

}  // namespace
}  // namespace synlig::training
