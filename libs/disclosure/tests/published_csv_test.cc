// The published-table CSV reader: labels, totals, markers, separators, and clear errors.
#include "synlig/disclosure/published_csv.h"

#include <gtest/gtest.h>

namespace synlig::disclosure {
namespace {

TEST(PublishedCsvTest, ReadsCellsTotalsAndMarkers) {
  auto csv = ParsePublishedCsv(
      "Form,Kvinna,Man,Totalt\n"
      "Säljer,34,.,49\n"
      "Köper,<5,x,44\n"
      "Totalt,37,..,93\n");
  ASSERT_TRUE(csv.has_value()) << csv.error().ToString();
  const ProtectedTable& p = csv->table;
  EXPECT_EQ(p.table.row_labels, (std::vector<std::string>{"Säljer", "Köper"}));
  EXPECT_EQ(p.table.col_labels, (std::vector<std::string>{"Kvinna", "Man"}));
  EXPECT_TRUE(p.table.row_totals && p.table.col_totals && p.table.grand_total);
  EXPECT_EQ(p.status[0], CellStatus::kPublished);
  EXPECT_EQ(p.published_cells[0], 34);
  EXPECT_EQ(p.status[1], CellStatus::kSecondary);
  EXPECT_EQ(p.status[2], CellStatus::kPrimary);
  EXPECT_EQ(p.below_cells[2], 5);
  EXPECT_EQ(p.published_row_totals, (std::vector<std::int64_t>{49, 44}));
  EXPECT_EQ(p.col_total_status[1], CellStatus::kSecondary);
  EXPECT_EQ(p.published_grand, 93);
  EXPECT_EQ(csv->row_line, (std::vector<int>{2, 3, 4}));
}

TEST(PublishedCsvTest, SemicolonsBomCrLfGroupedDigitsAndAbsentCells) {
  auto csv = ParsePublishedCsv(
      "\xEF\xBB\xBF"
      "Ålder;Kvinna;Man\r\n"
      "Under 18;\"1 234\";\r\n"
      "\r\n"
      "18+;5;7\r\n");
  ASSERT_TRUE(csv.has_value()) << csv.error().ToString();
  EXPECT_EQ(csv->delimiter, ';');
  const ProtectedTable& p = csv->table;
  EXPECT_EQ(p.table.row_labels[0], "Under 18");
  EXPECT_EQ(p.published_cells[0], 1234);
  EXPECT_EQ(p.status[1], CellStatus::kAbsent);
  EXPECT_TRUE(p.table.absent[1]);
  EXPECT_FALSE(p.table.row_totals);
  EXPECT_FALSE(p.table.col_totals);
  EXPECT_EQ(csv->row_line, (std::vector<int>{2, 4}));
}

TEST(PublishedCsvTest, TotalsOnlyWhenLabelled) {
  auto csv = ParsePublishedCsv("x,a,b\nr,1,2\nTotal,1,2\n");
  ASSERT_TRUE(csv.has_value());
  EXPECT_FALSE(csv->table.table.row_totals);
  EXPECT_TRUE(csv->table.table.col_totals);
  EXPECT_FALSE(csv->table.table.grand_total);
  EXPECT_EQ(csv->table.table.rows(), 1);
}

struct BadCsv {
  const char* name;
  const char* text;
  const char* field;
  const char* message;
};

class PublishedCsvBadTest : public ::testing::TestWithParam<BadCsv> {};

TEST_P(PublishedCsvBadTest, IsInvalidArgumentNamingLineAndColumn) {
  auto csv = ParsePublishedCsv(GetParam().text);
  ASSERT_FALSE(csv.has_value());
  EXPECT_EQ(csv.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(csv.error().field(), GetParam().field);
  EXPECT_NE(csv.error().message().find(GetParam().message), std::string::npos)
      << csv.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PublishedCsvBadTest,
    ::testing::Values(
        BadCsv{"Empty", "", "header", "line 1: no header line"},
        BadCsv{"HeaderOnlyCorner", "corner\nr\n", "header", "at least one column label"},
        BadCsv{"EmptyColumnLabel", "x,a,,b\nr,1,2,3\n", "header", "column 3: empty column label"},
        BadCsv{"NoRows", "x,a,b\n", "row", "line 2: no data rows"},
        BadCsv{"WrongFieldCount", "x,a,b\nr,1,2\ns,1\n", "row", "line 3: 2 fields, expected 3"},
        BadCsv{"EmptyRowLabel", "x,a\n,1\n", "row", "line 2: empty row label"},
        BadCsv{"Decimal", "x;a;b\nr;1;\"12,5\"\n", "cell", "line 2, column 'b': '12,5'"},
        BadCsv{"Negative", "x,a\nr,-3\n", "cell", "line 2, column 'a': '-3'"},
        BadCsv{"TooLarge", "x,a\nr,99999999999999\n", "cell", "line 2, column 'a'"},
        BadCsv{"BadBelowMarker", "x,a\nr,<0\n", "cell", "'<0' is not a marker"},
        BadCsv{"UnterminatedQuote", "x,a\nr,\"12\n", "row", "line 2: unterminated quote"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace synlig::disclosure
