// Tests of the capture CSV reader and CaptureTable checks.
#include <gtest/gtest.h>

#include "synlig/estimate/capture_table.h"
#include "test_data.h"

namespace synlig::estimate {
namespace {

void ExpectError(std::string_view csv, std::string_view field) {
  auto table = ParseCaptureCsv(csv);
  ASSERT_FALSE(table.has_value()) << csv;
  EXPECT_EQ(table.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(table.error().field(), field) << table.error().message();
}

TEST(CaptureCsvTest, ReadsPatternFormatWithMissingPatternsAsZero) {
  auto table = ParseCaptureCsv("A,B,C,count\n1,0,0,5\n0,1,0,7\r\n1,1,0,2\n0,0,1,3\n\n");
  ASSERT_TRUE(table.has_value()) << table.error().ToString();
  EXPECT_EQ(table->num_lists(), 3);
  EXPECT_EQ(table->list_names()[2], "C");
  EXPECT_EQ(table->count(0b001), 5);
  EXPECT_EQ(table->count(0b010), 7);
  EXPECT_EQ(table->count(0b011), 2);
  EXPECT_EQ(table->count(0b100), 3);
  EXPECT_EQ(table->count(0b111), 0);
  EXPECT_EQ(table->n_observed(), 17);
  EXPECT_EQ(table->ListTotal(0), 7);
  EXPECT_EQ(table->Overlap(0b011), 2);
}

TEST(CaptureCsvTest, AggregatesIndividualRecords) {
  auto table = ParseCaptureCsv("police,health\n1,0\n1,1\n0,1\n1,1\n");
  ASSERT_TRUE(table.has_value()) << table.error().ToString();
  EXPECT_EQ(table->num_lists(), 2);
  EXPECT_EQ(table->count(0b01), 1);
  EXPECT_EQ(table->count(0b10), 1);
  EXPECT_EQ(table->count(0b11), 2);
  EXPECT_EQ(table->n_observed(), 4);
}

TEST(CaptureCsvTest, AcceptsQuotedHeaderAndZeroCountForEmptyPattern) {
  auto table = ParseCaptureCsv("\"A\", \"B\" ,Count\n0,0,0\n1,1,4\n1,0,1\n0,1,1\n");
  ASSERT_TRUE(table.has_value()) << table.error().ToString();
  EXPECT_EQ(table->count(0b11), 4);
}

TEST(CaptureCsvTest, RejectsEmptyFile) { ExpectError("", "header"); }
TEST(CaptureCsvTest, RejectsFewerThanTwoLists) { ExpectError("A,count\n1,4\n", "header"); }
TEST(CaptureCsvTest, RejectsSingleRecordColumn) { ExpectError("A\n1\n", "header"); }
TEST(CaptureCsvTest, RejectsMoreThanSixteenLists) {
  std::string header;
  for (int j = 0; j < 17; ++j) header += "L" + std::to_string(j) + ",";
  ExpectError(header + "count\n", "header");
}
TEST(CaptureCsvTest, RejectsDuplicatedListName) { ExpectError("A,A,count\n1,0,1\n", "header"); }
TEST(CaptureCsvTest, RejectsEmptyListName) { ExpectError("A,,count\n1,0,1\n", "header"); }
TEST(CaptureCsvTest, RejectsCountNotLast) { ExpectError("A,count,B\n1,0,1\n", "header"); }
TEST(CaptureCsvTest, RejectsWrongNumberOfFields) {
  ExpectError("A,B,count\n1,0,1\n1,1\n", "row");
}
TEST(CaptureCsvTest, RejectsValueOtherThanZeroOrOne) {
  ExpectError("A,B,count\n1,2,1\n0,1,1\n", "row");
}
TEST(CaptureCsvTest, RejectsNonIntegerCount) { ExpectError("A,B,count\n1,0,1.5\n0,1,1\n", "count"); }
TEST(CaptureCsvTest, RejectsTextCount) { ExpectError("A,B,count\n1,0,x\n0,1,1\n", "count"); }
TEST(CaptureCsvTest, RejectsEmptyCount) { ExpectError("A,B,count\n1,0,\n0,1,1\n", "count"); }
TEST(CaptureCsvTest, RejectsNegativeCount) { ExpectError("A,B,count\n1,0,-3\n0,1,1\n", "count"); }
TEST(CaptureCsvTest, RejectsHugeCount) {
  ExpectError("A,B,count\n1,0,99999999999999999999\n0,1,1\n", "count");
}
TEST(CaptureCsvTest, RejectsTotalAboveTwoToThe53) {
  ExpectError("A,B,count\n1,0,9000000000000000\n0,1,9000000000000000\n", "count");
}
TEST(CaptureCsvTest, RejectsDuplicatedPattern) {
  ExpectError("A,B,count\n1,0,1\n0,1,1\n1,0,2\n", "row");
}
TEST(CaptureCsvTest, RejectsCountForUnobservedPattern) {
  ExpectError("A,B,count\n0,0,3\n1,0,1\n0,1,1\n", "count");
}
TEST(CaptureCsvTest, RejectsRecordOnNoList) { ExpectError("A,B\n0,0\n1,1\n", "row"); }
TEST(CaptureCsvTest, RejectsListThatCapturesNobody) {
  ExpectError("A,B,C,count\n1,0,0,3\n0,1,0,2\n1,1,0,1\n0,0,1,0\n", "lists");
}
TEST(CaptureCsvTest, RejectsAllZeroCounts) { ExpectError("A,B,count\n1,0,0\n0,1,0\n", "lists"); }

TEST(CaptureTableTest, CreateRejectsWrongCellCount) {
  auto table = CaptureTable::Create({"A", "B"}, {0, 1, 1});
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().field(), "count");
}

TEST(CaptureTableTest, CreateRejectsNegativeCount) {
  auto table = CaptureTable::Create({"A", "B"}, {0, 1, 1, -1});
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().field(), "count");
}

struct DatasetFacts {
  const char* name;
  int k;
  std::int64_t n_observed;
  int nonzero_cells;
};

class SharedDatasetTest : public ::testing::TestWithParam<DatasetFacts> {};

TEST_P(SharedDatasetTest, ReadsWithDocumentedSize) {
  const DatasetFacts& facts = GetParam();
  CaptureTable table = testing::LoadDataset(facts.name);
  EXPECT_EQ(table.num_lists(), facts.k);
  EXPECT_EQ(table.n_observed(), facts.n_observed);
  EXPECT_EQ(table.NonZeroCells(), facts.nonzero_cells);
}

INSTANTIATE_TEST_SUITE_P(
    AllDatasets, SharedDatasetTest,
    ::testing::Values(DatasetFacts{"uk2013_6lists", 6, 2744, 25},
                      DatasetFacts{"uk2013_5lists", 5, 2744, 18},
                      DatasetFacts{"uk2013_4lists", 4, 2428, 14},
                      DatasetFacts{"neworleans_8lists", 8, 185, 19},
                      DatasetFacts{"neworleans_5lists", 5, 185, 14},
                      DatasetFacts{"neworleans_8lists_mse120", 8, 186, 19},
                      DatasetFacts{"neworleans_5lists_mse120", 5, 186, 14},
                      DatasetFacts{"netherlands_6lists", 6, 8234, 24},
                      DatasetFacts{"netherlands_5lists", 5, 8234, 17},
                      DatasetFacts{"korea_3lists", 3, 123, 6},
                      DatasetFacts{"australia_4lists", 4, 414, 13},
                      DatasetFacts{"hiv_lazio_4lists", 4, 1896, 13},
                      DatasetFacts{"spinabifida_3lists", 3, 626, 7},
                      DatasetFacts{"artificial_3lists_SYNTHETIC", 3, 96, 4}),
    [](const ::testing::TestParamInfo<DatasetFacts>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace synlig::estimate
