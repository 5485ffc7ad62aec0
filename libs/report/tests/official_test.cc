// Readers of Brå's and SCB's exports: encodings, delimiters, both layouts, preliminary marks,
// missing values, other areas, and clear errors naming line and column.
#include "synlig/report/official.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace synlig::report {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/official/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<BraImport> Bra(std::string_view bytes, std::string municipality = "Linköping") {
  auto table = ReadStatisticsFile(bytes);
  if (!table) return Unexpected(table.error());
  return ParseBraExport(*table, {.municipality = std::move(municipality)});
}

const BraFigure* Find(const BraImport& b, Crime crime, int year) {
  for (const BraFigure& f : b.figures) {
    if (f.crime == crime && f.year == year) return &f;
  }
  return nullptr;
}

TEST(ReadDelimitedText, DetectsSemicolonAndWindows1252) {
  auto t = ReadDelimitedText("Brottstyp;2023\r\nK\xF6p av sexuell tj\xE4nst;41\r\n");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->format, "CSV (semicolon, Windows-1252)");
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1][0], "Köp av sexuell tjänst");
  EXPECT_EQ(t->rows[1][1], "41");
}

TEST(ReadDelimitedText, QuotedCommasDoubledQuotesAndLineBreaks) {
  auto t = ReadDelimitedText("\xEF\xBB\xBF\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->format, "CSV (comma, UTF-8)");
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"a, b", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"x", "y", "z"}));
}

TEST(ReadDelimitedText, ReadsUtf16WithByteOrderMark) {
  std::string bytes = "\xFF\xFE";
  for (char16_t c : std::u16string(u"År\t2024\nLinköping\t7")) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  auto t = ReadDelimitedText(bytes);
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->format, "CSV (tab, UTF-16)");
  EXPECT_EQ(t->rows[1][0], "Linköping");
}

TEST(ReadDelimitedText, RejectsUnclosedQuoteTextAfterQuoteAndUndefinedBytes) {
  auto open = ReadDelimitedText("a;b\n\"never closed;1\n");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().field(), "file");
  EXPECT_NE(open.error().message().find("line 2"), std::string::npos) << open.error().message();
  auto after = ReadDelimitedText("a;b\n\"x\"y;1\n");
  ASSERT_FALSE(after);
  EXPECT_NE(after.error().message().find("line 2"), std::string::npos);
  auto undefined = ReadDelimitedText("a;b\nx\x81;1\n");
  ASSERT_FALSE(undefined);
  EXPECT_NE(undefined.error().message().find("0x81"), std::string::npos);
  EXPECT_EQ(ReadDelimitedText(" \r\n").error().message(), "the file is empty");
}

TEST(ParseCount, AcceptsSwedishFormsAndMarksMissing) {
  bool missing = false;
  EXPECT_EQ(ParseCount("1 234", "x", missing).value_or(-1), 1234);
  EXPECT_EQ(ParseCount("1\xC2\xA0"
                       "234\xC2\xA0"
                       "567",
                       "x", missing)
                .value_or(-1),
            1234567);
  EXPECT_EQ(ParseCount("12,0", "x", missing).value_or(-1), 12);
  EXPECT_EQ(ParseCount("12.00", "x", missing).value_or(-1), 12);
  EXPECT_EQ(ParseCount("-", "x", missing).value_or(-1), 0);
  EXPECT_FALSE(missing);
  EXPECT_TRUE(ParseCount("..", "x", missing).has_value());
  EXPECT_TRUE(missing);
  for (std::string_view bad : {"12a", "1.234", "12 34", "1 2345", "-3", "1e3", "12,5"}) {
    auto r = ParseCount(bad, "line 3, column 2", missing);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field(), "file");
    EXPECT_NE(r.error().message().find("line 3, column 2"), std::string::npos);
  }
}

TEST(ParseBraExport, ReadsTheWideWindows1252Export) {
  auto b = Bra(ReadData("bra_linkoping_wide.csv"));
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_EQ(b->figures.size(), 29u);  // 3 crimes x 10 years, one missing
  const BraFigure* buy = Find(*b, Crime::kSexPurchase, 2018);
  ASSERT_NE(buy, nullptr);
  EXPECT_EQ(buy->reported, 61);
  EXPECT_FALSE(buy->preliminary);
  EXPECT_EQ(buy->line, 7);
  const BraFigure* latest = Find(*b, Crime::kProcuring, 2024);
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->reported, 2);
  EXPECT_TRUE(latest->preliminary);
  EXPECT_EQ(Find(*b, Crime::kTrafficking, 2020), nullptr);  // ".."
  EXPECT_EQ(Find(*b, Crime::kTrafficking, 2023)->reported, 6);
  bool noted_total = false, noted_missing = false;
  for (const std::string& n : b->notes) {
    noted_total = noted_total || n.find("Samtliga brott") != std::string::npos;
    noted_missing = noted_missing || n.find("line 9, column 7") != std::string::npos;
  }
  EXPECT_TRUE(noted_total);
  EXPECT_TRUE(noted_missing);
}

TEST(ParseBraExport, ReadsTheLongExportForOneMunicipalityOnly) {
  auto b = Bra(ReadData("bra_long_utf8_bom.csv"));
  ASSERT_TRUE(b) << b.error().ToString();
  ASSERT_EQ(b->figures.size(), 9u);
  EXPECT_EQ(Find(*b, Crime::kSexPurchase, 2023)->reported, 41);  // not Norrköping's 82
  EXPECT_TRUE(Find(*b, Crime::kSexPurchase, 2024)->preliminary);
  EXPECT_FALSE(Find(*b, Crime::kSexPurchase, 2023)->preliminary);
  // Trafficking for sexual purposes, not for other purposes (which reads 1).
  EXPECT_EQ(Find(*b, Crime::kTrafficking, 2023)->reported, 6);
  auto norrkoping = Bra(ReadData("bra_long_utf8_bom.csv"), "Norrköping");
  ASSERT_TRUE(norrkoping);
  EXPECT_EQ(Find(*norrkoping, Crime::kSexPurchase, 2023)->reported, 82);
  auto elsewhere = Bra(ReadData("bra_long_utf8_bom.csv"), "Umeå");
  ASSERT_FALSE(elsewhere);
  EXPECT_NE(elsewhere.error().message().find("0581 Norrköping"), std::string::npos)
      << elsewhere.error().message();
}

TEST(ParseBraExport, ReadsTheExcelExportWithAPreliminaryNote) {
  auto b = Bra(ReadData("bra_linkoping.xlsx"));
  ASSERT_TRUE(b) << b.error().ToString();
  ASSERT_EQ(b->figures.size(), 14u);
  EXPECT_EQ(Find(*b, Crime::kSexPurchase, 2022)->reported, 58);
  EXPECT_TRUE(Find(*b, Crime::kTrafficking, 2024)->preliminary);
  EXPECT_FALSE(Find(*b, Crime::kTrafficking, 2023)->preliminary);
}

TEST(ParseBraExport, NamesLineAndColumnOfABadCount) {
  auto b = Bra(ReadData("bra_bad_count.csv"));
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(b.error().field(), "file");
  EXPECT_EQ(b.error().message(), "line 6, column 10: '4l' is not a whole count");
}

TEST(ParseBraExport, RejectsUnexpectedLayouts) {
  struct Case {
    std::string text;
    std::string expect;
  };
  std::vector<Case> cases = {
      {"Brottstyp;Antal\nKoppleri;3\n", "no header row found"},
      {"Område: Norrköping\nBrott;2023\nKoppleri;3\n", "not 'Linköping'"},
      {"Brott;2023\nKoppleri;3\nKoppleri;4\n", "lines 2 and 3 both give"},
      {"Brott;2023\nKoppleri;3;9\n", "line 2, column 3"},
      {"Brott;2023\nStöld;3\n", "no figures for"},
      {"Brottstyp;År;Antal\nKoppleri;2024M01;3\n", "line 2, column 2: '2024M01' is not a year"},
  };
  for (const Case& c : cases) {
    auto b = Bra(c.text);
    ASSERT_FALSE(b) << c.text;
    EXPECT_EQ(b.error().field(), "file");
    EXPECT_NE(b.error().message().find(c.expect), std::string::npos)
        << c.text << " -> " << b.error().message();
  }
  auto table = ReadDelimitedText("Brott;2023\nKoppleri;3\n");
  EXPECT_EQ(ParseBraExport(*table, {.municipality = " "}).error().field(), "municipality");
}

TEST(ParseBraExport, PreliminaryMarksInHeaderCellAndNote) {
  auto b =
      Bra("Brott;2022;2023 (prel.);2024\nKoppleri;1;2;3*\n\nUppgifter för 2022 är "
          "preliminära\n");
  ASSERT_TRUE(b) << b.error().ToString();
  ASSERT_EQ(b->figures.size(), 3u);
  EXPECT_TRUE(b->figures[0].preliminary);
  EXPECT_TRUE(b->figures[1].preliminary);
  EXPECT_TRUE(b->figures[2].preliminary);
  EXPECT_EQ(b->figures[2].reported, 3);
}

TEST(ParseScbPopulation, ReadsPxWebCommaExportWithCodes) {
  auto t = ReadStatisticsFile(ReadData("scb_folkmangd.csv"));
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->format, "CSV (comma, Windows-1252)");
  auto p = ParseScbPopulation(*t);
  ASSERT_TRUE(p) << p.error().ToString();
  ASSERT_EQ(p->rows.size(), 20u);
  EXPECT_EQ(p->rows[0].region_code, "0580");
  EXPECT_EQ(p->rows[0].region, "Linköping");
  EXPECT_EQ(p->rows[0].year, 2015);
  EXPECT_EQ(p->rows[0].population, 158520);
  EXPECT_EQ(p->rows[19].region, "Norrköping");
  EXPECT_EQ(p->rows[19].population, 146210);
}

TEST(ParseScbPopulation, AddsUpSexesWhenNoTotalIsGiven) {
  auto t = ReadStatisticsFile(ReadData("scb_folkmangd_kon.csv"));
  ASSERT_TRUE(t);
  auto p = ParseScbPopulation(*t);
  ASSERT_TRUE(p) << p.error().ToString();
  ASSERT_EQ(p->rows.size(), 4u);
  EXPECT_EQ(p->rows[0].region, "Linköping");
  EXPECT_EQ(p->rows[0].year, 2023);
  EXPECT_EQ(p->rows[0].population, 168120);
  EXPECT_EQ(p->rows[1].population, 168890);
  auto with_total = ParseScbPopulation(
      *ReadDelimitedText("region;kön;2024\n0580 Linköping;män;10\n0580 Linköping;totalt;25\n"));
  ASSERT_TRUE(with_total);
  EXPECT_EQ(with_total->rows[0].population, 25);
}

TEST(ParseScbPopulation, ReadsTheLongLayoutAndRejectsBadValues) {
  auto p =
      ParseScbPopulation(*ReadDelimitedText("region,år,Folkmängd\nLinköping,2024,\"168 890\"\n"));
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->rows[0].population, 168890);
  EXPECT_EQ(p->rows[0].region_code, "");
  auto bad = ParseScbPopulation(*ReadDelimitedText("region;2024\n0580 Linköping;x\n"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "line 2, column 2: 'x' is not a whole count");
  auto zero = ParseScbPopulation(*ReadDelimitedText("region;2024\n0580 Linköping;0\n"));
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().message().find("not positive"), std::string::npos);
  EXPECT_FALSE(ParseScbPopulation(*ReadDelimitedText("kommun namn;antal\nx;1\n")));
}

TEST(NormaliseArea, DropsCodesSuffixesAndCase) {
  EXPECT_EQ(NormaliseArea("0580 Linköping"), "linköping");
  EXPECT_EQ(NormaliseArea("  LINKÖPING kommun "), "linköping");
  EXPECT_EQ(NormaliseArea("Linköping"), NormaliseArea("0580-Linköping"));
}

}  // namespace
}  // namespace synlig::report
